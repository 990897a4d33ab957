/// One value of an indicator in one year: the unit of an SDG-style progress assessment, which
/// works on the yearly series of point values (often from several survey rounds or official
/// releases) rather than on one sample.
public struct TrendPoint: Sendable, Hashable, Codable {
    public var year: Int
    public var value: Double

    public init(year: Int, value: Double) {
        self.year = year
        self.value = value
    }
}
