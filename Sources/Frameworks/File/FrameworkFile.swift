import Forms

/// Reads a framework from its YAML file (the format is in docs/frameworks.md) and checks it,
/// against its questionnaires when they are given. A file with any problem is refused whole,
/// with every problem's file, line and field, so nothing half-read is ever stored.
public enum FrameworkFile {
    /// Reads and checks a framework.
    ///
    /// - Parameters:
    ///   - fileName: the name used in problems, e.g. "framework.yaml".
    ///   - forms: the questionnaires by form ID. When given, every questionnaire the framework
    ///     names must be among them, and every question its groups and computations name must
    ///     exist. Nil checks the file alone.
    public static func read(_ text: String, fileName: String, forms: [String: FormDefinition]? = nil) throws(FrameworkFileError) -> Framework {
        var reading = FrameworkReading(reader: YAMLReader(fileName: fileName), forms: forms?.mapValues(FormFields.init))
        let framework = reading.framework(text)
        let problems = reading.reader.problems
        guard problems.isEmpty, let framework else {
            throw FrameworkFileError(problems: problems.isEmpty
                ? [FrameworkFileProblem(file: fileName, line: nil, field: nil, message: "The framework could not be read.")]
                : problems)
        }
        return framework
    }
}

/// The state of reading one framework file.
private struct FrameworkReading {
    var reader: YAMLReader
    let forms: [String: FormFields]?
    var languages: [String] = []
    var questionnaires: [FrameworkQuestionnaire] = []
    var groups: [PopulationGroup] = []
    var indicatorCodes: Set<String> = []

    init(reader: YAMLReader, forms: [String: FormFields]?) {
        self.reader = reader
        self.forms = forms
    }

    mutating func framework(_ text: String) -> Framework? {
        guard let root = reader.root(of: text),
              let top = reader.mapping(root, allowed: ["framework", "version", "languages", "title", "description", "questionnaires", "groups", "themes"])
        else { return nil }

        var id = ""
        if let field = top.required("framework", &reader), let text = reader.text(field) {
            if text.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) { id = text } else {
                reader.problem(field, "'\(text)' is not a valid identifier: use lower-case letters, digits and '-' (for example disability-barometer).")
            }
        }
        let version = top.optional("version").flatMap { reader.text($0) } ?? ""
        if let field = top.required("languages", &reader), let list = reader.texts(field) {
            languages = list
            if list.isEmpty { reader.problem(field, "Name at least one language (for example [en]).") }
        }
        let title = top.required("title", &reader).flatMap { reader.localized($0, languages: languages) } ?? FrameworkText()
        let description = top.optional("description").flatMap { reader.localized($0, languages: languages) } ?? FrameworkText()

        if let field = top.required("questionnaires", &reader), let items = reader.list(field) {
            for item in items { if let questionnaire = questionnaire(item) { questionnaires.append(questionnaire) } }
        }
        if let field = top.optional("groups"), let items = reader.list(field) {
            for item in items { if let group = group(item) { groups.append(group) } }
        }
        var themes: [Theme] = []
        if let field = top.required("themes", &reader), let items = reader.list(field) {
            var codes: Set<String> = []
            for item in items {
                guard let theme = theme(item) else { continue }
                if !codes.insert(theme.code).inserted { reader.problem(item, "The theme code '\(theme.code)' is used twice.") }
                themes.append(theme)
            }
            if items.isEmpty { reader.problem(field, "A framework needs at least one theme.") }
        }
        return Framework(id: id, version: version, languages: languages, title: title, description: description,
                         questionnaires: questionnaires, groups: groups, themes: themes)
    }

    // MARK: Questionnaires

    mutating func questionnaire(_ item: YAMLField) -> FrameworkQuestionnaire? {
        guard let entry = reader.mapping(item, allowed: ["form", "file", "unit"]) else { return nil }
        let formField = entry.required("form", &reader)
        let form = formField.flatMap { reader.text($0) }
        let file = entry.required("file", &reader).flatMap { reader.text($0) }
        let unit = entry.required("unit", &reader).flatMap { reader.choice($0, of: UnitOfAnalysis.self) }
        guard let form, let file, let unit, let formField else { return nil }
        if questionnaires.contains(where: { $0.form == form }) {
            reader.problem(formField, "The form '\(form)' is listed twice.")
            return nil
        }
        if let forms, forms[form] == nil {
            let known = forms.keys.sorted()
            reader.problem(formField, "No questionnaire has the form ID '\(form)'" + (known.isEmpty ? "." : " (the questionnaires are: \(known.joined(separator: ", "))).")
                + " The form ID is in the settings sheet of the XLSForm.")
        }
        return FrameworkQuestionnaire(form: form, file: file, unit: unit)
    }

    /// The form named at `field`, checked to be one of the framework's questionnaires.
    mutating func formID(_ field: YAMLField) -> String? {
        guard let form = reader.text(field) else { return nil }
        guard questionnaires.contains(where: { $0.form == form }) else {
            reader.problem(field, "'\(form)' is not one of the framework's questionnaires (\(questionnaires.map(\.form).joined(separator: ", "))).")
            return nil
        }
        return form
    }

    /// Checks that `name` is a question of `form`, when the forms are known.
    mutating func checkQuestion(_ name: String, form: String, at field: YAMLField) {
        guard let fields = forms?[form], fields.element(name) == nil else { return }
        reader.problem(field, "'\(name)' is not a question of form \(form).")
    }

    // MARK: Groups

    mutating func group(_ item: YAMLField) -> PopulationGroup? {
        guard let entry = reader.mapping(item, allowed: ["dimension", "form", "washington_group", "age_bands", "field", "codes"]) else { return nil }
        guard let dimensionField = entry.required("dimension", &reader), let dimension = reader.text(dimensionField) else { return nil }
        guard DimensionCatalogue.isValidName(dimension) else {
            reader.problem(dimensionField, "'\(dimension)' is not a valid dimension name: use upper-case letters, digits and '_' (for example SEX or DISABILITY_STATUS).")
            return nil
        }
        if groups.contains(where: { $0.dimension == dimension }) {
            reader.problem(dimensionField, "The dimension '\(dimension)' is defined twice.")
            return nil
        }
        let kinds = ["washington_group", "age_bands", "field"].filter { entry[$0] != nil }
        guard kinds.count == 1 else {
            reader.problem(item, kinds.isEmpty
                ? "Say how the group is formed: washington_group, age_bands, or field (a select_one question)."
                : "Give only one of \(kinds.joined(separator: ", ")).")
            return nil
        }
        if entry["codes"] != nil, kinds[0] != "field" {
            reader.problem(entry["codes"] ?? item, "'codes' goes with 'field' only.")
        }

        switch kinds[0] {
        case "washington_group":
            guard let wgField = entry["washington_group"],
                  let wg = reader.mapping(wgField, allowed: ["form"] + WashingtonGroup.domainNames) else { return nil }
            guard let form = groupForm(entry, inner: wg) else { return nil }
            var domains: [WashingtonGroup.Domain] = []
            for name in WashingtonGroup.domainNames {
                guard let field = wg.required(name, &reader), let question = reader.text(field) else { continue }
                checkQuestion(question, form: form, at: field)
                checkChoices(question, form: form, at: field,
                             needed: [WashingtonGroup.noDifficulty, WashingtonGroup.someDifficulty, WashingtonGroup.aLotOfDifficulty, WashingtonGroup.cannotDoAtAll])
                domains.append(.init(name: name, field: question))
            }
            guard domains.count == WashingtonGroup.domainNames.count else { return nil }
            return PopulationGroup(dimension: dimension, form: form, definition: .washingtonGroup(domains))

        case "age_bands":
            guard let bandsField = entry["age_bands"], let spec = reader.mapping(bandsField, allowed: ["form", "field", "bands"]) else { return nil }
            guard let form = groupForm(entry, inner: spec),
                  let fieldNode = spec.required("field", &reader), let field = reader.text(fieldNode),
                  let listNode = spec.required("bands", &reader), let items = reader.list(listNode) else { return nil }
            checkQuestion(field, form: form, at: fieldNode)
            var bands: [AgeBand] = []
            for item in items {
                guard let text = reader.text(item) else { continue }
                guard let band = AgeBand(text) else {
                    reader.problem(item, "'\(text)' is not an age band: write 18-29 (both ages included) or 65+.")
                    continue
                }
                if let other = bands.first(where: { $0.overlaps(band) }) {
                    reader.problem(item, "The band \(band.label) overlaps \(other.label).")
                    continue
                }
                bands.append(band)
            }
            if items.isEmpty { reader.problem(listNode, "Give at least one band.") }
            return PopulationGroup(dimension: dimension, form: form, definition: .ageBands(field: field, bands: bands))

        default:
            guard let form = groupForm(entry, inner: nil),
                  let fieldNode = entry.required("field", &reader), let field = reader.text(fieldNode) else { return nil }
            checkQuestion(field, form: form, at: fieldNode)
            if let fields = forms?[form], fields.element(field) != nil, !fields.isSelectOne(field) {
                reader.problem(fieldNode, "'\(field)' is not a select_one question; a group is formed from one.")
            }
            var codes: [ChoiceCode] = []
            if let codesField = entry.optional("codes"), let mapping = reader.mapping(codesField) {
                let choices = forms?[form]?.choiceNames(of: field)
                for item in mapping.entries {
                    guard let code = reader.text(item.value) else { continue }
                    if let choices, !choices.contains(item.key) {
                        reader.problem(line: item.line, field: item.value.path, "'\(item.key)' is not a choice of question '\(field)' (choices: \(choices.joined(separator: ", "))).")
                    }
                    if PopulationGroup.withheldChoices.contains(item.key) {
                        reader.problem(line: item.line, field: item.value.path, "'\(item.key)' withholds an answer; it cannot be a group.")
                    }
                    codes.append(ChoiceCode(choice: item.key, code: code))
                }
            }
            return PopulationGroup(dimension: dimension, form: form, definition: .choice(field: field, codes: codes))
        }
    }

    /// A group's form: written beside `dimension`, or inside its definition.
    mutating func groupForm(_ entry: YAMLMapping, inner: YAMLMapping?) -> String? {
        if let field = inner?.optional("form") ?? entry.optional("form") { return formID(field) }
        reader.problem(line: entry.field.line, field: entry.field.path("form"), "The field 'form' is missing: name the questionnaire the group is read from.")
        return nil
    }

    /// Checks that a select question offers the choices a definition needs.
    mutating func checkChoices(_ question: String, form: String, at field: YAMLField, needed: [String]) {
        guard let fields = forms?[form], fields.element(question) != nil else { return }
        guard let choices = fields.choiceNames(of: question) else {
            reader.problem(field, "'\(question)' is not a select_one question.")
            return
        }
        let missing = needed.filter { !choices.contains($0) }
        if !missing.isEmpty {
            reader.problem(field, "Question '\(question)' needs the choices \(needed.joined(separator: ", ")); missing: \(missing.joined(separator: ", ")).")
        }
    }

    // MARK: Themes and indicators

    mutating func theme(_ item: YAMLField) -> Theme? {
        guard let entry = reader.mapping(item, allowed: ["code", "title", "description", "indicators"]) else { return nil }
        let code = entry.required("code", &reader).flatMap { reader.text($0) }
        let title = entry.required("title", &reader).flatMap { reader.localized($0, languages: languages) }
        let description = entry.optional("description").flatMap { reader.localized($0, languages: languages) } ?? FrameworkText()
        var indicators: [Indicator] = []
        if let field = entry.required("indicators", &reader), let items = reader.list(field) {
            for item in items { if let indicator = indicator(item) { indicators.append(indicator) } }
        }
        guard let code, let title else { return nil }
        return Theme(code: code, title: title, description: description, indicators: indicators)
    }

    mutating func indicator(_ item: YAMLField) -> Indicator? {
        guard let entry = reader.mapping(item, allowed: [
            "code", "title", "description", "type", "rights", "sdg", "unit", "direction", "disaggregation", "computation",
        ]) else { return nil }
        var code: String?
        if let field = entry.required("code", &reader), let text = reader.text(field) {
            if !Indicator.isValidCode(text) {
                reader.problem(field, "The code '\(text)' is not valid: use 1 to \(Indicator.maximumCodeLength) letters, digits, '-', '_' or '.', without spaces (for example EDU-1).")
            } else if !indicatorCodes.insert(text).inserted {
                reader.problem(field, "The indicator code '\(text)' is used twice.")
            } else {
                code = text
            }
        }
        let title = entry.required("title", &reader).flatMap { reader.localized($0, languages: languages) }
        let description = entry.optional("description").flatMap { reader.localized($0, languages: languages) } ?? FrameworkText()
        let type = entry.required("type", &reader).flatMap { reader.choice($0, of: IndicatorType.self) }
        let unit = entry.required("unit", &reader).flatMap { reader.choice($0, of: IndicatorUnit.self) }
        let direction = entry.optional("direction").flatMap { reader.choice($0, of: IndicatorDirection.self) } ?? IndicatorDirection.none
        let rights = entry.optional("rights").map { self.rights($0) } ?? []
        let sdg = entry.optional("sdg").map { self.sdg($0) } ?? []
        let computation = entry.required("computation", &reader).flatMap { self.computation($0) }
        let disaggregation = entry.optional("disaggregation").map { self.disaggregation($0, form: computation?.form) } ?? []
        if case .assessment = computation?.measure, !disaggregation.isEmpty, let field = entry["disaggregation"] {
            reader.problem(field, "A structural assessment has one answer for the country; it cannot be disaggregated.")
        }
        guard let code, let title, let type, let unit, let computation else { return nil }
        return Indicator(code: code, title: title, description: description, type: type, rights: rights, sdg: sdg, unit: unit,
                         direction: direction, disaggregation: disaggregation, computation: computation)
    }

    mutating func rights(_ field: YAMLField) -> [RightsReference] {
        guard let mapping = reader.mapping(field) else { return [] }
        var references: [RightsReference] = []
        for entry in mapping.entries {
            guard let instrument = RightsInstrument.named(entry.key) else {
                reader.problem(line: entry.line, field: entry.value.path,
                               "'\(entry.key)' is not a known instrument. Use one of: \(RightsInstrument.known.map(\.code).joined(separator: ", ")).")
                continue
            }
            guard let articles = reader.texts(entry.value) else { continue }
            references.append(RightsReference(instrument: instrument, articles: articles))
        }
        return references
    }

    mutating func sdg(_ field: YAMLField) -> [SDGReference] {
        guard let items = reader.list(field) else { return [] }
        var references: [SDGReference] = []
        for item in items {
            guard let text = reader.text(item) else { continue }
            guard let reference = SDGReference(text) else {
                reader.problem(item, "'\(text)' is not an SDG target or indicator: write 8.5 (a target) or 8.5.2 (an indicator), in quotes.")
                continue
            }
            references.append(reference)
        }
        return references
    }

    mutating func disaggregation(_ field: YAMLField, form: String?) -> [[String]] {
        guard let items = reader.list(field) else { return [] }
        var groupings: [[String]] = []
        for item in items {
            guard let dimensions = reader.texts(item) else { continue }
            var valid = true
            for dimension in dimensions {
                guard let group = groups.first(where: { $0.dimension == dimension }) else {
                    reader.problem(item, "'\(dimension)' is not a group of this framework (groups: \(groups.map(\.dimension).joined(separator: ", "))).")
                    valid = false
                    continue
                }
                if let form, group.form != form {
                    reader.problem(item, "The group \(dimension) is read from form \(group.form), but the indicator is computed from form \(form).")
                    valid = false
                }
            }
            if Set(dimensions).count != dimensions.count {
                reader.problem(item, "A dimension is named twice in one intersection.")
                valid = false
            }
            if valid, !dimensions.isEmpty { groupings.append(dimensions) }
        }
        return groupings
    }

    mutating func computation(_ field: YAMLField) -> Computation? {
        let kinds = ["proportion", "mean", "median", "total", "ratio", "assessment"]
        guard let entry = reader.mapping(field, allowed: ["form"] + kinds) else { return nil }
        let form = entry.required("form", &reader).flatMap { formID($0) }
        let given = kinds.filter { entry[$0] != nil }
        guard given.count == 1, let kind = given.first, let specField = entry[kind] else {
            reader.problem(field, given.isEmpty
                ? "Say what is computed: one of \(kinds.joined(separator: ", "))."
                : "Give only one of \(given.joined(separator: ", ")).")
            return nil
        }
        let allowed: [String] = switch kind {
        case "proportion": ["numerator", "denominator"]
        case "ratio": ["numerator", "denominator", "universe"]
        case "assessment": ["field", "evidence", "source"]
        default: ["value", "universe"]
        }
        guard let spec = reader.mapping(specField, allowed: allowed), let form else { return nil }

        if kind == "assessment" {
            var names: [String] = []
            for key in ["field", "evidence", "source"] {
                guard let node = spec.required(key, &reader), let name = reader.text(node) else { continue }
                checkQuestion(name, form: form, at: node)
                names.append(name)
            }
            if let node = spec["field"], let name = names.first {
                checkChoices(name, form: form, at: node, needed: Assessment.Answer.allCases.map(\.rawValue))
            }
            guard names.count == 3 else { return nil }
            return Computation(form: form, measure: .assessment(field: names[0], evidence: names[1], source: names[2]))
        }

        func expression(_ key: String, required: Bool) -> String? {
            let node = required ? spec.required(key, &reader) : spec.optional(key)
            guard let node, let source = reader.text(node) else { return nil }
            checkExpression(source, form: form, at: node)
            return source
        }
        let measure: Computation.Measure?
        switch kind {
        case "proportion":
            let numerator = expression("numerator", required: true)
            let universe = expression("denominator", required: false)
            measure = numerator.map { .proportion(numerator: $0, universe: universe) }
        case "ratio":
            let numerator = expression("numerator", required: true)
            let denominator = expression("denominator", required: true)
            let universe = expression("universe", required: false)
            if let numerator, let denominator { measure = .ratio(numerator: numerator, denominator: denominator, universe: universe) } else { measure = nil }
        default:
            let value = expression("value", required: true)
            let universe = expression("universe", required: false)
            measure = value.map { value in
                switch kind {
                case "mean": .mean(value: value, universe: universe)
                case "median": .median(value: value, universe: universe)
                default: .total(value: value, universe: universe)
                }
            }
        }
        return measure.map { Computation(form: form, measure: $0) }
    }

    /// Checks that an expression parses and names only questions of `form`.
    mutating func checkExpression(_ source: String, form: String, at field: YAMLField) {
        let expression: Forms.Expression
        do {
            expression = try Forms.Expression.parse(source)
        } catch {
            reader.problem(field, "The expression cannot be read: \(error.description)")
            return
        }
        for name in expression.references { checkQuestion(name, form: form, at: field) }
    }
}
