/// The disaggregation dimensions Counted knows, with their labels and the codes it names itself.
/// Most are concepts of the SDG data structure (SDMX); Indigenous status, ethnicity, migratory
/// status and sexual orientation and gender identity have no dimension there and are published
/// under these names (in SDMX, as a custom breakdown).
public enum DimensionCatalogue {
    /// The code for "everyone" (not disaggregated) in SDMX.
    public static let total = "_T"

    /// Known dimensions and their labels. A framework may add its own (upper-case letters, digits
    /// and '_').
    public static let labels: [String: String] = [
        "SEX": "Sex",
        "AGE": "Age",
        "DISABILITY_STATUS": "Disability status",
        "URBANISATION": "Urban or rural",
        "INCOME_WEALTH_QUANTILE": "Income or wealth quintile",
        "INDIGENOUS_STATUS": "Indigenous identity",
        "ETHNICITY": "Ethnicity",
        "MIGRATORY_STATUS": "Migratory status",
        "SEXUAL_ORIENTATION": "Sexual orientation",
        "GENDER_IDENTITY": "Gender identity",
        "EDUCATION_LEV": "Level of education",
        "REF_AREA": "Location",
    ]

    /// Labels of codes Counted gives itself.
    public static let levelLabels: [String: [String: String]] = [
        "SEX": ["F": "Female", "M": "Male"],
        "DISABILITY_STATUS": [WashingtonGroup.disabled: "Persons with disability", WashingtonGroup.notDisabled: "Persons without disability"],
        "URBANISATION": ["U": "Urban", "R": "Rural"],
        "INDIGENOUS_STATUS": ["IND": "Indigenous", "NIND": "Not Indigenous"],
    ]

    /// The label of a dimension: the known one, else the identifier made readable.
    public static func label(of dimension: String) -> String {
        labels[dimension] ?? dimension.replacingOccurrences(of: "_", with: " ").capitalized
    }

    /// Whether `name` can name a dimension: upper-case ASCII letters, digits and '_', starting with a letter.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isUppercase else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "_") }
    }
}
