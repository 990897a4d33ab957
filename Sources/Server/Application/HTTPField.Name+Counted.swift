import HTTPTypes

/// The header names Counted reads or writes beyond those HTTPTypes predefines, in one place.
extension HTTPField.Name {
    static let csrfToken = known("X-CSRF-Token")
    static let requestID = known("X-Request-ID")
    static let openRosaVersion = known("X-OpenRosa-Version")
    static let openRosaAcceptContentLength = known("X-OpenRosa-Accept-Content-Length")
    static let forwardedProto = known("X-Forwarded-Proto")
    static let forwardedHost = known("X-Forwarded-Host")
    static let host = known("Host")
    /// RFC 8288 links to the next and previous pages of a paginated answer.
    static let linkHeader = known("Link")

    /// A name written in this file: valid by construction, so a typo stops the server at its
    /// first use with a message instead of a silent nil.
    private static func known(_ text: String) -> HTTPField.Name {
        guard let name = HTTPField.Name(text) else { preconditionFailure("'\(text)' is not a valid HTTP header name") }
        return name
    }
}
