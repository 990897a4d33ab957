import Survey

/// Builds test tables from interior counts only; the table fills in the margins.
enum CountTableBuilder {
    /// `interior` lists the counts of the interior cells with the last dimension varying fastest,
    /// e.g. for levels [["a", "b"], ["x", "y", "z"]]: ax, ay, az, bx, by, bz.
    static func table(levels: [[String]], interior: [Int]) throws -> DisclosureTable {
        let dimensions = levels.enumerated().map { TableDimension(name: "d\($0.offset)", levels: $0.element) }
        var combinations: [[String?]] = [[]]
        for dimensionLevels in levels {
            combinations = combinations.flatMap { prefix in dimensionLevels.map { prefix + [$0] } }
        }
        precondition(combinations.count == interior.count, "one count per interior cell")
        let cells = zip(combinations, interior).map { DisclosureCell(coordinates: $0, count: $1) }
        return try DisclosureTable(dimensions: dimensions, cells: cells)
    }

    /// Level names "L0", "L1", ... for a dimension of `size` levels.
    static func levels(_ size: Int) -> [String] {
        (0..<size).map { "L\($0)" }
    }
}

extension ProtectedTable {
    /// The status of the cell at `coordinates`, for terse expectations.
    func status(_ coordinates: [String?]) -> CellStatus? {
        cell(at: coordinates)?.status
    }
}
