/// Finds sheets whose names look like a misspelling of a sheet XLSForm needs (`setting` for
/// `settings`), as pyxform does: a sheet the author meant to be read but is silently ignored is
/// a hard mistake to spot. A sheet whose name starts with `_` is never suspected.
enum SheetNameSpelling {
    /// Sheet names pyxform reads (or knows to ignore), never taken for misspellings.
    static let knownSheets: Set<String> = ["survey", "choices", "settings", "external_choices", "osm", "entities"]

    /// The sheet names in `sheetNames` within two edits of `wanted`.
    static func lookalikes(of wanted: String, in sheetNames: [String]) -> [String] {
        sheetNames.filter { name in
            !knownSheets.contains(name) && !name.hasPrefix("_") && distance(name.lowercased(), wanted) <= 2
        }
    }

    /// A sentence naming the lookalikes, or "" when there are none.
    static func hint(for wanted: String, in sheetNames: [String]) -> String {
        let similar = lookalikes(of: wanted, in: sheetNames)
        guard !similar.isEmpty else { return "" }
        let names = similar.map { "'\($0)'" }.joined(separator: ", ")
        return " The workbook has a sheet with a similar name: \(names); rename it to '\(wanted)' if that is the one."
    }

    /// Levenshtein distance (insertions, deletions and substitutions of characters).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
