import Foundation

/// What an XLSForm question type becomes in the XForm: the body control, the bind's data type and
/// the preload for metadata. It is pyxform's question type dictionary, reduced to the entries that
/// `FormElementType` can name plus the legacy type spellings that add a constraint or a hint.
struct XFormQuestionType: Sendable, Equatable {
    /// Body element (`input`, `select1`, `upload` ...); nil when the question has no control, and
    /// "action" for questions filled by an action (`start-geopoint`, `background-audio`).
    var tag: String?
    var mediatype: String?
    /// Bind attributes given by the type, in pyxform's order (`type`, `readonly`, `jr:preload` ...);
    /// nil when the type makes no bind at all (`trigger`).
    var bind: [(String, String)]?
    /// A hint the type supplies when the row has none (legacy "phone number" style types).
    var hint: String?

    static func == (lhs: XFormQuestionType, rhs: XFormQuestionType) -> Bool {
        lhs.tag == rhs.tag && lhs.mediatype == rhs.mediatype && lhs.hint == rhs.hint
            && lhs.bind?.map(\.0) == rhs.bind?.map(\.0) && lhs.bind?.map(\.1) == rhs.bind?.map(\.1)
    }

    private static func input(_ type: String) -> XFormQuestionType {
        XFormQuestionType(tag: "input", bind: [("type", type)])
    }

    private static func upload(_ mediatype: String) -> XFormQuestionType {
        XFormQuestionType(tag: "upload", mediatype: mediatype, bind: [("type", "binary")])
    }

    private static func preload(_ preload: String, type: String, parameters: String) -> XFormQuestionType {
        XFormQuestionType(tag: nil, bind: [("jr:preload", preload), ("type", type), ("jr:preloadParams", parameters)])
    }

    /// The XForm shape of `type`; `typeText` (as written) picks the legacy variants.
    static func of(_ type: FormElementType, typeText: String) -> XFormQuestionType {
        if let legacy = legacy[typeText.trimmingCharacters(in: .whitespaces)] { return legacy }
        switch type {
        case .text: return input("string")
        case .integer: return input("int")
        case .decimal: return input("decimal")
        case .range: return XFormQuestionType(tag: "range", bind: [("type", "int")])
        case .selectOneExternal: return input("string")
        case .selectOne, .selectOneFromFile: return XFormQuestionType(tag: "select1", bind: [("type", "string")])
        case .selectMultiple, .selectMultipleFromFile: return XFormQuestionType(tag: "select", bind: [("type", "string")])
        case .rank: return XFormQuestionType(tag: "odk:rank", bind: [("type", "odk:rank")])
        case .note: return XFormQuestionType(tag: "input", bind: [("readonly", "true()"), ("type", "string")])
        case .acknowledge: return XFormQuestionType(tag: "trigger", bind: [("type", "string")])
        case .geopoint: return input("geopoint")
        case .geotrace: return input("geotrace")
        case .geoshape: return input("geoshape")
        case .date: return input("date")
        case .time: return input("time")
        case .dateTime: return input("dateTime")
        case .image: return upload("image/*")
        case .audio: return upload("audio/*")
        case .video: return upload("video/*")
        case .file: return upload("application/*")
        case .barcode: return input("barcode")
        case .calculate, .hidden: return XFormQuestionType(tag: nil, bind: [("type", "string")])
        case .trigger: return XFormQuestionType(tag: "trigger", bind: nil)
        case .xmlExternal, .csvExternal: return XFormQuestionType(tag: nil, bind: nil)
        case .group, .repeat: return XFormQuestionType(tag: nil, bind: nil)
        case .metadata(let kind): return metadata(kind, typeText: typeText)
        }
    }

    private static func metadata(_ kind: FormMetadataKind, typeText: String) -> XFormQuestionType {
        switch kind {
        case .start: return preload("timestamp", type: "dateTime", parameters: "start")
        case .end: return preload("timestamp", type: "dateTime", parameters: "end")
        case .today: return preload("date", type: "date", parameters: "today")
        case .deviceid, .username, .phonenumber, .email, .subscriberid, .simserial:
            // "uri:username" style spellings ask for the URI form of the property.
            let written = typeText.trimmingCharacters(in: .whitespaces)
            let parameters = written.hasPrefix("uri:") ? written : kind.rawValue
            return preload("property", type: "string", parameters: parameters)
        case .audit: return XFormQuestionType(tag: nil, bind: [("type", "binary")])
        case .startGeopoint: return XFormQuestionType(tag: "action", bind: [("type", "geopoint")])
        case .backgroundAudio: return XFormQuestionType(tag: "action", bind: [("type", "binary")])
        case .backgroundGeopoint: return XFormQuestionType(tag: "trigger", bind: [("type", "geopoint")])
        }
    }

    /// Old type names that mean more than their modern equivalent.
    private static let legacy: [String: XFormQuestionType] = [
        "percentage": XFormQuestionType(tag: "input", bind: [("type", "int"), ("constraint", "0 <= . and . <= 100")]),
        "phone number": XFormQuestionType(
            tag: "input", bind: [("type", "string"), ("constraint", "regex(., '^\\d*$')")], hint: "Enter numbers only."),
        "number of days in last month": XFormQuestionType(
            tag: "input", bind: [("type", "int"), ("constraint", "0 <= . and . <= 31")], hint: "Enter a number 0-31."),
        "number of days in last six months": XFormQuestionType(
            tag: "input", bind: [("type", "int"), ("constraint", "0 <= . and . <= 183")], hint: "Enter a number 0-183."),
        "number of days in last year": XFormQuestionType(
            tag: "input", bind: [("type", "int"), ("constraint", "0 <= . and . <= 365")], hint: "Enter a number 0-365."),
    ]
}
