import Foundation
import Survey

/// What a round's publication holds: every indicator of the framework computed on the round's
/// submissions, with disclosure control applied once, when the round was published. Pages,
/// charts, downloads, the report and the API all read this one object, so they cannot disagree
/// and none of them can show a number the rules hide.
public struct PublishedRound: Sendable, Hashable, Codable {
    public var projectSlug: String
    public var projectName: String
    public var round: Int
    public var roundLabel: String
    /// The reference period: Year in Open SDG files, TIME_PERIOD in SDMX.
    public var period: String
    public var frameworkID: String
    public var frameworkVersion: String
    public var rules: DisclosureRules
    public var computedAt: Date
    /// Submissions the round holds, by questionnaire (form ID).
    public var submissions: [String: Int]
    public var indicators: [PublishedIndicator]
    /// The groups each indicator's gap compares; nil when the framework compares none.
    public var comparison: ComparedGroups?

    public init(projectSlug: String, projectName: String, round: Int, roundLabel: String, period: String, frameworkID: String,
                frameworkVersion: String, rules: DisclosureRules, computedAt: Date, submissions: [String: Int], indicators: [PublishedIndicator],
                comparison: ComparedGroups? = nil) {
        self.projectSlug = projectSlug
        self.projectName = projectName
        self.round = round
        self.roundLabel = roundLabel
        self.period = period
        self.frameworkID = frameworkID
        self.frameworkVersion = frameworkVersion
        self.rules = rules
        self.computedAt = computedAt
        self.submissions = submissions
        self.indicators = indicators
        self.comparison = comparison
    }

    public subscript(code: String) -> PublishedIndicator? { indicators.first { $0.code == code } }

    /// Every gap counted into the headline ("Worse off in 3 of 8 areas"): one per indicator that has one.
    public var gapSummary: GapSummary { GapSummary(gaps: indicators.compactMap(\.gap)) }

    /// The stored form: JSON with sorted keys, so the same results always give the same bytes.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }

    public static func decode(_ data: Data) throws -> PublishedRound {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(PublishedRound.self, from: data)
    }
}
