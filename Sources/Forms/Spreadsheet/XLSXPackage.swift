import Foundation
import ZIPFoundation

/// The zip container of an `.xlsx` file, opened in memory: finds parts by path and unpacks them
/// with a size limit, so an upload cannot make the server inflate gigabytes (a zip bomb).
///
/// A reference type inside (ZIPFoundation's `Archive`), used only while one workbook is read.
struct XLSXPackage {
    /// The most one part may unpack to. Real forms are a few hundred kilobytes.
    static let defaultMaximumPartSize = 100 * 1024 * 1024

    let fileName: String
    let maximumPartSize: Int
    private let archive: Archive
    /// Entries by normalised path, and by lower-cased path for writers that differ in case.
    private let entries: [String: Entry]
    private let entriesIgnoringCase: [String: Entry]

    /// Opens the zip, or explains what kind of file it is instead.
    init(data: Data, fileName: String, maximumPartSize: Int = defaultMaximumPartSize) throws(SpreadsheetError) {
        self.fileName = fileName
        self.maximumPartSize = maximumPartSize
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw SpreadsheetError(
                kind: .legacyExcelFormat, fileName: fileName,
                message: "this is an Excel 97-2003 workbook (.xls) or a password-protected workbook, which cannot be read. Open it in your spreadsheet program, remove any password, and save it as Excel Workbook (.xlsx).")
        }
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw SpreadsheetError(
                kind: .notAWorkbook, fileName: fileName,
                message: "this is not an Excel .xlsx file (an .xlsx file is a zip archive, and this file is not one, or it is damaged). Save the form from your spreadsheet program as Excel Workbook (.xlsx).")
        }
        var entries: [String: Entry] = [:]
        var entriesIgnoringCase: [String: Entry] = [:]
        for entry in archive where entry.type == .file {
            let path = Self.normalisedEntryPath(entry.path)
            entries[path] = entries[path] ?? entry
            entriesIgnoringCase[path.lowercased()] = entriesIgnoringCase[path.lowercased()] ?? entry
        }
        self.archive = archive
        self.entries = entries
        self.entriesIgnoringCase = entriesIgnoringCase
    }

    /// Whether the zip holds a part at `path` (a path inside the zip, without a leading slash).
    func contains(_ path: String) -> Bool {
        entry(at: path) != nil
    }

    /// The unpacked bytes of the part at `path`, or nil when the zip has no such part.
    func data(at path: String, sheet: String? = nil) throws(SpreadsheetError) -> Data? {
        guard let entry = entry(at: path) else { return nil }
        let limit = maximumPartSize
        let tooLarge = SpreadsheetError(
            kind: .partTooLarge, fileName: fileName, sheet: sheet, part: path,
            message: "this part unpacks to more than \(Self.megabytes(limit)), far more than any questionnaire needs, so the file is refused. If the workbook holds large data sheets, remove them and upload the form alone.")
        if entry.uncompressedSize > UInt64(limit) { throw tooLarge }

        var contents = Data()
        contents.reserveCapacity(Int(entry.uncompressedSize))
        var exceeded = false
        let damaged = SpreadsheetError(
            kind: .unreadablePart, fileName: fileName, sheet: sheet, part: path,
            message: "this part of the zip archive cannot be unpacked, so the file is damaged. Open it in your spreadsheet program and save it again as .xlsx.")
        let checksum: CRC32
        do {
            // The size in the zip's directory can lie; count what actually comes out.
            checksum = try archive.extract(entry) { chunk in
                if contents.count + chunk.count > limit {
                    exceeded = true
                    throw CocoaError(.fileReadTooLarge)
                }
                contents.append(chunk)
            }
        } catch {
            throw exceeded ? tooLarge : damaged
        }
        // Extracting into memory does not check the checksum itself.
        guard checksum == entry.checksum else { throw damaged }
        return contents
    }

    /// The relationships of the part at `path`, read from its `_rels/….rels` part; empty when the
    /// part has none.
    func relationships(of path: String) throws(SpreadsheetError) -> XLSXRelationships {
        let relationshipsPath = XLSXRelationships.path(describing: path)
        guard let data = try data(at: relationshipsPath) else { return XLSXRelationships(source: path, items: []) }
        return try XLSXRelationships(
            parsing: data, source: path, context: XMLPartContext(fileName: fileName, part: relationshipsPath))
    }

    private func entry(at path: String) -> Entry? {
        let path = Self.normalisedEntryPath(path)
        return entries[path] ?? entriesIgnoringCase[path.lowercased()]
    }

    private static func normalisedEntryPath(_ path: String) -> String {
        var path = path.replacingOccurrences(of: "\\", with: "/")
        while path.hasPrefix("/") { path.removeFirst() }
        return path
    }

    private static func megabytes(_ bytes: Int) -> String {
        bytes >= 1024 * 1024 ? "\(bytes / (1024 * 1024)) MB" : "\(bytes) bytes"
    }
}
