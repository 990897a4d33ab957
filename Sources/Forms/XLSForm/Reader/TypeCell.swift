/// What the `type` cell of a survey row says, read with pyxform's patterns: a section begins or
/// ends, a select names its list (and maybe `or_other`), a setting is given on the survey sheet,
/// or it is a plain type name.
enum TypeCell: Sendable, Equatable {
    case begin(SectionKind)
    case end(SectionKind)
    case select(SelectCommand, list: String, orOther: Bool)
    /// A select type written without its list name (`select_one` alone).
    case selectWithoutList(String)
    /// `form_title`, `form_id` or `prefix` used as a type: the row's name sets that setting.
    case setting(String)
    case plain(String)

    /// How sections nest: `group`, `repeat`, or pyxform's legacy `loop` over a list.
    enum SectionKind: String, Sendable, Equatable {
        case group, `repeat`, loop
    }

    /// The kinds of select, after pyxform's aliases.
    enum SelectKind: Sendable, Equatable {
        case one, multiple, oneExternal, rank
    }

    /// A select command as written, with what it means.
    struct SelectCommand: Sendable, Equatable {
        var written: String
        var kind: SelectKind
        /// `select_one_from_file` and its spellings: the list must be a file name.
        var fromFile: Bool
    }

    init(_ text: String) {
        if let kind = Self.section(text, verb: "begin", allowsListName: true) {
            self = .begin(kind)
        } else if let kind = Self.section(text, verb: "end", allowsListName: false) {
            self = .end(kind)
        } else if let select = Self.select(text) {
            self = select
        } else if Self.settingTypes.contains(text) {
            self = .setting(text)
        } else if Self.bareSelects.contains(text) {
            self = .selectWithoutList(text)
        } else {
            self = .plain(text)
        }
    }

    /// `begin group`, `begin_repeat`, `begin lgroup`, `begin looped group`, `begin loop over x`;
    /// the same with `end` (without the list name).
    private static func section(_ text: String, verb: String, allowsListName: Bool) -> SectionKind? {
        guard text.hasPrefix(verb), let separator = text.dropFirst(verb.count).first,
              separator == "_" || separator.isWhitespace else { return nil }
        let rest = text.dropFirst(verb.count + 1)
        for (word, kind) in sectionWords {
            guard rest.hasPrefix(word) else { continue }
            let tail = rest.dropFirst(word.count)
            if tail.isEmpty { return kind }
            guard allowsListName, tail.first == " " else { continue }
            var listPart = tail.dropFirst()
            if listPart.hasPrefix("over ") { listPart = listPart.dropFirst(5) }
            if !listPart.isEmpty, !listPart.contains(where: \.isWhitespace) { return kind }
        }
        return nil
    }

    private static let sectionWords: [(String, SectionKind)] = [
        ("group", .group), ("lgroup", .repeat), ("repeat", .repeat), ("loop", .loop), ("looped group", .repeat),
    ]

    private static func select(_ text: String) -> TypeCell? {
        for command in selectCommands {
            guard text.hasPrefix(command.written + " ") else { continue }
            let parts = text.dropFirst(command.written.count + 1).split(separator: " ", omittingEmptySubsequences: false)
            guard let list = parts.first, !list.isEmpty, !list.contains(where: \.isWhitespace) else { continue }
            let rest = parts.dropFirst().joined(separator: " ")
            if rest.isEmpty { return .select(command, list: String(list), orOther: false) }
            if ["or specify other", "or_other", "or other"].contains(rest) {
                return .select(command, list: String(list), orOther: true)
            }
        }
        return nil
    }

    /// pyxform's select commands, in the order its pattern tries them.
    static let selectCommands: [SelectCommand] = [
        SelectCommand(written: "add select one prompt using", kind: .one, fromFile: false),
        SelectCommand(written: "add select multiple prompt using", kind: .multiple, fromFile: false),
        SelectCommand(written: "select all that apply from", kind: .multiple, fromFile: false),
        SelectCommand(written: "select one from", kind: .one, fromFile: false),
        SelectCommand(written: "select1", kind: .one, fromFile: false),
        SelectCommand(written: "select_one", kind: .one, fromFile: false),
        SelectCommand(written: "select one", kind: .one, fromFile: false),
        SelectCommand(written: "select_multiple", kind: .multiple, fromFile: false),
        SelectCommand(written: "select all that apply", kind: .multiple, fromFile: false),
        SelectCommand(written: "select_one_external", kind: .oneExternal, fromFile: false),
        SelectCommand(written: "select_one_from_file", kind: .one, fromFile: true),
        SelectCommand(written: "select_multiple_from_file", kind: .multiple, fromFile: true),
        SelectCommand(written: "select one from file", kind: .one, fromFile: true),
        SelectCommand(written: "select multiple from file", kind: .multiple, fromFile: true),
        SelectCommand(written: "rank", kind: .rank, fromFile: false),
    ]

    /// Select spellings that need a list name after them.
    private static let bareSelects: Set<String> = Set(selectCommands.map(\.written)).union([
        "q select", "q select1", "select one using", "select multiple using", "select multiple from",
        "select one external",
    ])

    private static let settingTypes: Set<String> = ["form_title", "set_form_title", "form_id", "set_form_id", "prefix"]
}
