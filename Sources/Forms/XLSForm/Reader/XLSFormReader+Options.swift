extension XLSFormReader {
    /// What the reader cannot learn from the workbook itself.
    public struct Options: Sendable, Equatable {
        /// The form ID to use when the settings sheet gives none. pyxform uses the file name
        /// without its extension ("household_survey.xlsx" gives "household_survey"); nil keeps
        /// ``FormSettings/formID`` nil so the caller can decide.
        public var fallbackFormID: String?

        public init(fallbackFormID: String? = nil) {
            self.fallbackFormID = fallbackFormID
        }
    }
}
