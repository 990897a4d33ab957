/// How a published value's disclosure-control status is told in SDMX, with the codes of the SDMX
/// cross-domain code lists so that any SDMX tool reads them without a table of Counted's flags.
///
/// Two attributes carry it, as statistics offices do: `OBS_STATUS` (CL_OBS_STATUS) says whether
/// there is a number and how far to trust it, `CONF_STATUS` (CL_CONF_STATUS) says why a number
/// is withheld. Together they keep every distinction of the tidy file's flags (S, SP, SW, U).
enum SDMXStatus {
    /// A code and its name as the SDMX code list gives it.
    struct Code: Sendable, Hashable {
        var id: String
        var name: String
    }

    static let normal = Code(id: "A", name: "Normal value")
    static let lowReliability = Code(id: "U", name: "Low reliability")
    static let suppressed = Code(id: "Q", name: "Missing value; suppressed")
    static let missing = Code(id: "O", name: "Missing value")

    static let free = Code(id: "F", name: "Free (free for publication)")
    static let smallCounts = Code(id: "A", name: "Primary confidentiality due to small counts")
    static let secondary = Code(id: "D", name: "Secondary confidentiality set by the sender, not for publication")
    static let confidential = Code(id: "C", name: "Confidential statistical information")

    /// The observation statuses Counted uses, in the order its code list gives them.
    static let observationCodes = [normal, lowReliability, suppressed, missing]
    /// The confidentiality statuses Counted uses.
    static let confidentialityCodes = [free, smallCounts, secondary, confidential]

    /// `OBS_STATUS` of a value: suppressed (Q), shown but unreliable (U), shown (A), or, for a
    /// domain that has no estimate at all, missing (O).
    static func observation(_ value: PublishedValue) -> Code {
        if value.isSuppressed { return suppressed }
        if value.value == nil { return missing }
        return value.isUnreliable ? lowReliability : normal
    }

    /// `CONF_STATUS` of a value: why it is withheld (fewer than the minimum respondents: A; to
    /// protect another hidden cell: D; the whole table withheld: C), or free (F).
    static func confidentiality(_ value: PublishedValue) -> Code {
        switch value.suppression {
        case .tooFewRespondents: smallCounts
        case .protectsHiddenCell: secondary
        case .tableWithheld: confidential
        case nil: free
        }
    }
}
