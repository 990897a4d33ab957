import Forms
import Foundation
import Testing
@testable import Publishing

/// Reading back the files an export made, as the tests of each format need them: a file by its
/// path, its text, and a CSV file as a header and rows.
enum ExportReading {
    static func file(_ files: [ExportFile], _ path: String) throws -> ExportFile {
        try #require(files.first { $0.path == path }, "no file \(path) among \(files.map(\.path))")
    }

    static func text(_ file: ExportFile) -> String {
        String(decoding: file.content, as: UTF8.self)
    }

    /// The header and the records after it, each record as long as the header.
    static func csv(_ file: ExportFile) throws -> (header: [String], rows: [[String]]) {
        let document = CSVDocument(parsing: text(file))
        #expect(document.unterminatedQuote == nil)
        let header = try #require(document.records.first?.fields)
        let rows = document.records.dropFirst().map(\.fields)
        #expect(rows.allSatisfy { $0.count == header.count }, "\(file.path): a record has a different number of fields than the header")
        return (header, Array(rows))
    }
}
