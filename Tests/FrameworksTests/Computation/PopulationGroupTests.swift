import Frameworks
import Testing

@Suite struct PopulationGroupTests {
    let domains = WashingtonGroup.domainNames.map { WashingtonGroup.Domain(name: $0, field: "wg_\($0)") }

    func answers(_ values: [String?]) -> [String: String] {
        var answers: [String: String] = [:]
        for (domain, value) in zip(domains, values) { answers[domain.field] = value }
        return answers
    }

    @Test func washingtonGroupIdentifierThree() {
        let group = PopulationGroup(dimension: "DISABILITY_STATUS", form: "f", definition: .washingtonGroup(domains))
        #expect(group.level(of: answers(["none", "some", "a_lot", "none", "none", "none"])) == "PD")
        #expect(group.level(of: answers(["none", "none", "none", "none", "none", "cannot"])) == "PD")
        #expect(group.level(of: answers(["some", "some", "some", "some", "some", "some"])) == "NPD")
        // Unknown when a domain is unanswered and none is severe; a severe one decides anyway.
        #expect(group.level(of: answers(["none", "none", nil, "none", "none", "none"])) == nil)
        #expect(group.level(of: answers(["refused", "a_lot", nil, nil, nil, nil])) == "PD")
    }

    @Test func ageBands() throws {
        let bands = try ["18-29", "30-44", "65+"].map { try #require(AgeBand($0)) }
        #expect(bands.map(\.code) == ["Y18T29", "Y30T44", "Y_GE65"])
        let group = PopulationGroup(dimension: "AGE", form: "f", definition: .ageBands(field: "age", bands: bands))
        #expect(group.level(of: ["age": "29"]) == "Y18T29")
        #expect(group.level(of: ["age": "30"]) == "Y30T44")
        #expect(group.level(of: ["age": "50"]) == nil)
        #expect(group.level(of: ["age": "97"]) == "Y_GE65")
        #expect(group.level(of: [:]) == nil)
        #expect(AgeBand("30-18") == nil && AgeBand("x+") == nil)
    }

    @Test func withheldAnswersAreInNoGroup() {
        let group = PopulationGroup(dimension: "SEX", form: "f", definition: .choice(field: "sex", codes: [.init(choice: "female", code: "F")]))
        #expect(group.level(of: ["sex": "female"]) == "F")
        #expect(group.level(of: ["sex": "self_describe"]) == "self_describe")
        #expect(group.level(of: ["sex": "prefer_not_to_say"]) == nil)
        #expect(group.level(of: ["sex": ""]) == nil)
    }

    @Test func sdgReferences() {
        #expect(SDGReference("16.10.1")?.target == "16.10")
        #expect(SDGReference("16.a.1")?.target == "16.a")
        #expect(SDGReference("4.5")?.isIndicator == false)
        #expect(SDGReference("18.1") == nil && SDGReference("8") == nil && SDGReference("8.5.x") == nil)
        let sorted = ["8.10.1", "8.5.2", "16.a.1", "16.10.1"].compactMap { SDGReference($0) }.sorted().map(\.code)
        #expect(sorted == ["8.5.2", "8.10.1", "16.10.1", "16.a.1"])
    }
}
