import Foundation
import Survey

/// Draws submissions from a ``SyntheticModel``: for each respondent, the traits in order, then the
/// answers in order. The same model and seed give the same submissions everywhere.
public enum SyntheticGenerator {
    /// Submissions by form ID, each the answers by question name (select_multiple answers
    /// space-separated, as ODK sends them).
    public static func generate(_ model: SyntheticModel, sizeScale: Double = 1) -> [String: [[String: String]]] {
        var random = SplitMix64(seed: model.seed)
        var result: [String: [[String: String]]] = [:]
        for dataset in model.datasets {
            let size = max(1, Int((Double(dataset.size) * sizeScale).rounded()))
            var rows: [[String: String]] = []
            rows.reserveCapacity(size)
            for _ in 0..<size { rows.append(respondent(dataset, &random)) }
            result[dataset.form, default: []].append(contentsOf: rows)
        }
        return result
    }

    static func respondent(_ dataset: SyntheticDataset, _ random: inout SplitMix64) -> [String: String] {
        var traits: [String: String] = [:]
        for trait in dataset.traits {
            if let value = draw(trait.distribution, known: traits, &random) { traits[trait.name] = value }
        }
        var answers: [String: String] = [:]
        for answer in dataset.answers {
            let holds = answer.when.allSatisfy { name, value in (answers[name] ?? traits[name]) == value }
            guard holds else { continue }
            switch answer.rule {
            case .trait(let name):
                if let value = traits[name] { answers[answer.field] = value }
            case .choice(let distribution):
                let known = traits.merging(answers) { _, answer in answer }
                if let value = draw(distribution, known: known, &random) { answers[answer.field] = value }
            case .multiple(let outcomes):
                // Nothing chosen is an empty answer, which ODK sends as an unanswered question.
                let chosen = outcomes.filter { random.nextUnit() < $0.probability }.map(\.value)
                if !chosen.isEmpty { answers[answer.field] = chosen.joined(separator: " ") }
            case .integer(let min, let max, let mean, let sd):
                answers[answer.field] = String(integer(min: min, max: max, mean: mean, sd: sd, &random))
            case .fixed(let value):
                answers[answer.field] = value
            case .washingtonGroup(let trait, let fields):
                for (field, value) in zip(fields, washingtonGroup(disabled: traits[trait] == "yes", domains: fields.count, &random)) {
                    answers[field] = value
                }
            }
        }
        return answers
    }

    /// One outcome of the table for the known values of `given`; nil when no table matches.
    static func draw(_ distribution: SyntheticDistribution, known: [String: String], _ random: inout SplitMix64) -> String? {
        let key = distribution.given.map { known[$0] ?? "" }.joined(separator: ",")
        guard let table = distribution.tables[key] else { return nil }
        return pick(table, &random)
    }

    static func pick(_ outcomes: [SyntheticDistribution.Outcome], _ random: inout SplitMix64) -> String? {
        let u = random.nextUnit()
        var cumulative = 0.0
        for outcome in outcomes {
            cumulative += outcome.probability
            if u < cumulative { return outcome.value }
        }
        return outcomes.last?.value
    }

    static func integer(min: Int, max: Int, mean: Double?, sd: Double?, _ random: inout SplitMix64) -> Int {
        guard let mean, let sd else { return min + Int(random.next() % UInt64(max - min + 1)) }
        // Box–Muller.
        let u1 = Swift.max(random.nextUnit(), 1e-300), u2 = random.nextUnit()
        let normal = (-2 * Foundation.log(u1)).squareRoot() * cos(2 * Double.pi * u2)
        return Swift.min(max, Swift.max(min, Int((mean + sd * normal).rounded())))
    }

    /// The six answers of a person with or without a disability (rule in docs/frameworks.md).
    static func washingtonGroup(disabled: Bool, domains: Int, _ random: inout SplitMix64) -> [String] {
        let outcome = SyntheticDistribution.Outcome.init
        let other = [outcome(WashingtonGroup.noDifficulty, 0.55), outcome(WashingtonGroup.someDifficulty, 0.35),
                     outcome(WashingtonGroup.aLotOfDifficulty, 0.07), outcome(WashingtonGroup.cannotDoAtAll, 0.03)]
        let without = [outcome(WashingtonGroup.noDifficulty, 0.7), outcome(WashingtonGroup.someDifficulty, 0.3)]
        guard disabled else { return (0..<domains).map { _ in pick(without, &random) ?? WashingtonGroup.noDifficulty } }
        let severe = Int(random.next() % UInt64(domains))
        return (0..<domains).map { domain in
            if domain == severe { return random.nextUnit() < 0.75 ? WashingtonGroup.aLotOfDifficulty : WashingtonGroup.cannotDoAtAll }
            return pick(other, &random) ?? WashingtonGroup.noDifficulty
        }
    }
}
