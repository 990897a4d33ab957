import Testing
import Survey

/// Shared checks on a protected table against the original it came from.
enum ProtectionExpectations {
    /// Protects `table` and checks every promise: nothing small shown, shown numbers unchanged,
    /// empty cells shown, the audit safe, and an independent intruder unable to recover any hidden
    /// cell (linearly always; by exhaustive integer search when `integerSearchCap` is given).
    @discardableResult
    static func protectAndCheck(
        _ table: DisclosureTable,
        rules: DisclosureRules = DisclosureRules(),
        integerSearchCap: Int? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> ProtectedTable {
        let protected = DisclosureControl(rules: rules).protect(table)
        let truth = table.cells.map(\.count)
        for (original, cell) in zip(table.cells, protected.cells) {
            #expect(original.coordinates == cell.coordinates, sourceLocation: sourceLocation)
            if let shown = cell.count {
                #expect(shown == original.count, sourceLocation: sourceLocation)
                #expect(shown == 0 || shown >= rules.minimumCount,
                        "published cell \(cell.coordinates) has n = \(shown)", sourceLocation: sourceLocation)
            }
            if protected.isWithheld {
                #expect(cell.count == nil && cell.estimate == nil, sourceLocation: sourceLocation)
                continue
            }
            if original.count == 0 {
                #expect(cell.status == .published, "empty cells are never hidden", sourceLocation: sourceLocation)
            }
            if rules.isSensitive(count: original.count) {
                #expect(cell.status == .suppressed(.tooFewRespondents), sourceLocation: sourceLocation)
            }
            #expect(cell.status != .suppressed(.tableWithheld), sourceLocation: sourceLocation)
        }
        #expect(protected.audit.isSafe, "auditor: \(protected.audit.disclosedCells)", sourceLocation: sourceLocation)
        #expect(DisclosureAuditor(rules: rules).audit(protected) == protected.audit, sourceLocation: sourceLocation)

        let intruder = TableIntruder(table: protected)
        let linear = intruder.linearlyRecoverableCells()
        #expect(linear.isEmpty, "recovered by subtraction: \(linear.map { table.cells[$0].coordinates })",
                sourceLocation: sourceLocation)
        if let cap = integerSearchCap {
            let recovered = intruder.integerRecoverableCells(truth: truth, cap: cap)
            #expect(recovered.isEmpty, "recovered by search: \(recovered.map { table.cells[$0].coordinates }) in \(describe(protected, truth))",
                    sourceLocation: sourceLocation)
        }
        return protected
    }

    /// Every cell as "coordinates=n" with its mark, for failure messages.
    static func describe(_ protected: ProtectedTable, _ truth: [Int]) -> String {
        zip(protected.cells, truth).map { cell, count in
            let coordinates = cell.coordinates.map { $0 ?? "*" }.joined(separator: ",")
            let mark: String
            switch cell.status {
            case .published: mark = ""
            case .suppressed(.tooFewRespondents): mark = "P"
            case .suppressed(.protectsHiddenCell): mark = "S"
            case .suppressed(.tableWithheld): mark = "W"
            }
            return "\(coordinates)=\(count)\(mark)"
        }.joined(separator: " ")
    }

    /// The statuses of the cells in a relation (line of the table) through `coordinates`.
    static func hiddenCount(in protected: ProtectedTable, _ coordinates: [[String?]]) -> Int {
        coordinates.filter { protected.status($0)?.isSuppressed == true }.count
    }
}
