/// The bridge from an XML submission to the answers indicators read today: top-level values of
/// questions the questionnaire (the web-form model) has, when they are valid for it. Values in
/// groups or repeats, and invalid ones, stay in the typed values only.
extension Questionnaire {
    public func answers(from values: [InstanceValue]) -> [Answer] {
        var answers: [Answer] = []
        var answered = Set<String>()
        for value in values where value.parentPosition == nil && value.type != .repeat {
            guard value.path == value.record + "/" + (value.path.split(separator: "/").last.map(String.init) ?? ""),
                  let name = value.path.split(separator: "/").last.map(String.init),
                  let question = question(named: name), !answered.contains(name) else { continue }
            let answer: AnswerValue?
            switch question.type {
            case .text: answer = value.type == .unknown ? nil : .text(value.text)
            case .integer: answer = value.number.flatMap { $0.rounded() == $0 ? Int(exactly: $0) : nil }.map(AnswerValue.integer)
            case .selectOne: answer = choices(for: question).contains { $0.name == value.text } ? .choice(value.text) : nil
            case .note: answer = nil
            }
            if let answer {
                answers.append(Answer(field: name, value: answer))
                answered.insert(name)
            }
        }
        return answers
    }
}
