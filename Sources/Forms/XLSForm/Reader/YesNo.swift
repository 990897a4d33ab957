/// The spellings of yes and no that pyxform understands in settings and parameters
/// (`yes`, `Yes`, `TRUE`, `true()`, `no`, `FALSE` ...), case as listed.
enum YesNo {
    /// true or false for a known spelling, nil for anything else.
    static func parse(_ text: String?) -> Bool? {
        guard let text else { return nil }
        if ["yes", "Yes", "YES", "true", "True", "TRUE", "true()"].contains(text) { return true }
        if ["no", "No", "NO", "false", "False", "FALSE", "false()"].contains(text) { return false }
        return nil
    }
}
