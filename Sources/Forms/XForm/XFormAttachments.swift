import Foundation

/// The files an XForm expects beside it on the phone: images, audio and video its labels and
/// choices show, CSV files `pulldata()` reads, the files `select_one_from_file` and
/// `csv-external`/`xml-external` load, and `itemsets.csv` for external selects. Read from the
/// XForm itself (every such file appears there as a `jr://` address), as ODK Central does, so
/// whatever wrote the XForm, the list is what ODK Collect will look for.
public enum XFormAttachments {
    /// File names in order of first mention, each once.
    public static func names(in xform: String) -> [String] {
        var names: [String] = []
        var seen = Set<String>()
        func add(_ name: String) {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, seen.insert(trimmed).inserted else { return }
            names.append(trimmed)
        }
        let address = /jr:\/\/(?:images|audio|video|file|file-csv|file-geojson)\/([^"'<>\s]+)/
        for match in xform.matches(of: address) {
            add(String(match.output.1).removingPercentEncoding ?? String(match.output.1))
        }
        // An external select (`select_one_external`) reads its choices from itemsets.csv, which
        // the XForm names only through the `query` attribute of the question.
        if xform.contains(" query=\"") { add(ItemsetsCSV.fileName) }
        return names
    }
}
