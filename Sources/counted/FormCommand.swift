import ArgumentParser
import Foundation
import Forms

/// `counted form ...`: questionnaire files, without a server or a database.
struct FormCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "form", abstract: "Check XLSForms and convert them to XForms for ODK Collect.",
        subcommands: [Convert.self])

    /// Like pyxform's `xls2xform`: the XForm on success, one problem per line otherwise.
    struct Convert: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert an XLSForm (.xlsx or .csv) to an ODK XForm.",
            discussion: "Writes the XForm to OUT (or standard output) and warnings to standard error. A form with an external_choices sheet also gets itemsets.csv beside OUT, as pyxform writes it. If the form has problems, prints each one (file, sheet, row, column) to standard error, writes nothing and exits with status 1.")

        @Argument(help: ArgumentHelp("The XLSForm file.", valueName: "FORM.xlsx"))
        var form: String

        @Argument(help: ArgumentHelp("Where to write the XForm; standard output when left out.", valueName: "OUT.xml"))
        var output: String?

        func run() async throws {
            let url = URL(fileURLWithPath: form)
            let data: Data
            do {
                data = try Data(contentsOf: url)
            } catch {
                throw CommandFailure(message: "\(form): cannot read the file (\(error.localizedDescription)).")
            }
            let result: (form: FormDefinition, xform: String)
            do {
                result = try XLSFormFile.convert(data, fileName: url.lastPathComponent)
            } catch {
                for problem in error.problems { StandardError.write(problem.description) }
                throw ExitCode(1)
            }
            for warning in result.form.warnings { StandardError.write("warning: \(warning)") }
            if let output {
                do {
                    try Data(result.xform.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
                } catch {
                    throw CommandFailure(message: "\(output): cannot write the XForm (\(error.localizedDescription)).")
                }
                if let itemsets = ItemsetsCSV.text(for: result.form) {
                    let path = URL(fileURLWithPath: output).deletingLastPathComponent().appendingPathComponent(ItemsetsCSV.fileName)
                    do {
                        try Data(itemsets.utf8).write(to: path, options: .atomic)
                    } catch {
                        throw CommandFailure(message: "\(path.path): cannot write the external choices (\(error.localizedDescription)).")
                    }
                }
            } else {
                print(result.xform, terminator: result.xform.hasSuffix("\n") ? "" : "\n")
            }
        }
    }
}

/// Lines for people, apart from the data on standard output.
enum StandardError {
    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
