/// An international human rights instrument an indicator can monitor: the treaties, declarations
/// and principles that citizen-data initiatives report against.
public struct RightsInstrument: Sendable, Hashable, Codable, Comparable {
    /// The key used in framework files, e.g. "CRPD".
    public var code: String
    public var name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }

    public static func < (lhs: RightsInstrument, rhs: RightsInstrument) -> Bool { lhs.code < rhs.code }

    /// The instruments a framework file may name.
    public static let known: [RightsInstrument] = [
        RightsInstrument(code: "UDHR", name: "Universal Declaration of Human Rights"),
        RightsInstrument(code: "ICCPR", name: "International Covenant on Civil and Political Rights"),
        RightsInstrument(code: "ICESCR", name: "International Covenant on Economic, Social and Cultural Rights"),
        RightsInstrument(code: "CERD", name: "International Convention on the Elimination of All Forms of Racial Discrimination"),
        RightsInstrument(code: "CEDAW", name: "Convention on the Elimination of All Forms of Discrimination against Women"),
        RightsInstrument(code: "CAT", name: "Convention against Torture"),
        RightsInstrument(code: "CRC", name: "Convention on the Rights of the Child"),
        RightsInstrument(code: "ICRMW", name: "International Convention on the Protection of the Rights of All Migrant Workers"),
        RightsInstrument(code: "CRPD", name: "Convention on the Rights of Persons with Disabilities"),
        RightsInstrument(code: "UNDRIP", name: "United Nations Declaration on the Rights of Indigenous Peoples"),
        RightsInstrument(code: "ILO-C169", name: "ILO Indigenous and Tribal Peoples Convention, 1989 (No. 169)"),
        RightsInstrument(code: "DHRD", name: "Declaration on Human Rights Defenders"),
        RightsInstrument(code: "YOGYAKARTA", name: "Yogyakarta Principles (and Yogyakarta Principles plus 10)"),
    ]

    /// The known instrument with `code`, compared without regard to case.
    public static func named(_ code: String) -> RightsInstrument? {
        known.first { $0.code.caseInsensitiveCompare(code) == .orderedSame }
    }
}

/// Articles of one instrument that an indicator monitors.
public struct RightsReference: Sendable, Hashable, Codable {
    public var instrument: RightsInstrument
    /// As written: "27", "5.1", "4(1)".
    public var articles: [String]

    public init(instrument: RightsInstrument, articles: [String]) {
        self.instrument = instrument
        self.articles = articles
    }
}
