/// Every kind of survey row XLSForm defines (pyxform's question type dictionary, by its canonical
/// names). Aliases (`select one`, `dateTime`, `add text prompt` ...) are resolved by the reader;
/// `FormElement.typeText` keeps what was written.
public enum FormElementType: Sendable, Equatable, Hashable, Codable {
    case text, integer, decimal, range
    /// `select_one LIST` (`orOther`: `or_other` was written after the list name).
    case selectOne(list: String, orOther: Bool)
    case selectMultiple(list: String, orOther: Bool)
    /// `select_one_from_file FILE.csv|.xml|.geojson`.
    case selectOneFromFile(file: String)
    case selectMultipleFromFile(file: String)
    /// `select_one_external LIST`: choices from the external_choices sheet, filtered by `choice_filter`.
    case selectOneExternal(list: String)
    case rank(list: String)
    case note, acknowledge
    case geopoint, geotrace, geoshape
    case date, time, dateTime
    case image, audio, video, file, barcode
    case calculate, hidden
    /// Metadata filled in by the device: start, end, today, deviceid, username, phonenumber, email,
    /// subscriberid, simserial, audit, start-geopoint, background-audio, background-geopoint.
    case metadata(FormMetadataKind)
    case trigger
    /// `xml-external NAME` / `csv-external NAME`: a secondary instance from an attached file.
    case xmlExternal, csvExternal
    case group
    case `repeat`

    /// The canonical XLSForm spelling ("select_one yes_no or_other", "begin group" ...).
    public var xlsFormName: String {
        switch self {
        case .text: "text"
        case .integer: "integer"
        case .decimal: "decimal"
        case .range: "range"
        case .selectOne(let list, let orOther): "select_one \(list)" + (orOther ? " or_other" : "")
        case .selectMultiple(let list, let orOther): "select_multiple \(list)" + (orOther ? " or_other" : "")
        case .selectOneFromFile(let file): "select_one_from_file \(file)"
        case .selectMultipleFromFile(let file): "select_multiple_from_file \(file)"
        case .selectOneExternal(let list): "select_one_external \(list)"
        case .rank(let list): "rank \(list)"
        case .note: "note"
        case .acknowledge: "acknowledge"
        case .geopoint: "geopoint"
        case .geotrace: "geotrace"
        case .geoshape: "geoshape"
        case .date: "date"
        case .time: "time"
        case .dateTime: "datetime"
        case .image: "image"
        case .audio: "audio"
        case .video: "video"
        case .file: "file"
        case .barcode: "barcode"
        case .calculate: "calculate"
        case .hidden: "hidden"
        case .metadata(let kind): kind.rawValue
        case .trigger: "trigger"
        case .xmlExternal: "xml-external"
        case .csvExternal: "csv-external"
        case .group: "begin group"
        case .repeat: "begin repeat"
        }
    }

    /// The choice list a select or rank draws from, if any.
    public var choiceListName: String? {
        switch self {
        case .selectOne(let list, _), .selectMultiple(let list, _), .rank(let list): list
        default: nil
        }
    }
}

/// Metadata questions: answered by the device, never shown.
public enum FormMetadataKind: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    case start, end, today, deviceid, username, phonenumber, email, subscriberid, simserial, audit
    case startGeopoint = "start-geopoint"
    case backgroundAudio = "background-audio"
    case backgroundGeopoint = "background-geopoint"
}
