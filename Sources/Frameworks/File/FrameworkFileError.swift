/// Why a framework file (or a kit's synthetic model, or a reference values file) was refused:
/// every problem found, each naming the file, the line and the field, so it can be fixed in one
/// pass in any text editor.
public struct FrameworkFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [FrameworkFileProblem]

    public init(problems: [FrameworkFileProblem]) {
        self.problems = problems
    }

    /// One line per problem.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}

/// One thing wrong in a file, and where.
public struct FrameworkFileProblem: Sendable, Equatable, Codable, CustomStringConvertible {
    public var file: String
    /// 1-based; nil when the problem is the whole file.
    public var line: Int?
    /// The field's path, e.g. "themes[1].indicators[0].computation.proportion.numerator"
    /// (positions counted from 0); nil for the whole file.
    public var field: String?
    public var message: String

    public init(file: String, line: Int?, field: String?, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// "framework.yaml, line 12, field themes[0].code: message".
    public var description: String {
        var place = file
        if let line { place += ", line \(line)" }
        if let field, !field.isEmpty { place += ", field \(field)" }
        return "\(place): \(message)"
    }
}
