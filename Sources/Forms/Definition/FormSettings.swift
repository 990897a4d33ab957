/// The settings sheet. Every column is kept: the named ones are what the XForm and the server
/// use; `other` keeps the rest (style, namespaces, auto_send ...) so nothing the author wrote is lost.
public struct FormSettings: Sendable, Equatable, Codable {
    /// `form_title`; nil when the sheet gives none (the writer then uses the form ID, as pyxform).
    public var formTitle: String?
    /// `form_id` (alias `id_string`); nil when absent (the caller supplies a fallback, as pyxform
    /// uses the file name).
    public var formID: String?
    public var version: String?
    public var defaultLanguage: String?
    /// `instance_name`: an expression naming each submission.
    public var instanceName: String?
    /// `public_key`: base64 RSA key; when present submissions are encrypted on the device.
    public var publicKey: String?
    public var submissionURL: String?
    /// `allow_choice_duplicates`: yes lets one list repeat a choice name.
    public var allowChoiceDuplicates: Bool
    /// `name` (the root element name of the instance; "data" when absent).
    public var rootName: String?
    /// Every other settings column, by lower-cased header, in sheet order.
    public var other: [FormAttribute]
    /// Row of the settings sheet the values came from (2 in a normal file); 0 when none.
    public var row: Int

    public init(formTitle: String? = nil, formID: String? = nil, version: String? = nil,
                defaultLanguage: String? = nil, instanceName: String? = nil, publicKey: String? = nil,
                submissionURL: String? = nil, allowChoiceDuplicates: Bool = false, rootName: String? = nil,
                other: [FormAttribute] = [], row: Int = 0) {
        self.formTitle = formTitle
        self.formID = formID
        self.version = version
        self.defaultLanguage = defaultLanguage
        self.instanceName = instanceName
        self.publicKey = publicKey
        self.submissionURL = submissionURL
        self.allowChoiceDuplicates = allowChoiceDuplicates
        self.rootName = rootName
        self.other = other
        self.row = row
    }
}

/// A name and a value kept in order: extra settings, `bind::`/`body::`/`instance::` columns,
/// `parameters`, extra choice columns used by choice filters.
public struct FormAttribute: Sendable, Equatable, Codable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
