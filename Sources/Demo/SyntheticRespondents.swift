import Forms

/// Deterministic synthetic respondents with known true rates: 62% of people without a
/// disability and 38% of people with one are in paid work, so the demo shows a gap.
struct SyntheticRespondents {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> [Answer] {
        let sex = pick(["female": 0.5, "male": 0.47, "other": 0.03])
        let age = 18 + Int(uniform() * 62)
        let disabled = uniform() < 0.22
        let walking = disabled ? pick(["some": 0.4, "a_lot": 0.45, "cannot": 0.15]) : pick(["none": 0.9, "some": 0.1])
        let working = uniform() < (disabled ? 0.38 : 0.62)
        var answers = [
            Answer(field: "sex", value: .choice(sex)),
            Answer(field: "age", value: .integer(age)),
            Answer(field: "walking", value: .choice(walking)),
            Answer(field: "disability", value: .choice(disabled ? "yes" : "no")),
            Answer(field: "paid_work", value: .choice(working ? "yes" : "no")),
        ]
        if uniform() < 0.1 { answers.append(Answer(field: "comment", value: .text("Transport to work is hard to find."))) }
        return answers
    }

    /// SplitMix64: tiny, fast, and the same numbers on every machine.
    private mutating func uniform() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(1 << 53)
    }

    private mutating func pick(_ weights: KeyValuePairs<String, Double>) -> String {
        var remaining = uniform() * weights.reduce(0) { $0 + $1.value }
        for (name, weight) in weights {
            remaining -= weight
            if remaining < 0 { return name }
        }
        return weights.last?.key ?? ""
    }
}
