import Foundation

/// Secondary instances are named after their source: `pulldata('fruits', …)` reads
/// `fruits.csv`, `select_one_from_file fruits.xml` reads `fruits.xml`, `xml-external fruits`
/// reads `fruits.xml`, a choice list `fruits` is built into the form. One name may be used twice
/// for the same source, but two different sources under one name would overwrite each other,
/// so pyxform refuses them; this check does the same, naming both places.
struct InstanceSourceCheck {
    var elements: [FormElement]
    var survey: SheetTable
    var choiceLists: [FormChoiceList]
    var choices: SheetTable?

    /// One instance the form will have.
    private struct Source {
        var name: String
        /// The file it is read from; nil for a choice list built into the form.
        var uri: String?
        var location: ProblemLocation
        var description: String
    }

    /// Expression columns pyxform scans for `pulldata(` and `${last-saved#`.
    private static func expressions(of element: FormElement) -> [String] {
        [element.calculation, element.constraint, element.readOnly, element.required, element.relevant,
         element.choiceFilter, element.defaultValue].compactMap { $0 }
    }

    func check(log: inout FormProblemLog) {
        var sources: [Source] = []
        var usesLastSaved = false
        let typeHeader = survey.header(["type"], fallback: "type")
        func visit(_ elements: [FormElement]) {
            for element in elements {
                let here = ProblemLocation(sheet: survey.name, row: element.row, column: typeHeader)
                for expression in Self.expressions(of: element) {
                    for file in Self.pulldataFiles(in: expression) {
                        sources.append(Source(name: file, uri: "jr://file-csv/\(file).csv", location: here,
                                              description: "pulldata('\(file)', …) on row \(element.row) reads \(file).csv"))
                    }
                }
                switch element.type {
                case .selectOneFromFile(let file), .selectMultipleFromFile(let file):
                    let fileExtension = SurveySheetReader.fileExtension(file)
                    let scheme = fileExtension == ".csv" ? "file-csv" : "file"
                    sources.append(Source(name: SurveySheetReader.fileStem(file), uri: "jr://\(scheme)/\(file)", location: here,
                                          description: "the select on row \(element.row) reads \(file)"))
                case .xmlExternal, .csvExternal:
                    let csv = element.type == .csvExternal
                    let file = element.name + (csv ? ".csv" : ".xml")
                    sources.append(Source(name: element.name, uri: "jr://\(csv ? "file-csv" : "file")/\(file)", location: here,
                                          description: "the \(csv ? "csv" : "xml")-external on row \(element.row) reads \(file)"))
                default:
                    break
                }
                if !element.isSection, Self.expressions(of: element).contains(where: { $0.contains("${last-saved#") }) {
                    usesLastSaved = true
                }
                visit(element.children)
            }
        }
        visit(elements)
        if usesLastSaved {
            sources.append(Source(name: "__last-saved", uri: "jr://instance/last-saved",
                                  location: ProblemLocation(sheet: survey.name, row: survey.headerRow, column: nil),
                                  description: "${last-saved#…} references read the last saved submission"))
        }
        for list in choiceLists {
            let row = list.choices.first?.row ?? 1
            let location = ProblemLocation(sheet: choices?.name ?? "choices", row: row,
                                           column: choices?.header(["list name"], fallback: "list_name"))
            sources.append(Source(name: list.name, uri: nil, location: location,
                                  description: "the choice list '\(list.name)' is built into the form"))
        }

        var first: [String: Source] = [:]
        for source in sources {
            guard let earlier = first[source.name] else {
                first[source.name] = source
                continue
            }
            if earlier.uri != source.uri {
                log.error(at: source.location, "two different sources would share the instance name '\(source.name)': \(earlier.description), while \(source.description). Rename one of them.")
            }
        }
    }

    /// The first arguments of `pulldata(...)` calls in `expression`, without quotes.
    static func pulldataFiles(in expression: String) -> [String] {
        var files: [String] = []
        var rest = Substring(expression)
        while let call = rest.range(of: "pulldata") {
            rest = rest[call.upperBound...]
            let afterName = rest.drop { $0.isWhitespace }
            guard afterName.first == "(" else { continue }
            let argument = afterName.dropFirst()
            guard let comma = argument.firstIndex(of: ",") else { break }
            let file = argument[..<comma].filter { $0 != "'" && $0 != "\"" }.trimmingCharacters(in: .whitespaces)
            files.append(file)
            rest = argument[comma...]
        }
        return files
    }
}
