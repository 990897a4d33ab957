import Forms
import Frameworks
import Survey
import Testing

/// What may be published of an indicator: small groups hidden, with a partner hidden where the
/// total would give them away; flags and footnotes travel with the rows.
@Suite("Indicator results under disclosure control")
struct IndicatorDisclosureTests {
    static func row(_ group: String?, count: Int, total: Int, se: Double? = 0.01) -> IndicatorRow {
        IndicatorRow(group: group, groupLabel: group ?? "All respondents", count: count, total: total,
                     share: total == 0 ? nil : Double(count) / Double(total), standardError: total == 0 ? nil : se)
    }

    static func result(_ rows: [IndicatorRow]) -> IndicatorResult {
        IndicatorResult(code: "W-1", title: "Work", valueLabel: "Yes", dimension: "disability", dimensionLabel: "Disability", rows: rows)
    }

    @Test func aSmallGroupIsHiddenWithAPartnerSoTheTotalDoesNotGiveItAway() {
        let raw = Self.result([Self.row(nil, count: 60, total: 120), Self.row("yes", count: 2, total: 4),
                               Self.row("no", count: 40, total: 80), Self.row("unsure", count: 18, total: 36)])
        let published = raw.protected()
        let byGroup = Dictionary(uniqueKeysWithValues: published.rows.map { ($0.group ?? "all", $0) })
        #expect(byGroup["yes"]?.isHidden == true)
        #expect(byGroup["yes"]?.count == nil && byGroup["yes"]?.total == nil && byGroup["yes"]?.share == nil)
        #expect(byGroup["yes"]?.notes == ["Fewer than 10 respondents"])
        // 120 - 80 - 36 = 4 would reveal the hidden group; the smallest other group is hidden too.
        #expect(byGroup["unsure"]?.isHidden == true)
        #expect(byGroup["no"]?.isHidden == false && byGroup["no"]?.total == 80)
        #expect(byGroup["all"]?.isHidden == false)
        let shownTotals = published.rows.compactMap(\.total)
        #expect(shownTotals.allSatisfy { $0 >= 10 })
    }

    @Test func unknownGroupsProtectTheOthersOnlyWhenLargeEnoughAndAreAssumedKnown() {
        // 10 respondents gave no group: treated as known, so the small group still needs a partner.
        let raw = Self.result([Self.row(nil, count: 50, total: 100), Self.row("yes", count: 1, total: 3), Self.row("no", count: 45, total: 87)])
        let published = raw.protected()
        #expect(published.rows.first { $0.group == "yes" }?.isHidden == true)
        #expect(published.rows.contains { $0.group == "no" && $0.isHidden } || published.rows.contains { $0.group == nil && $0.isHidden })
    }

    @Test func anImpreciseShareIsShownButFlagged() {
        let raw = Self.result([Self.row(nil, count: 3, total: 200, se: 0.01), Self.row("yes", count: 1, total: 50, se: 0.02),
                               Self.row("no", count: 2, total: 150, se: 0.001)])
        let published = raw.protected()
        let yes = published.rows.first { $0.group == "yes" }
        #expect(yes?.isHidden == false && yes?.isUnreliable == true)
        #expect(yes?.notes.first?.contains("30%") == true)
        #expect(published.rows.first { $0.group == "no" }?.isUnreliable == false)
    }

    @Test func groupsWithNoRespondentsStayNoData() {
        let raw = Self.result([Self.row(nil, count: 30, total: 50), Self.row("yes", count: 0, total: 0), Self.row("no", count: 30, total: 50)])
        let published = raw.protected()
        let empty = published.rows.first { $0.group == "yes" }
        #expect(empty?.isHidden == false && empty?.total == 0 && empty?.share == nil)
    }
}
