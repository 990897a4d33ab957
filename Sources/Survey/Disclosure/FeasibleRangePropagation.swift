/// Bounds an intruder can put on each hidden count from published counts, non-negativity and
/// what the suppression marks reveal — the "interval attack".
///
/// Starting bounds: a shown count is exact; any hidden count is at least 1 (empty cells are never
/// hidden); one hidden as "too few respondents" is at most `minimumCount - 1`; one hidden to protect
/// another is at least `minimumCount`; a withheld table's cells are only known to be non-negative. Each relation `total = sum(parts)` then tightens its members
/// (total between the sums of the parts' bounds; a part between the total's bounds minus the other
/// parts' bounds), repeated until nothing changes.
///
/// This is sound — the true count always lies inside its range — but it is constraint propagation,
/// not linear programming, so it can miss bounds that only a combination of several relations
/// yields. Exact determination through such combinations is caught by `LinearDeterminacy`.
enum FeasibleRangePropagation {
    /// Upper limit on passes over the relations. Bounds only ever tighten by whole numbers, so
    /// propagation ends on its own; the limit keeps the cost predictable and can only make the
    /// ranges wider (still sound).
    static let maximumPasses = 200

    static func ranges(view: [PublishedCount], relations: [AdditiveRelation], minimumCount: Int) -> [FeasibleRange] {
        let starting = view.map { startingRange(of: $0, minimumCount: minimumCount) }
        var lower = starting.map(\.lower)
        var upper = starting.map(\.upper)
        let isHidden = view.map { $0.shownValue == nil }

        for _ in 0..<maximumPasses {
            var changed = false
            for relation in relations {
                var partsLower = 0
                var partsUpper = 0
                var unboundedParts = 0
                for part in relation.parts {
                    partsLower += lower[part]
                    if let bound = upper[part] { partsUpper += bound } else { unboundedParts += 1 }
                }
                let total = relation.total
                if isHidden[total] {
                    if partsLower > lower[total] {
                        lower[total] = partsLower
                        changed = true
                    }
                    if unboundedParts == 0, upper[total].map({ partsUpper < $0 }) ?? true {
                        upper[total] = partsUpper
                        changed = true
                    }
                }
                // Each part is tightened from the bounds as they stood before this relation was
                // visited, so the sums above stay in step with the individual bounds.
                let totalLower = lower[total]
                let totalUpper = upper[total]
                for part in relation.parts where isHidden[part] {
                    let ownLower = lower[part]
                    let ownUpper = upper[part]
                    if unboundedParts - (ownUpper == nil ? 1 : 0) == 0 {
                        let candidate = totalLower - (partsUpper - (ownUpper ?? 0))
                        if candidate > lower[part] {
                            lower[part] = candidate
                            changed = true
                        }
                    }
                    if let totalUpper {
                        let candidate = totalUpper - (partsLower - ownLower)
                        if upper[part].map({ candidate < $0 }) ?? true {
                            upper[part] = candidate
                            changed = true
                        }
                    }
                }
            }
            if !changed { break }
        }
        return zip(lower, upper).map { FeasibleRange(lower: $0, upper: $1) }
    }

    /// What a reader knows of one cell before combining relations.
    static func startingRange(of count: PublishedCount, minimumCount: Int) -> FeasibleRange {
        switch count {
        case .shown(let value): FeasibleRange(lower: value, upper: value)
        case .hidden(.tooFewRespondents): FeasibleRange(lower: 1, upper: max(1, minimumCount - 1))
        case .hidden(.protectsHiddenCell): FeasibleRange(lower: max(1, minimumCount), upper: nil)
        case .hidden(.tableWithheld): FeasibleRange(lower: 0, upper: nil)
        }
    }
}
