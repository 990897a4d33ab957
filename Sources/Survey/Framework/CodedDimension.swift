/// A disaggregation dimension (sex, age band, disability, region) as integer codes: the code of
/// each row indexes ``labels``, and a negative code is a missing value (the row is in no domain of
/// this dimension, but still counts overall and in other dimensions).
public struct CodedDimension: Sendable, Hashable {
    public var name: String
    /// The label of each code, e.g. ["female", "male"].
    public var labels: [String]
    /// The code of each row; negative where missing.
    public var codes: [Int32]

    public init(name: String, labels: [String], codes: [Int32]) {
        self.name = name
        self.labels = labels
        self.codes = codes
    }
}
