import Yams

/// A node of a YAML document with its place: its line and the path of keys and positions that
/// leads to it. Every problem found while reading names both.
struct YAMLField {
    let node: Node
    let path: String

    var line: Int? { node.mark?.line }

    /// The path of a key below this node.
    func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The text of a scalar; nil for a mapping or a list.
    var scalar: String? { node.scalar?.string }

    /// True for a YAML null (`~`, `null`, or nothing after the colon).
    var isNull: Bool {
        guard let scalar = node.scalar else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }
}

/// Reads a YAML document field by field, collecting problems instead of stopping at the first,
/// so an author sees everything to fix at once.
struct YAMLReader {
    let fileName: String
    private(set) var problems: [FrameworkFileProblem] = []

    init(fileName: String) {
        self.fileName = fileName
    }

    mutating func problem(line: Int?, field: String?, _ message: String) {
        problems.append(FrameworkFileProblem(file: fileName, line: line, field: field, message: message))
    }

    mutating func problem(_ field: YAMLField, _ message: String) {
        problem(line: field.line, field: field.path, message)
    }

    /// The document's root, or nil with a problem saying why it cannot be read.
    mutating func root(of text: String) -> YAMLField? {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                problem(line: nil, field: nil, "The file is empty.")
                return nil
            }
            return YAMLField(node: node, path: "")
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let message, let mark, _), .parser(_, let message, let mark, _), .composer(_, let message, let mark, _):
                problem(line: mark.line, field: nil, "This is not valid YAML: \(message).")
            case .duplicatedKeysInMapping(let duplicates, let context):
                problem(line: context.mark.line, field: nil, "A key is given twice: \(duplicates.joined(separator: ", ")).")
            default:
                problem(line: nil, field: nil, "This is not valid YAML: \(error).")
            }
            return nil
        } catch {
            problem(line: nil, field: nil, "This is not valid YAML: \(error).")
            return nil
        }
    }

    /// The entries of a mapping, in order. Keys not in `allowed` are reported (a misspelt key would
    /// otherwise be silently ignored); nil with a problem when the node is not a mapping.
    mutating func mapping(_ field: YAMLField, allowed: [String]? = nil) -> YAMLMapping? {
        guard let mapping = field.node.mapping else {
            problem(field, "Expected a mapping (key: value lines) here.")
            return nil
        }
        var entries: [(key: String, value: YAMLField, line: Int?)] = []
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                problem(line: key.mark?.line, field: field.path, "A key must be plain text.")
                continue
            }
            if let allowed, !allowed.contains(name) {
                problem(line: key.mark?.line, field: field.path(name),
                        "Unknown field '\(name)'. Allowed here: \(allowed.joined(separator: ", ")).")
                continue
            }
            entries.append((name, YAMLField(node: value, path: field.path(name)), key.mark?.line))
        }
        return YAMLMapping(field: field, entries: entries)
    }

    /// The items of a list; nil with a problem when the node is not a list.
    mutating func list(_ field: YAMLField) -> [YAMLField]? {
        guard let sequence = field.node.sequence else {
            problem(field, "Expected a list (lines starting with '- ') here.")
            return nil
        }
        return sequence.enumerated().map { YAMLField(node: $1, path: "\(field.path)[\($0)]") }
    }

    /// A non-empty text; nil with a problem otherwise.
    mutating func text(_ field: YAMLField) -> String? {
        guard let scalar = field.scalar, !field.isNull else {
            problem(field, "Expected a text here.")
            return nil
        }
        let trimmed = scalar.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            problem(field, "This must not be empty.")
            return nil
        }
        return trimmed
    }

    /// A list of texts; a single text is read as a list of one.
    mutating func texts(_ field: YAMLField) -> [String]? {
        if field.node.scalar != nil { return text(field).map { [$0] } }
        guard let items = list(field) else { return nil }
        var result: [String] = []
        for item in items {
            if let text = text(item) { result.append(text) }
        }
        return result
    }

    /// A number; nil with a problem otherwise.
    mutating func number(_ field: YAMLField) -> Double? {
        guard let scalar = field.scalar, let value = Double(scalar.trimmingCharacters(in: .whitespaces)), value.isFinite else {
            problem(field, "Expected a number here.")
            return nil
        }
        return value
    }

    /// An integer; nil with a problem otherwise.
    mutating func integer(_ field: YAMLField) -> Int? {
        guard let scalar = field.scalar, let value = Int(scalar.trimmingCharacters(in: .whitespaces)) else {
            problem(field, "Expected a whole number here.")
            return nil
        }
        return value
    }

    /// One of `cases`; nil with a problem naming them otherwise.
    mutating func choice<T: RawRepresentable & CaseIterable>(_ field: YAMLField, of type: T.Type) -> T? where T.RawValue == String {
        guard let text = text(field) else { return nil }
        guard let value = T(rawValue: text) else {
            problem(field, "'\(text)' is not allowed here. Use one of: \(T.allCases.map(\.rawValue).joined(separator: ", ")).")
            return nil
        }
        return value
    }

    /// A text in each language: a mapping `{en: ..., fr: ...}`, or one plain text for all.
    mutating func localized(_ field: YAMLField, languages: [String]) -> FrameworkText? {
        if field.node.scalar != nil { return text(field).map { FrameworkText(plain: $0) } }
        guard let mapping = mapping(field) else { return nil }
        var translations: [FrameworkText.Translation] = []
        for entry in mapping.entries {
            if !languages.isEmpty, !languages.contains(entry.key) {
                problem(line: entry.line, field: entry.value.path,
                        "'\(entry.key)' is not one of the framework's languages (\(languages.joined(separator: ", "))).")
                continue
            }
            if let text = text(entry.value) { translations.append(.init(language: entry.key, text: text)) }
        }
        if translations.isEmpty, mapping.entries.isEmpty { problem(field, "Give at least one language's text.") }
        return FrameworkText(translations)
    }
}

/// A mapping's entries with their places.
struct YAMLMapping {
    let field: YAMLField
    let entries: [(key: String, value: YAMLField, line: Int?)]

    subscript(key: String) -> YAMLField? {
        entries.first { $0.key == key }?.value
    }

    var keys: [String] { entries.map(\.key) }

    /// The value of `key`, or nil with a problem saying it is missing.
    func required(_ key: String, _ reader: inout YAMLReader) -> YAMLField? {
        if let value = self[key], !value.isNull { return value }
        reader.problem(line: self[key]?.line ?? field.line, field: field.path(key), "The field '\(key)' is missing.")
        return nil
    }

    /// The value of `key` unless absent or null.
    func optional(_ key: String) -> YAMLField? {
        guard let value = self[key], !value.isNull else { return nil }
        return value
    }
}
