import Foundation

/// An XLSForm file as people hand it over (an `.xlsx` workbook, or pyxform's CSV layout), read
/// and checked in one call. Upload handlers and `counted form convert` share it, so a file gets
/// the same answer whichever way it arrives.
public enum XLSFormFile {
    /// Reads and checks the file; every problem found is in the error, each naming the file,
    /// sheet, row and column.
    /// - Parameter fallbackFormID: the form ID when the settings sheet gives none; by default
    ///   the file name without its extension, as pyxform does.
    public static func read(_ data: Data, fileName: String, fallbackFormID: String? = nil) throws(FormDefinitionError) -> FormDefinition {
        let spreadsheet = try spreadsheet(data, fileName: fileName)
        let fallback = fallbackFormID ?? defaultFormID(fileName: fileName)
        return try XLSFormReader.read(spreadsheet, options: .init(fallbackFormID: fallback))
    }

    /// Reads the file and writes its XForm: what ODK Collect downloads.
    public static func convert(_ data: Data, fileName: String, fallbackFormID: String? = nil) throws(FormDefinitionError) -> (form: FormDefinition, xform: String) {
        let fallback = fallbackFormID ?? defaultFormID(fileName: fileName)
        let form = try read(data, fileName: fileName, fallbackFormID: fallback)
        let xform = try XFormWriter.write(form, fallbackFormID: fallback, fileName: fileName)
        return (form, xform)
    }

    /// The file name without its extension ("household survey.xlsx" gives "household survey").
    public static func defaultFormID(fileName: String) -> String {
        let base = (fileName as NSString).lastPathComponent
        let stem = (base as NSString).deletingPathExtension
        return stem.isEmpty ? "form" : stem
    }

    /// An `.xlsx` when the data is a zip (whatever the name says), otherwise text in CSV layout.
    private static func spreadsheet(_ data: Data, fileName: String) throws(FormDefinitionError) -> Spreadsheet {
        do {
            if data.starts(with: [0x50, 0x4B]) || fileName.lowercased().hasSuffix(".xlsx")
                || fileName.lowercased().hasSuffix(".xls") || data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
                return try Spreadsheet(xlsx: data, fileName: fileName)
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw FormDefinitionError(problems: [FormProblem(
                    file: fileName, sheet: "",
                    message: "the file is neither an .xlsx workbook nor UTF-8 text (CSV). Save it from your spreadsheet program as Excel Workbook (.xlsx) or as CSV UTF-8.")])
            }
            return try Spreadsheet(csv: text, fileName: fileName)
        } catch let error as SpreadsheetError {
            throw FormDefinitionError(problems: [error.problem])
        } catch let error as FormDefinitionError {
            throw error
        } catch {
            throw FormDefinitionError(problems: [FormProblem(file: fileName, sheet: "", message: "\(error)")])
        }
    }
}

extension SpreadsheetError {
    /// The same problem in the shape every form problem has (file, sheet, row, message).
    var problem: FormProblem {
        var details: [String] = []
        if let part { details.append("in \(part)") }
        if let cell { details.append("cell \(cell)") }
        if part != nil, let line { details.append("line \(line)") }
        if let character { details.append("character \(character)") }
        let prefix = details.isEmpty ? "" : details.joined(separator: ", ") + ": "
        // In a CSV file the line is the row; in an .xlsx the line belongs to the XML part.
        return FormProblem(file: fileName, sheet: sheet ?? "", row: part == nil ? line : nil, message: prefix + message)
    }
}
