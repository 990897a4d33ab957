import Forms

/// Reads reference values from a CSV file: Counted's own layout, or SDMX-CSV as statistics
/// offices and the UN SDG database publish it. The file is refused whole on any problem, naming
/// the line and the column, so that nothing half-imported is ever stored.
///
/// Counted's layout: `indicator`, `period`, `value`, optional `standard_error` and `source`, and
/// one column per dimension (SEX, AGE, DISABILITY_STATUS ...), where an empty cell or `_T` is the
/// total. SDMX-CSV: `SERIES` (or `INDICATOR`), `TIME_PERIOD`, `OBS_VALUE`, dimension columns,
/// optional `STANDARD_ERROR` and `SOURCE_DETAIL`; other columns (FREQ, REF_AREA, UNIT_MEASURE ...)
/// are kept out unless the framework has a group of that name.
public enum ReferenceValuesFile {
    /// - Parameters:
    ///   - framework: indicators must be among its estimated ones, dimensions among its groups.
    ///   - series: SDMX series codes to indicator codes; a series not listed is taken as an indicator code.
    ///   - defaultSource: the source of rows that name none (the file's publisher).
    public static func read(
        _ text: String, fileName: String, framework: Framework, series: [String: String] = [:], defaultSource: String? = nil
    ) throws(FrameworkFileError) -> [ReferenceValue] {
        var problems: [FrameworkFileProblem] = []
        func problem(_ line: Int?, _ field: String?, _ message: String) {
            problems.append(FrameworkFileProblem(file: fileName, line: line, field: field, message: message))
        }
        let document = CSVDocument(parsing: text)
        if let quote = document.unterminatedQuote { problem(quote.line, nil, "A quoted field is never closed.") }
        guard let header = document.records.first else {
            throw FrameworkFileError(problems: [FrameworkFileProblem(file: fileName, line: nil, field: nil, message: "The file is empty.")])
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        let isSDMX = names.contains("OBS_VALUE")
        let layout = isSDMX
            ? (indicator: names.contains("SERIES") ? "SERIES" : "INDICATOR", period: "TIME_PERIOD", value: "OBS_VALUE",
               error: "STANDARD_ERROR", source: "SOURCE_DETAIL")
            : (indicator: "indicator", period: "period", value: "value", error: "standard_error", source: "source")
        for required in [layout.indicator, layout.period, layout.value] where !names.contains(required) {
            problem(header.line, required, "The column '\(required)' is missing" + (isSDMX ? " (the file looks like SDMX-CSV)." : "."))
        }
        let groups = Set(framework.groups.map(\.dimension))
        let dimensionColumns = names.enumerated().filter { groups.contains($0.element) }
        if !isSDMX {
            let known: Set<String> = [layout.indicator, layout.period, layout.value, layout.error, layout.source]
            for name in names where !known.contains(name) && !groups.contains(name) {
                problem(header.line, name, "'\(name)' is neither a column Counted reads nor a group of framework \(framework.id) "
                    + "(groups: \(framework.groups.map(\.dimension).joined(separator: ", "))).")
            }
        }
        guard problems.isEmpty else { throw FrameworkFileError(problems: problems) }
        let column = { (name: String) in names.firstIndex(of: name) }

        var values: [ReferenceValue] = []
        var seen: Set<String> = []
        for record in document.records.dropFirst() {
            let cell = { (name: String) -> String in
                guard let index = column(name), index < record.fields.count else { return "" }
                return record.fields[index].trimmingCharacters(in: .whitespaces)
            }
            let written = cell(layout.indicator)
            let code = series[written] ?? written
            guard let indicator = framework.indicator(code: code) else {
                problem(record.line, layout.indicator, "'\(written)' is not an indicator of framework \(framework.id)"
                    + (isSDMX ? "; map the series to an indicator." : "."))
                continue
            }
            if case .assessment = indicator.computation.measure {
                problem(record.line, layout.indicator, "\(code) is a structural assessment; it has no reference value.")
                continue
            }
            let period = cell(layout.period)
            if period.isEmpty { problem(record.line, layout.period, "The period is empty.") }
            let valueText = cell(layout.value)
            guard let value = Double(valueText), value.isFinite else {
                problem(record.line, layout.value, valueText.isEmpty ? "The value is empty (leave the row out instead)." : "'\(valueText)' is not a number.")
                continue
            }
            var standardError: Double?
            let errorText = cell(layout.error)
            if !errorText.isEmpty {
                if let error = Double(errorText), error.isFinite, error >= 0 { standardError = error } else {
                    problem(record.line, layout.error, "'\(errorText)' is not a standard error (a number, 0 or more).")
                }
            }
            let source = cell(layout.source).isEmpty ? (defaultSource ?? "") : cell(layout.source)
            if source.isEmpty { problem(record.line, layout.source, "Name the source of every reference value.") }
            var levels: [String: String] = [:]
            for (_, dimension) in dimensionColumns {
                let level = cell(dimension)
                if !level.isEmpty, level != DimensionCatalogue.total { levels[dimension] = level }
            }
            let key = "\(code)|\(period)|" + levels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            if !seen.insert(key).inserted {
                problem(record.line, nil, "This row repeats an earlier one (same indicator, period and groups).")
                continue
            }
            values.append(ReferenceValue(indicator: code, period: period, levels: levels, value: value, standardError: standardError, source: source))
        }
        guard problems.isEmpty else { throw FrameworkFileError(problems: problems) }
        return values
    }
}
