import Survey

extension IndicatorResult {
    /// The result as it may be published: rows with too few respondents are hidden, other rows
    /// are hidden too where the overall total would otherwise give a hidden row away, and shares
    /// whose relative standard error is above the limit are flagged. Hidden rows keep only their
    /// label and footnote. Every page, file and API answer shows this, never the raw result.
    ///
    /// Respondents whose group is unknown count in the overall row only. A reader is assumed to
    /// know how many they are (another table may tell), so the table is protected as if the
    /// overall row held only the respondents with a known group: the cautious assumption.
    public func protected(rules: DisclosureRules = DisclosureRules()) -> IndicatorResult {
        let groups = rows.filter { $0.group != nil }
        guard let overall = rows.first(where: { $0.group == nil }) else { return self }
        let levels = groups.compactMap(\.group)
        let knownTotal = groups.isEmpty ? (overall.total ?? 0) : groups.reduce(0) { $0 + ($1.total ?? 0) }
        var cells = [DisclosureCell(coordinates: [nil], count: knownTotal, estimate: overall.share, standardError: overall.standardError)]
        for row in groups {
            guard let group = row.group else { continue }
            cells.append(DisclosureCell(coordinates: [group], count: row.total ?? 0, estimate: row.share, standardError: row.standardError))
        }
        // A table without groups is its overall row, seen as a table of one group.
        let onlyLevel = "\u{0}all"
        if levels.isEmpty { cells.append(DisclosureCell(coordinates: [onlyLevel], count: knownTotal)) }
        var result = self
        let protected: ProtectedTable
        do {
            protected = DisclosureControl(rules: rules).protect(
                try DisclosureTable(dimensions: [TableDimension(name: dimension ?? "group", levels: levels.isEmpty ? [onlyLevel] : levels)],
                                    cells: cells))
        } catch {
            // A table that cannot be described is not published.
            result.rows = rows.map { Self.hidden($0, note: DisclosureNote.tableWithheld.text) }
            return result
        }
        result.rows = rows.map { row in
            guard let cell = protected.cell(at: [row.group]) else { return row }
            switch cell.status {
            case .suppressed:
                return Self.hidden(row, note: cell.notes.map(\.text).joined(separator: " "))
            case .published:
                var shown = row
                shown.isUnreliable = cell.isUnreliable
                shown.notes = cell.notes.map(\.text)
                return shown
            }
        }
        return result
    }

    private static func hidden(_ row: IndicatorRow, note: String) -> IndicatorRow {
        IndicatorRow(group: row.group, groupLabel: row.groupLabel, count: nil, total: nil, share: nil, isHidden: true, notes: [note])
    }
}
