/// Reads a kit's `synthetic.yaml`, refusing it with file, line and field on any problem.
public enum SyntheticModelFile {
    public static func read(_ text: String, fileName: String) throws(FrameworkFileError) -> SyntheticModel {
        var reader = YAMLReader(fileName: fileName)
        let model = parse(text, &reader)
        guard reader.problems.isEmpty, let model else {
            throw FrameworkFileError(problems: reader.problems.isEmpty
                ? [FrameworkFileProblem(file: fileName, line: nil, field: nil, message: "The model could not be read.")] : reader.problems)
        }
        return model
    }

    private static func parse(_ text: String, _ reader: inout YAMLReader) -> SyntheticModel? {
        guard let root = reader.root(of: text), let top = reader.mapping(root, allowed: ["seed", "datasets", "truths"]) else { return nil }
        let seed = top.optional("seed").flatMap { reader.integer($0) }.map { UInt64(truncatingIfNeeded: $0) } ?? 1
        var datasets: [SyntheticDataset] = []
        if let field = top.required("datasets", &reader), let items = reader.list(field) {
            for item in items { if let dataset = dataset(item, &reader) { datasets.append(dataset) } }
        }
        var truths: [SyntheticTruth] = []
        if let field = top.optional("truths"), let items = reader.list(field) {
            for item in items { if let truth = truth(item, &reader) { truths.append(truth) } }
        }
        return SyntheticModel(seed: seed, datasets: datasets, truths: truths)
    }

    private static func dataset(_ item: YAMLField, _ reader: inout YAMLReader) -> SyntheticDataset? {
        guard let entry = reader.mapping(item, allowed: ["form", "size", "traits", "answers"]) else { return nil }
        let form = entry.required("form", &reader).flatMap { reader.text($0) }
        var size: Int?
        if let field = entry.required("size", &reader), let value = reader.integer(field) {
            if value >= 1 { size = value } else { reader.problem(field, "The size must be at least 1.") }
        }
        var traits: [SyntheticTrait] = []
        if let field = entry.optional("traits"), let items = reader.list(field) {
            for item in items {
                guard let spec = reader.mapping(item, allowed: ["name", "given", "values"]),
                      let name = spec.required("name", &reader).flatMap({ reader.text($0) }),
                      let distribution = distribution(spec, &reader) else { continue }
                traits.append(SyntheticTrait(name: name, distribution: distribution))
            }
        }
        var answers: [SyntheticAnswer] = []
        if let field = entry.required("answers", &reader), let items = reader.list(field) {
            for item in items { if let answer = answer(item, &reader) { answers.append(answer) } }
        }
        guard let form, let size else { return nil }
        return SyntheticDataset(form: form, size: size, traits: traits, answers: answers)
    }

    /// `values` (with `given`) of a trait or an answer.
    private static func distribution(_ spec: YAMLMapping, _ reader: inout YAMLReader) -> SyntheticDistribution? {
        let given = spec.optional("given").flatMap { reader.texts($0) } ?? []
        guard let valuesField = spec.required("values", &reader), let values = reader.mapping(valuesField) else { return nil }
        var tables: [String: [SyntheticDistribution.Outcome]] = [:]
        if given.isEmpty {
            guard let table = outcomes(values, &reader) else { return nil }
            tables[""] = table
        } else {
            for entry in values.entries {
                guard let inner = reader.mapping(entry.value), let table = outcomes(inner, &reader) else { continue }
                if entry.key.split(separator: ",").count != given.count {
                    reader.problem(line: entry.line, field: entry.value.path,
                                   "'\(entry.key)' must give one value for each of \(given.joined(separator: ", ")), joined with ','.")
                }
                tables[entry.key] = table
            }
        }
        return SyntheticDistribution(given: given, tables: tables)
    }

    /// A table of outcome probabilities, which must add up to 1.
    private static func outcomes(_ mapping: YAMLMapping, _ reader: inout YAMLReader, mustSumToOne: Bool = true) -> [SyntheticDistribution.Outcome]? {
        var outcomes: [SyntheticDistribution.Outcome] = []
        for entry in mapping.entries {
            guard let probability = reader.number(entry.value) else { continue }
            guard (0...1).contains(probability) else {
                reader.problem(entry.value, "A probability must be between 0 and 1.")
                continue
            }
            outcomes.append(.init(value: entry.key, probability: probability))
        }
        let sum = outcomes.reduce(0) { $0 + $1.probability }
        if mustSumToOne, abs(sum - 1) > 1e-6 {
            reader.problem(mapping.field, "The probabilities add up to \(sum), not 1.")
            return nil
        }
        return outcomes
    }

    private static func answer(_ item: YAMLField, _ reader: inout YAMLReader) -> SyntheticAnswer? {
        guard let entry = reader.mapping(item, allowed: ["field", "trait", "given", "values", "multiple", "integer", "value", "when", "washington_group"]) else {
            return nil
        }
        var when: [String: String] = [:]
        if let field = entry.optional("when"), let mapping = reader.mapping(field) {
            for condition in mapping.entries { if let value = reader.text(condition.value) { when[condition.key] = value } }
        }
        if let wgField = entry["washington_group"] {
            guard let spec = reader.mapping(wgField, allowed: ["trait", "fields"]),
                  let trait = spec.required("trait", &reader).flatMap({ reader.text($0) }),
                  let fieldsNode = spec.required("fields", &reader), let fields = reader.texts(fieldsNode) else { return nil }
            guard fields.count == WashingtonGroup.domainNames.count else {
                reader.problem(fieldsNode, "Name the six Washington Group questions, in the order seeing, hearing, walking, remembering, self-care, communicating.")
                return nil
            }
            return SyntheticAnswer(field: "", rule: .washingtonGroup(trait: trait, fields: fields), when: when)
        }
        guard let field = entry.required("field", &reader).flatMap({ reader.text($0) }) else { return nil }
        let rules = ["trait", "values", "multiple", "integer", "value"].filter { entry[$0] != nil }
        guard rules.count == 1 else {
            reader.problem(item, rules.isEmpty ? "Say how '\(field)' is answered: trait, values, multiple, integer or value."
                                               : "Give only one of \(rules.joined(separator: ", ")).")
            return nil
        }
        let rule: SyntheticAnswer.Rule?
        switch rules[0] {
        case "trait": rule = entry["trait"].flatMap { reader.text($0) }.map { .trait($0) }
        case "values": rule = distribution(entry, &reader).map { .choice($0) }
        case "multiple":
            rule = entry["multiple"].flatMap { reader.mapping($0) }.flatMap { outcomes($0, &reader, mustSumToOne: false) }.map { .multiple($0) }
        case "integer":
            guard let specField = entry["integer"], let spec = reader.mapping(specField, allowed: ["min", "max", "mean", "sd"]),
                  let min = spec.required("min", &reader).flatMap({ reader.integer($0) }),
                  let max = spec.required("max", &reader).flatMap({ reader.integer($0) }) else { return nil }
            let mean = spec.optional("mean").flatMap { reader.number($0) }
            let sd = spec.optional("sd").flatMap { reader.number($0) }
            if (mean == nil) != (sd == nil) { reader.problem(specField, "Give both mean and sd, or neither (uniform).") }
            if max < min { reader.problem(specField, "max is below min.") }
            rule = .integer(min: min, max: max, mean: mean, sd: sd)
        default: rule = entry["value"].flatMap { reader.text($0) }.map { .fixed($0) }
        }
        return rule.map { SyntheticAnswer(field: field, rule: $0, when: when) }
    }

    private static func truth(_ item: YAMLField, _ reader: inout YAMLReader) -> SyntheticTruth? {
        guard let entry = reader.mapping(item, allowed: ["indicator", "value", "groups"]),
              let indicator = entry.required("indicator", &reader).flatMap({ reader.text($0) }),
              let valueField = entry.required("value", &reader), let text = reader.text(valueField) else { return nil }
        let number = Double(text)
        var groups: [SyntheticTruth.GroupValue] = []
        if let field = entry.optional("groups"), let mapping = reader.mapping(field) {
            for grouping in mapping.entries {
                let dimensions = grouping.key.split(separator: "+").map(String.init)
                guard let levels = reader.mapping(grouping.value) else { continue }
                for level in levels.entries {
                    let codes = level.key.split(separator: "+").map(String.init)
                    guard codes.count == dimensions.count else {
                        reader.problem(line: level.line, field: level.value.path, "'\(level.key)' must give one code for each of \(dimensions.joined(separator: ", ")), joined with '+'.")
                        continue
                    }
                    if let value = reader.number(level.value) { groups.append(.init(dimensions: dimensions, levels: codes, value: value)) }
                }
            }
        }
        return SyntheticTruth(indicator: indicator, value: number, answer: number == nil ? text : nil, groups: groups)
    }
}
