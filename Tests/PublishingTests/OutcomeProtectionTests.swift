import Frameworks
import Kits
import Survey
import Testing
@testable import Publishing

/// Disclosure control on an indicator's values: small groups hidden, what would give them away
/// hidden too, in every table that shows the same cell, and nothing hidden recoverable.
@Suite("Outcome protection")
struct OutcomeProtectionTests {
    static func value(_ dimensions: [String], _ levels: [String], n: Int, share: Double = 0.5) -> DomainValue {
        DomainValue(dimensions: dimensions, levels: levels,
                    estimate: Estimate(value: share, standardError: 0.05, degreesOfFreedom: n - 1, sampleSize: n, weightedSize: Double(n)))
    }

    let protection = OutcomeProtection(rules: DisclosureRules(minimumCount: 10))

    @Test("a small group is hidden, and so is a partner, so the total does not give it away")
    func smallGroupAndPartner() {
        // 60 = 40 F + 14 M + 6 X (no unknowns): hiding X alone would leave it as 60 - 40 - 14.
        let values = [Self.value([], [], n: 60), Self.value(["SEX"], ["F"], n: 40), Self.value(["SEX"], ["M"], n: 14),
                      Self.value(["SEX"], ["X"], n: 6)]
        let result = protection.protect(values, declaredLevels: ["SEX": ["F", "M", "X"]])
        let status = Dictionary(uniqueKeysWithValues: result.map { ($0.domain.levels.joined(), $0.status) })
        #expect(status["X"] == .suppressed(.tooFewRespondents))
        #expect(status["M"] == .suppressed(.protectsHiddenCell))
        #expect(status["F"] == .published)
        #expect(status[""] == .published)
    }

    @Test("people whose group is unknown protect a small group as a cell of their own")
    func unknownsCount() {
        // 60 = 40 F + 6 M + 14 unknown: M and the unknowns are two hidden cells; F and the total stay.
        let values = [Self.value([], [], n: 60), Self.value(["SEX"], ["F"], n: 40), Self.value(["SEX"], ["M"], n: 6)]
        let result = protection.protect(values, declaredLevels: ["SEX": ["F", "M"]])
        #expect(result.map(\.status) == [.published, .published, .suppressed(.tooFewRespondents)])
        // With 2 unknowns, both leftover cells are small; 48 - 40 = 8 is their sum, which pins neither.
        let few = [Self.value([], [], n: 48), Self.value(["SEX"], ["F"], n: 40), Self.value(["SEX"], ["M"], n: 6)]
        let fewResult = protection.protect(few, declaredLevels: ["SEX": ["F", "M"]])
        #expect(fewResult[2].status.isSuppressed)
        #expect(audit(few, fewResult).isEmpty)
    }

    @Test("a cell hidden in the cross-tabulation is hidden in the one-way table that shows it")
    func linkedTables() {
        // SEX x DIS, with the one-way tables. The cell (M, PD) = 3 is small.
        var values = [Self.value([], [], n: 100)]
        values += [Self.value(["SEX"], ["F"], n: 55), Self.value(["SEX"], ["M"], n: 45)]
        values += [Self.value(["DISABILITY_STATUS"], ["PD"], n: 20), Self.value(["DISABILITY_STATUS"], ["NPD"], n: 80)]
        values += [Self.value(["SEX", "DISABILITY_STATUS"], ["F", "PD"], n: 17), Self.value(["SEX", "DISABILITY_STATUS"], ["F", "NPD"], n: 38),
                   Self.value(["SEX", "DISABILITY_STATUS"], ["M", "PD"], n: 3), Self.value(["SEX", "DISABILITY_STATUS"], ["M", "NPD"], n: 42)]
        let declared = ["SEX": ["F", "M"], "DISABILITY_STATUS": ["PD", "NPD"]]
        let result = protection.protect(values, declaredLevels: declared)
        let hidden = result.filter { $0.status.isSuppressed }.map { $0.domain.levels }
        #expect(hidden.contains(["M", "PD"]))
        #expect(hidden.count >= 4, "a 2 x 2 table with one small cell needs at least four hidden cells: \(hidden)")
        #expect(audit(values, result, declared: declared).isEmpty)
    }

    @Test("an intersection published without its one-way groups is withheld, not guessed")
    func intersectionWithoutMargins() {
        let values = [Self.value([], [], n: 100), Self.value(["SEX", "DISABILITY_STATUS"], ["F", "PD"], n: 30),
                      Self.value(["SEX", "DISABILITY_STATUS"], ["M", "PD"], n: 30)]
        let result = protection.protect(values, declaredLevels: [:])
        #expect(result.allSatisfy { $0.status == .suppressed(.tableWithheld) })
    }

    @Test("differencing: on synthetic data at several sizes, no hidden cell of any table can be worked out")
    func differencing() async throws {
        let kit = try KitLibrary.load("disability-barometer")
        for scale in [0.02, 0.05, 0.1] {
            guard let model = kit.synthetic else { Issue.record("the kit has no synthetic model"); return }
            let results = await FrameworkComputation.compute(kit.framework, submissions: SyntheticGenerator.generate(model, sizeScale: scale))
            var declared: [String: [String]] = [:]
            for group in kit.framework.groups { declared[group.dimension] = group.declaredLevels }
            var hiddenSomething = false
            for outcome in results.outcomes where !outcome.values.isEmpty {
                let protected = protection.protect(outcome.values, declaredLevels: declared)
                if protected.contains(where: { $0.status.isSuppressed }) { hiddenSomething = true }
                let leaks = audit(outcome.values, protected, declared: declared)
                #expect(leaks.isEmpty, "\(outcome.code) at scale \(scale): \(leaks)")
            }
            if scale == 0.02 { #expect(hiddenSomething, "small samples must hide something, or this test proves nothing") }
        }
    }

    /// What an intruder can work out: each linked table as published (n shown, or hidden with
    /// its reason; cells never shown are known only to be non-negative), audited exactly. Returns
    /// the small cells (1 to 9 respondents) or suppressed cells that are determined.
    func audit(_ values: [DomainValue], _ result: [ProtectedDomain], declared: [String: [String]] = ["SEX": ["F", "M", "X"]]) -> [String] {
        guard let tables = protection.tables(values, declaredLevels: declared) else { return ["no tables"] }
        var shown: [DomainKey: PublishedCount] = [:]
        for item in result {
            shown[DomainKey(item.domain.dimensions, item.domain.levels)] = PublishedCount(count: item.domain.estimate.sampleSize, status: item.status)
        }
        var leaks: [String] = []
        for table in tables {
            let names = table.dimensions.map(\.name)
            let view = table.cells.map { shown[DomainKey(names, $0.coordinates)] ?? .hidden(.tableWithheld) }
            let findings = DisclosureAuditor(rules: protection.rules).audit(view: view, relations: table.relations)
            for index in findings.disclosedCells {
                let cell = table.cells[index]
                let wasSuppressed = view[index] != .hidden(.tableWithheld)
                if wasSuppressed || protection.rules.isSensitive(count: cell.count) {
                    leaks.append("\(names) \(cell.coordinates.map { $0 ?? "_T" }) n=\(cell.count)")
                }
            }
        }
        return leaks
    }
}
