import Frameworks
import Survey

/// Applies disclosure control to one indicator's values before anything is published.
///
/// Each grouping of the indicator is a table: a one-way grouping [SEX] has its levels and the
/// overall total; an intersection [SEX, DISABILITY_STATUS] is a two-way table whose margins are
/// the one-way groups. People whose group is unknown (they preferred not to say) are counted in
/// a level of their own (`_U`) that is never shown but that a reader can work out by subtraction,
/// so it is protected like any other cell. The tables share cells (the overall total, the
/// margins): a number hidden in one table is hidden in all of them. They are protected in turn,
/// each told what the others hide so that it can lean on those cells rather than hide more, until
/// no table hides anything new.
public struct OutcomeProtection: Sendable {
    public static let unknownLevel = "_U"
    public var rules: DisclosureRules

    public init(rules: DisclosureRules) {
        self.rules = rules
    }

    /// - Parameter declaredLevels: each dimension's levels in publication order (levels met in
    ///   the data but not declared follow them).
    public func protect(_ values: [DomainValue], declaredLevels: [String: [String]]) -> [ProtectedDomain] {
        guard let tables = tables(values, declaredLevels: declaredLevels) else {
            return values.map { ProtectedDomain(domain: $0, status: .suppressed(.tableWithheld), isUnreliable: false) }
        }

        // Protect in turn until nothing new is hidden.
        var hidden: [DomainKey: SuppressionReason] = [:]
        var changed = true
        while changed {
            changed = false
            for table in tables {
                let names = table.dimensions.map(\.name)
                let keep = Set(table.cells.map(\.coordinates).filter { hidden[DomainKey(names, $0)] != nil })
                let result = DisclosureControl(rules: rules).protect(table, keepingHidden: keep)
                for cell in result.cells {
                    guard case .suppressed(let reason) = cell.status else { continue }
                    let key = DomainKey(names, cell.coordinates)
                    if hidden[key] == nil { hidden[key] = reason; changed = true }
                }
            }
        }
        return values.map { value in
            let key = DomainKey(value.dimensions, value.levels)
            if let reason = hidden[key] { return ProtectedDomain(domain: value, status: .suppressed(reason), isUnreliable: false) }
            let unreliable = rules.isUnreliable(estimate: value.estimate.value, standardError: value.estimate.standardError)
            return ProtectedDomain(domain: value, status: .published, isUnreliable: unreliable)
        }
    }

    /// The linked tables of an indicator's values: one per grouping, with the one-way table of
    /// each dimension of an intersection; nil when they cannot be described (the values are then
    /// withheld).
    func tables(_ values: [DomainValue], declaredLevels: [String: [String]]) -> [DisclosureTable]? {
        guard let overall = values.first(where: { $0.dimensions.isEmpty }) else { return nil }
        let byKey = Dictionary(values.map { (DomainKey($0.dimensions, $0.levels), $0) }, uniquingKeysWith: { first, _ in first })
        let groupings = values.map(\.dimensions).reduce(into: [[String]]()) { if !$0.contains($1) { $0.append($1) } }
            .filter { !$0.isEmpty }
        var levels: [String: [String]] = [:]
        for dimension in Set(groupings.flatMap { $0 }) {
            var list = declaredLevels[dimension] ?? []
            for value in values { if let level = value.dimensions.firstIndex(of: dimension).map({ value.levels[$0] }), !list.contains(level) { list.append(level) } }
            levels[dimension] = list + [Self.unknownLevel]
        }
        let count: (DomainKey) -> Int = { byKey[$0]?.estimate.sampleSize ?? 0 }

        // The tables: every grouping, plus the one-way table of each dimension of an intersection.
        var tableDimensions: [[String]] = groupings.filter { $0.count == 1 }
        for grouping in groupings where grouping.count > 1 {
            // The unknown cells of an intersection are what its one-way groups leave over; without
            // those counts they cannot be known, and the values are withheld rather than guessed.
            guard grouping.allSatisfy({ groupings.contains([$0]) }) else { return nil }
            for dimension in grouping where !tableDimensions.contains([dimension]) { tableDimensions.append([dimension]) }
            tableDimensions.append(grouping)
        }
        var tables: [DisclosureTable] = []
        for dimensions in tableDimensions {
            guard let table = table(dimensions, levels: levels, total: overall.estimate.sampleSize, count: count) else {
                return nil
            }
            tables.append(table)
        }
        if tables.isEmpty, let single = table([], levels: levels, total: overall.estimate.sampleSize, count: count) { tables = [single] }
        return tables
    }

    /// The table of one grouping with the unknown level: interior cells from the intersection's
    /// counts, unknown cells as what the margins leave over.
    private func table(_ dimensions: [String], levels: [String: [String]], total: Int, count: (DomainKey) -> Int) -> DisclosureTable? {
        if dimensions.isEmpty {
            // A value with no breakdown: the overall cell is still judged.
            return try? DisclosureTable(dimensions: [], cells: [DisclosureCell(coordinates: [], count: total)])
        }
        let tableDimensions = dimensions.map { TableDimension(name: $0, levels: levels[$0] ?? [Self.unknownLevel]) }
        var cells: [DisclosureCell] = []
        for combination in FrameworkComputation.combinations(tableDimensions.map(\.levels)) {
            cells.append(DisclosureCell(coordinates: combination, count: max(0, interior(dimensions, combination, levels: levels, total: total, count: count))))
        }
        return try? DisclosureTable(dimensions: tableDimensions, cells: cells)
    }

    /// An interior cell's count. Known levels come from the computed domains; a cell with the
    /// unknown level in some dimensions is, by inclusion and exclusion, the count of the cell
    /// with those dimensions totalled minus the known cells it covers.
    private func interior(_ dimensions: [String], _ combination: [String?], levels: [String: [String]], total: Int,
                          count: (DomainKey) -> Int) -> Int {
        let unknown = combination.indices.filter { combination[$0] == Self.unknownLevel }
        guard !unknown.isEmpty else { return count(DomainKey(dimensions, combination)) }
        // n(cell) = Σ over subsets S of the unknown positions of (-1)^|S| · n(those in S at a known level, others totalled).
        var result = 0
        for mask in 0..<(1 << unknown.count) {
            var sign = 1
            var partial: [[String?]] = [combination.map { $0 == Self.unknownLevel ? nil : $0 }]
            for (bit, position) in unknown.enumerated() where mask & (1 << bit) != 0 {
                sign = -sign
                let known = (levels[dimensions[position]] ?? []).filter { $0 != Self.unknownLevel }
                partial = partial.flatMap { prefix in known.map { level in var next = prefix; next[position] = level; return next } }
            }
            let sum = partial.reduce(0) { sum, coordinates in
                let named = zip(dimensions, coordinates).compactMap { name, level in level.map { (name, $0) } }
                return sum + (named.isEmpty ? total : count(DomainKey(named.map(\.0), named.map(\.1))))
            }
            result += sign * sum
        }
        return result
    }
}

/// A computed value and what disclosure control decided for it.
public struct ProtectedDomain: Sendable, Hashable {
    public var domain: DomainValue
    public var status: CellStatus
    public var isUnreliable: Bool
}

/// A domain as a set of (dimension, level) pairs, whatever order the dimensions come in.
struct DomainKey: Hashable {
    var pairs: [String]

    init(_ dimensions: [String], _ levels: [String?]) {
        pairs = zip(dimensions, levels).compactMap { name, level in level.map { name + "=" + $0 } }.sorted()
    }
}
