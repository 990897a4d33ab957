import Testing
import Survey

@Suite("Disclosure rules and reliability flags")
struct DisclosureRulesTests {
    @Test func defaultsAreTenRespondentsAndThirtyPercent() {
        let rules = DisclosureRules()
        #expect(rules.minimumCount == 10)
        #expect(rules.maximumRelativeStandardError == 0.30)
        #expect(DisclosureControl().rules == rules)
    }

    @Test func sensitivityExcludesEmptyCells() {
        let rules = DisclosureRules()
        #expect(!rules.isSensitive(count: 0))
        #expect(rules.isSensitive(count: 1))
        #expect(rules.isSensitive(count: 9))
        #expect(!rules.isSensitive(count: 10))
    }

    @Test func relativeStandardErrorOfExactlyThirtyPercentIsNotFlagged() {
        let rules = DisclosureRules()
        #expect(!rules.isUnreliable(estimate: 10, standardError: 3))
        #expect(!rules.isUnreliable(estimate: 1, standardError: 0.3))
        #expect(!rules.isUnreliable(estimate: -10, standardError: 3))
        #expect(rules.isUnreliable(estimate: 10, standardError: 3.0001))
        #expect(rules.isUnreliable(estimate: -10, standardError: 3.5))
        #expect(!rules.isUnreliable(estimate: 10, standardError: 2.9))
    }

    @Test func zeroEstimateIsFlaggedOnlyWithAPositiveStandardError() {
        let rules = DisclosureRules()
        #expect(rules.isUnreliable(estimate: 0, standardError: 0.01))
        #expect(!rules.isUnreliable(estimate: 0, standardError: 0))
    }

    @Test func missingStandardErrorIsNotFlagged() {
        let rules = DisclosureRules()
        #expect(!rules.isUnreliable(estimate: 5, standardError: nil))
        #expect(!rules.isUnreliable(estimate: nil, standardError: 1))
        #expect(!rules.isUnreliable(estimate: .nan, standardError: 1))
    }

    @Test func footnotesFollowTheRules() {
        #expect(DisclosureNote.tooFewRespondents(minimumCount: 10).text == "Fewer than 10 respondents")
        #expect(DisclosureNote.protectsHiddenCell.text
            == "Hidden so that a hidden cell cannot be worked out from the totals")
        #expect(DisclosureNote.unreliable(maximumRelativeStandardError: 0.30).text
            == "Relative standard error above 30%: use with caution")
        #expect(DisclosureNote.unreliable(maximumRelativeStandardError: 0.125).text
            == "Relative standard error above 12.5%: use with caution")
        #expect(DisclosureNote.tooFewRespondents(minimumCount: 5).text == "Fewer than 5 respondents")
    }

    @Test func flagsTravelWithTheNumbers() throws {
        let table = try DisclosureTable(
            dimensions: [TableDimension(name: "region", levels: ["north", "south", "east"])],
            cells: [
                DisclosureCell(coordinates: ["north"], count: 40, estimate: 0.5, standardError: 0.1),
                DisclosureCell(coordinates: ["south"], count: 30, estimate: 0.1, standardError: 0.03),
                DisclosureCell(coordinates: ["east"], count: 25, estimate: 0.1, standardError: 0.05),
                DisclosureCell(coordinates: [nil], count: 95, estimate: 0.25, standardError: 0.02),
            ])
        let protected = DisclosureControl().protect(table)
        let north = try #require(protected.cell(at: ["north"]))
        #expect(north.status == .published && north.count == 40 && north.estimate == 0.5 && !north.isUnreliable)
        #expect(north.notes.isEmpty)
        let south = try #require(protected.cell(at: ["south"]))
        #expect(!south.isUnreliable)
        let east = try #require(protected.cell(at: ["east"]))
        #expect(east.isUnreliable)
        #expect(east.estimate == 0.1, "unreliable estimates are still published")
        #expect(east.notes.map(\.text) == ["Relative standard error above 30%: use with caution"])
    }

    @Test func hiddenCellsCarryNoNumbers() throws {
        let table = try DisclosureTable(
            dimensions: [TableDimension(name: "region", levels: ["north", "south", "east"])],
            cells: [
                DisclosureCell(coordinates: ["north"], count: 4, estimate: 0.5, standardError: 0.4),
                DisclosureCell(coordinates: ["south"], count: 30, estimate: 0.2, standardError: 0.03),
                DisclosureCell(coordinates: ["east"], count: 25, estimate: 0.1, standardError: 0.01),
            ])
        let protected = DisclosureControl().protect(table)
        let north = try #require(protected.cell(at: ["north"]))
        #expect(north.status == .suppressed(.tooFewRespondents))
        #expect(north.count == nil && north.estimate == nil && north.standardError == nil)
        #expect(!north.isUnreliable)
        #expect(north.notes.map(\.text) == ["Fewer than 10 respondents"])
        let east = try #require(protected.cell(at: ["east"]))
        #expect(east.status == .suppressed(.protectsHiddenCell))
        #expect(east.notes.map(\.text) == ["Hidden so that a hidden cell cannot be worked out from the totals"])
        #expect(east.count == nil && east.estimate == nil)
    }
}
