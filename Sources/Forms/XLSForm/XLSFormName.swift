/// The naming rule XLSForm applies to question names (they become XML element names):
/// a letter or underscore first, then letters, digits, '-', '_' or '.'.
enum XLSFormName {
    static func isValid(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter || first == "_" else { return false }
        return name.dropFirst().allSatisfy { character in
            character.isLetter || character.isNumber || character == "-" || character == "_" || character == "."
        }
    }

    static let ruleDescription =
        "a name must start with a letter or an underscore (_), followed only by letters, digits, '-', '_' or '.' (no spaces)"
}
