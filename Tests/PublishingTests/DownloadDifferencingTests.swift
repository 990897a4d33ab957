import Accounts
import CountedTestSupport
import Demo
import Foundation
import Frameworks
@testable import Publishing
import Storage
import Survey
import Testing

/// An intruder with every download of the demo's published rounds: the tidy CSV gives each
/// shown cell's respondents; nothing else is published about a suppressed cell. Audited exactly
/// against the true tables (recomputed from the submissions), no suppressed or small cell can be
/// worked out from what the files say.
@Suite("Differencing over the downloads")
struct DownloadDifferencingTests {
    @Test("no suppressed or small cell of any table can be worked out from a round's downloaded CSV")
    func downloads() async throws {
        try await TestDatabase.withStore(.sqlite) { store in
            _ = try await DemoSeed.seed(into: store, hasher: PasswordHasher(cost: 4))
            let project = try #require(try await store.project(slug: "demo"))
            let framework = try #require(try await store.framework(projectID: project.id)).framework
            var declared: [String: [String]] = [:]
            for group in framework.groups { declared[group.dimension] = group.declaredLevels }
            let publisher = RoundPublisher(store: store)
            var audited = 0, hidden = 0
            for round in try await store.rounds(projectID: project.id) {
                let published = try #require(try await publisher.published(project: project, round: round))
                let downloaded = Self.counts(csv: TidyTable(published).csv)
                hidden += downloaded.values.filter { $0 == .hidden(.tooFewRespondents) || $0 == .hidden(.protectsHiddenCell) }.count
                var rows: [String: [[String: String]]] = [:]
                for questionnaire in framework.questionnaires {
                    rows[questionnaire.form] = try await store.answerRows(projectID: project.id, formID: questionnaire.form, round: round)
                }
                let truth = await FrameworkComputation.compute(framework, submissions: rows, now: round.receivedUntil)
                let protection = OutcomeProtection(rules: published.rules)
                for outcome in truth.outcomes where !outcome.values.isEmpty {
                    let tables = try #require(protection.tables(outcome.values, declaredLevels: declared))
                    for table in tables {
                        let names = table.dimensions.map(\.name)
                        let view = table.cells.map { downloaded[Key(outcome.code, DomainKey(names, $0.coordinates))] ?? .hidden(.tableWithheld) }
                        for count in view.compactMap(\.shownValue) {
                            #expect(!published.rules.isSensitive(count: count), "round \(round.number) \(outcome.code): a cell of \(count) is shown")
                        }
                        let findings = DisclosureAuditor(rules: published.rules).audit(view: view, relations: table.relations)
                        for index in findings.disclosedCells {
                            let cell = table.cells[index]
                            let suppressed = view[index] != .hidden(.tableWithheld)
                            #expect(!suppressed && !published.rules.isSensitive(count: cell.count),
                                    "round \(round.number) \(outcome.code) \(names) \(cell.coordinates.map { $0 ?? "_T" }) n=\(cell.count) can be worked out")
                        }
                        audited += 1
                    }
                }
            }
            #expect(audited > 50)
            #expect(hidden > 10, "the demo hides cells, or this test proves nothing")
        }
    }

    struct Key: Hashable {
        var indicator: String
        var domain: DomainKey
        init(_ indicator: String, _ domain: DomainKey) {
            self.indicator = indicator
            self.domain = domain
        }
    }

    /// What the tidy CSV says of each cell: its respondents, or that it is suppressed (with the
    /// reason its flag gives).
    static func counts(csv: String) -> [Key: PublishedCount] {
        let lines = csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first, let nColumn = header.firstIndex(of: "n"), let flagsColumn = header.firstIndex(of: "flags"),
              let valueColumn = header.firstIndex(of: "value") else { return [:] }
        let dimensions = Array(header[2..<valueColumn])
        var counts: [Key: PublishedCount] = [:]
        for fields in lines.dropFirst() where fields.count == header.count {
            let levels = fields[2..<valueColumn].map { $0 == TidyTable.total ? nil : $0 } as [String?]
            let key = Key(fields[0], DomainKey(dimensions, levels))
            switch fields[flagsColumn] {
            case "S": counts[key] = .hidden(.tooFewRespondents)
            case "SP": counts[key] = .hidden(.protectsHiddenCell)
            case "SW": counts[key] = .hidden(.tableWithheld)
            default: counts[key] = Int(fields[nColumn]).map(PublishedCount.shown) ?? .hidden(.tableWithheld)
            }
        }
        return counts
    }
}
