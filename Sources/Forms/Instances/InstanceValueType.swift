/// The type of a flattened value, as the XForm declares it (`<bind type="…">`), except that
/// selects keep their control name (`select1`, `select`) because analysis treats a choice
/// differently from free text. `repeat` marks the row of one repeat instance; `unknown` a node
/// the form does not define (kept, with a finding).
public enum InstanceValueType: String, Sendable, Equatable, Codable, CaseIterable {
    case string, int, decimal, boolean, date, time, dateTime, geopoint, geotrace, geoshape, binary, barcode
    case select1, select
    case rank = "odk:rank"
    case `repeat`
    case unknown

    /// The type a form element's answer has in the submitted instance; nil for groups (which
    /// hold no value) and for elements that make no node in the primary instance.
    public init?(_ type: FormElementType, parameters: [FormAttribute] = []) {
        switch type {
        case .text, .calculate, .hidden, .note, .acknowledge, .trigger: self = .string
        case .integer: self = .int
        case .decimal: self = .decimal
        case .range:
            // pyxform makes a range decimal when any of its parameters is not a whole number.
            self = parameters.contains { ["start", "end", "step"].contains($0.name) && $0.value.contains(".") } ? .decimal : .int
        case .selectOne, .selectOneFromFile, .selectOneExternal: self = .select1
        case .selectMultiple, .selectMultipleFromFile: self = .select
        case .rank: self = .rank
        case .geopoint: self = .geopoint
        case .geotrace: self = .geotrace
        case .geoshape: self = .geoshape
        case .date: self = .date
        case .time: self = .time
        case .dateTime: self = .dateTime
        case .image, .audio, .video, .file: self = .binary
        case .barcode: self = .barcode
        case .metadata(let kind):
            switch kind {
            case .start, .end: self = .dateTime
            case .today: self = .date
            case .audit, .backgroundAudio: self = .binary
            case .startGeopoint, .backgroundGeopoint: self = .geopoint
            case .deviceid, .username, .phonenumber, .email, .subscriberid, .simserial: self = .string
            }
        case .group, .repeat, .xmlExternal, .csvExternal: return nil
        }
    }

    /// Whether values of this type also get a numeric column.
    public var isNumeric: Bool { self == .int || self == .decimal }
}
