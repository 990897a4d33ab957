import Testing
@testable import Forms

@Suite("XLSFormReader: range parameters")
struct RangeParameterTests {
    private func problems(_ parameters: String, appearance: String = "") -> [FormProblem] {
        formRefusal("""
        | survey |
        |        | type  | name | label | parameters    | appearance    |
        |        | range | r    | R     | \(parameters) | \(appearance) |
        | choices |
        |         | list_name | name | label |
        |         | ticks     | 0    | Low   |
        |         | ticks     | 5    | Mid   |
        |         | ticks     | 10   | High  |
        |         | odd       | 3    | Three |
        """)
    }

    @Test func validRangesAreAccepted() throws {
        for parameters in ["", "start=0 end=10 step=2", "start=0 end=1 step=0.1", "start=10 end=0 step=5 tick_labelset=ticks",
                           "start=0 end=10 step=1 tick_interval=5 placeholder=5"] {
            let form = try #require(acceptedForm("""
            | survey |
            |        | type  | name | label | parameters    |
            |        | range | r    | R     | \(parameters) |
            | choices |
            |         | list_name | name | label |
            |         | ticks     | 0    | Low   |
            |         | ticks     | 5    | Mid   |
            |         | ticks     | 10   | High  |
            """), "parameters \(parameters)")
            #expect(form.firstElement(named: "r")?.type == .range)
        }
    }

    @Test func numbersMustBeNumbers() {
        expectSingleProblem(problems("start=one"), row: 2, column: "parameters", containing: "'start' must be a number, not 'one'")
    }

    @Test func stepMustBeUsable() {
        expectSingleProblem(problems("start=0 end=10 step=0"), row: 2, column: "parameters", containing: "'step' must not be 0")
        expectSingleProblem(problems("start=0 end=10 step=20"), row: 2, column: "parameters", containing: "'step' (20) must not be larger")
    }

    @Test func tickIntervalMustFitTheStep() {
        expectSingleProblem(problems("start=0 end=10 step=2 tick_interval=3"), row: 2, column: "parameters", containing: "multiple of 'step'")
    }

    @Test func placeholderMustBeOnTheScale() {
        let problems = problems("start=0 end=10 step=2 placeholder=13")
        #expect(problems.count == 2)
        #expect(problems.map(\.message).contains { $0.contains("between start and end") })
    }

    @Test func tickLabelsetMustBeANumericListOnTheScale() {
        expectSingleProblem(problems("tick_labelset=missing"), row: 2, column: "parameters", containing: "'missing', which is not on the choices sheet")
        expectSingleProblem(problems("start=0 end=10 step=2 tick_labelset=odd"), row: 2, column: "parameters", containing: "multiple of 'step'")
        expectSingleProblem(problems("start=0 end=10 step=5 tick_labelset=ticks", appearance: "no-ticks"), row: 2, column: "parameters",
                     containing: "may only have 2 choices")
    }

    @Test func tickStylingNeedsACompatibleAppearance() {
        expectSingleProblem(problems("tick_interval=2", appearance: "picker"), row: 2, column: "parameters", containing: "only work with the appearances")
    }
}
