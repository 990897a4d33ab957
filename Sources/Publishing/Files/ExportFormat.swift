import Frameworks

/// The open-data formats a published round is exported in; the web downloads and
/// `counted export` make the same files.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// The tidy table alone.
    case csv
    /// A Frictionless Data Package: the tidy table and the indicator catalogue, described.
    case datapackage

    public func files(_ round: PublishedRound, framework: Framework) -> [ExportFile] {
        switch self {
        case .csv:
            [ExportFile(path: "\(round.projectSlug)-round-\(round.round).csv", mediaType: "text/csv", text: TidyTable(round).csv)]
        case .datapackage:
            DataPackage.files(round, framework: framework)
        }
    }
}
