import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Storage

/// The XML documents and headers of the OpenRosa protocol (form list, manifest, response
/// messages), written by hand: they are small and fixed, and ODK Collect reads them strictly.
enum OpenRosaXML {
    static let version = HTTPField.Name.openRosaVersion
    static let acceptContentLength = HTTPField.Name.openRosaAcceptContentLength
    static let contentType = "text/xml; charset=utf-8"

    /// The headers every OpenRosa answer carries; `acceptLength` tells Collect how large one
    /// POST may be (it splits larger submissions into several POSTs).
    static func headers(acceptLength: Int, xml: Bool) -> HTTPFields {
        var fields = HTTPFields()
        fields[version] = "1.0"
        fields[acceptContentLength] = String(acceptLength)
        fields[.date] = httpDate(Date())
        if xml { fields[.contentType] = contentType }
        return fields
    }

    /// `<OpenRosaResponse>` with one message; `nature` is `submit_success` or `error`.
    static func message(_ text: String, nature: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <OpenRosaResponse xmlns="http://openrosa.org/http/response" items="0"><message nature="\(escape(nature))">\(escape(text))</message></OpenRosaResponse>
        """
    }

    /// The form list: one `<xform>` per downloadable form; `manifestUrl` only for forms with media.
    static func formList(_ forms: [PublishedForm], base: String) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" + #"<xforms xmlns="http://openrosa.org/xforms/xformsList">"# + "\n"
        for form in forms {
            let formURL = base + "/forms/" + pathSegment(form.formID)
            xml += "<xform><formID>\(escape(form.formID))</formID><name>\(escape(form.title))</name>"
            xml += "<version>\(escape(form.version))</version><hash>md5:\(form.xformMD5)</hash>"
            xml += "<downloadUrl>\(escape(formURL + "/form.xml"))</downloadUrl>"
            if !form.media.isEmpty { xml += "<manifestUrl>\(escape(formURL + "/manifest"))</manifestUrl>" }
            xml += "</xform>\n"
        }
        return xml + "</xforms>\n"
    }

    /// A form's media manifest.
    static func manifest(_ form: PublishedForm, base: String) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" + #"<manifest xmlns="http://openrosa.org/xforms/xformsManifest">"# + "\n"
        for file in form.media {
            let url = base + "/forms/" + pathSegment(form.formID) + "/media/" + pathSegment(file.name)
            xml += "<mediaFile><filename>\(escape(file.name))</filename><hash>md5:\(file.md5)</hash><downloadUrl>\(escape(url))</downloadUrl></mediaFile>\n"
        }
        return xml + "</manifest>\n"
    }

    static func escape(_ text: String) -> String {
        text.xmlEscaped(quotes: true)
    }

    static func pathSegment(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// An HTTP date (RFC 9110 IMF-fixdate: `Sun, 06 Nov 1994 08:49:37 GMT`), written by hand:
    /// every OpenRosa answer carries one, and a date formatter per answer cost more than the rest
    /// of the headers together.
    static func httpDate(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ number: Int32) -> String { number < 10 ? "0\(number)" : "\(number)" }
        return "\(days[Int(parts.tm_wday) % 7]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon) % 12]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
    }
}

/// An OpenRosa error: answered as an `<OpenRosaResponse>` message that ODK Collect shows to the
/// collector, with the protocol's headers (and the Basic challenge on 401).
struct OpenRosaError: HTTPResponseError {
    var status: HTTPResponse.Status
    var message: String
    var acceptLength: Int
    var challenge = false

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = OpenRosaXML.headers(acceptLength: acceptLength, xml: true)
        if challenge { headers[.wwwAuthenticate] = #"Basic realm="Counted", charset="UTF-8""# }
        return Response(status: status, headers: headers,
                        body: .init(byteBuffer: ByteBuffer(string: OpenRosaXML.message(message, nature: "error"))))
    }
}
