import Foundation
import Forms
import Frameworks
import Testing

/// A framework file is read whole or refused with the file, line and field of every problem.
@Suite struct FrameworkFileTests {
    static let formCSV = """
    survey,,,,
    ,type,name,label,required
    ,select_one sex,sex,Sex,yes
    ,integer,age,Age,yes
    ,select_one yes_no,paid_work,Paid work in the last 7 days?,yes
    ,select_one wg,wg_seeing,Seeing,yes
    ,select_one wg,wg_hearing,Hearing,yes
    ,select_one wg,wg_walking,Walking,yes
    ,select_one wg,wg_remembering,Remembering,yes
    ,select_one wg,wg_selfcare,Self-care,yes
    ,select_one wg,wg_communicating,Communicating,yes
    ,select_one ypn,law,Is there a law?,yes
    ,text,law_evidence,Evidence,yes
    ,text,law_source,Source,yes
    choices,,,,
    ,list_name,name,label,
    ,sex,female,Female,
    ,sex,male,Male,
    ,sex,prefer_not_to_say,Prefer not to say,
    ,yes_no,yes,Yes,
    ,yes_no,no,No,
    ,wg,none,No difficulty,
    ,wg,some,Some difficulty,
    ,wg,a_lot,A lot of difficulty,
    ,wg,cannot,Cannot do at all,
    ,ypn,yes,Yes,
    ,ypn,partly,Partly,
    ,ypn,no,No,
    settings,,,,
    ,form_title,form_id,version,
    ,Survey,survey,1,
    """

    static var forms: [String: FormDefinition] {
        get throws { ["survey": try XLSFormFile.read(Data(formCSV.utf8), fileName: "survey.csv")] }
    }

    static let valid = """
    framework: test-framework
    version: "1"
    languages: [en, fr]
    title: {en: Test, fr: Essai}
    questionnaires:
      - form: survey
        file: survey.csv
        unit: person
    groups:
      - dimension: DISABILITY_STATUS
        washington_group:
          form: survey
          seeing: wg_seeing
          hearing: wg_hearing
          walking: wg_walking
          remembering: wg_remembering
          selfcare: wg_selfcare
          communicating: wg_communicating
      - dimension: SEX
        form: survey
        field: sex
        codes: {female: F, male: M}
      - dimension: AGE
        form: survey
        age_bands:
          field: age
          bands: [18-29, 30-64, 65+]
    themes:
      - code: WORK
        title: {en: Work, fr: Travail}
        indicators:
          - code: W-1
            title: {en: People in paid work, fr: Personnes au travail}
            type: outcome
            rights: {CRPD: ["27"], ICESCR: ["6"]}
            sdg: ["8.5.2", "8.5"]
            unit: percent
            direction: higher-is-better
            disaggregation: [DISABILITY_STATUS, SEX, [SEX, DISABILITY_STATUS]]
            computation:
              form: survey
              proportion:
                numerator: "${paid_work} = 'yes'"
                denominator: "${age} >= 18 and ${age} < 65"
          - code: W-2
            title: {en: Median age}
            type: outcome
            unit: years
            computation:
              form: survey
              median:
                value: "${age}"
          - code: W-3
            title: {en: A law on work}
            type: structural
            unit: score
            computation:
              form: survey
              assessment: {field: law, evidence: law_evidence, source: law_source}
    """

    /// `valid` with one line replaced.
    static func variant(replacing old: String, with new: String) -> String {
        precondition(valid.contains(old), "the variant must change something")
        return valid.replacingOccurrences(of: old, with: new)
    }

    static func problems(_ text: String, forms: [String: FormDefinition]? = nil) throws -> [FrameworkFileProblem] {
        let forms = try forms ?? Self.forms
        do {
            _ = try FrameworkFile.read(text, fileName: "framework.yaml", forms: forms)
            Issue.record("the file was accepted")
            return []
        } catch {
            return error.problems
        }
    }

    /// The 1-based line of the first line of `text` containing `fragment`.
    static func line(of fragment: String, in text: String) -> Int? {
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(fragment) }.map { $0 + 1 }
    }

    @Test func readsAValidFramework() throws {
        let framework = try FrameworkFile.read(Self.valid, fileName: "framework.yaml", forms: Self.forms)
        #expect(framework.id == "test-framework")
        #expect(framework.languages == ["en", "fr"])
        #expect(framework.title.text(in: "fr") == "Essai")
        #expect(framework.indicators.map(\.code) == ["W-1", "W-2", "W-3"])
        let work = try #require(framework.indicator(code: "W-1"))
        #expect(work.rights.map(\.instrument.code) == ["CRPD", "ICESCR"])
        #expect(work.sdg.map(\.code) == ["8.5.2", "8.5"])
        #expect(work.sdg.first?.target == "8.5" && work.sdg.first?.isIndicator == true)
        #expect(work.disaggregation == [["DISABILITY_STATUS"], ["SEX"], ["SEX", "DISABILITY_STATUS"]])
        #expect(work.computation.measure == .proportion(numerator: "${paid_work} = 'yes'", universe: "${age} >= 18 and ${age} < 65"))
        #expect(framework.indicator(code: "W-3")?.computation.measure == .assessment(field: "law", evidence: "law_evidence", source: "law_source"))
        #expect(framework.group(dimension: "AGE")?.declaredLevels == ["Y18T29", "Y30T64", "Y_GE65"])
        #expect(framework.group(dimension: "SEX")?.declaredLevels == ["F", "M"])
    }

    @Test func anUnknownQuestionIsNamedWithLineAndField() throws {
        let text = Self.variant(replacing: "numerator: \"${paid_work} = 'yes'\"", with: "numerator: \"${paid_wrk} = 'yes'\"")
        let problems = try Self.problems(text)
        #expect(problems.count == 1)
        let problem = try #require(problems.first)
        #expect(problem.file == "framework.yaml")
        #expect(problem.line == Self.line(of: "${paid_wrk}", in: text))
        #expect(problem.field == "themes[0].indicators[0].computation.proportion.numerator")
        #expect(problem.message.contains("'paid_wrk' is not a question of form survey"))
        #expect(problem.description.hasPrefix("framework.yaml, line \(problem.line ?? 0), field themes[0].indicators[0].computation.proportion.numerator: "))
    }

    @Test func everyProblemIsReportedAtOnce() throws {
        var text = Self.variant(replacing: "type: outcome\n        rights", with: "type: result\n        rights")
        text = text.replacingOccurrences(of: "sdg: [\"8.5.2\", \"8.5\"]", with: "sdg: [\"8.5.2\", \"18.1\"]")
        text = text.replacingOccurrences(of: "code: W-2", with: "code: W 2")
        let problems = try Self.problems(text)
        let fields = problems.map { $0.field ?? "" }
        #expect(fields.contains("themes[0].indicators[0].type"))
        #expect(fields.contains("themes[0].indicators[0].sdg[1]"))
        #expect(fields.contains("themes[0].indicators[1].code"))
        #expect(problems.first { $0.field == "themes[0].indicators[0].type" }?.line == Self.line(of: "type: result", in: text))
        #expect(problems.first { $0.field == "themes[0].indicators[0].sdg[1]" }?.message.contains("not an SDG target") == true)
    }

    @Test func aMisspeltKeyIsNotIgnored() throws {
        let text = Self.variant(replacing: "    unit: years", with: "    unti: years")
        let problems = try Self.problems(text)
        let unknown = try #require(problems.first { $0.field == "themes[0].indicators[1].unti" })
        #expect(unknown.line == Self.line(of: "unti: years", in: text))
        #expect(unknown.message.contains("Unknown field 'unti'"))
        // And the real field is then missing.
        #expect(problems.contains { $0.field == "themes[0].indicators[1].unit" && $0.message.contains("missing") })
    }

    @Test func aSyntaxErrorInAnExpressionIsNamed() throws {
        let text = Self.variant(replacing: "value: \"${age}\"", with: "value: \"${age} +\"")
        let problem = try #require(try Self.problems(text).first)
        #expect(problem.field == "themes[0].indicators[1].computation.median.value")
        #expect(problem.line == Self.line(of: "${age} +", in: text))
        #expect(problem.message.hasPrefix("The expression cannot be read"))
    }

    @Test func invalidYAMLIsRefusedWithItsLine() throws {
        let text = Self.variant(replacing: "    unit: years", with: "    unit: [years")
        let problem = try #require(try Self.problems(text).first)
        #expect(problem.message.contains("not valid YAML"))
        #expect(problem.line != nil)
        #expect(problem.field == nil)
    }

    @Test func groupsAndDisaggregationsAreChecked() throws {
        var text = Self.variant(replacing: "codes: {female: F, male: M}", with: "codes: {female: F, man: M}")
        text = text.replacingOccurrences(of: "disaggregation: [DISABILITY_STATUS, SEX, [SEX, DISABILITY_STATUS]]",
                                         with: "disaggregation: [DISABILITY_STATUS, REGION]")
        let problems = try Self.problems(text)
        #expect(problems.contains { $0.field == "groups[1].codes.man" && $0.message.contains("'man' is not a choice of question 'sex'") })
        #expect(problems.contains { $0.field == "themes[0].indicators[0].disaggregation[1]" && $0.message.contains("'REGION' is not a group") })
    }

    @Test func aWashingtonGroupQuestionNeedsTheFourAnswers() throws {
        let text = Self.variant(replacing: "seeing: wg_seeing", with: "seeing: sex")
        let problem = try #require(try Self.problems(text).first)
        #expect(problem.field == "groups[0].washington_group.seeing")
        #expect(problem.message.contains("needs the choices none, some, a_lot, cannot"))
    }

    @Test func aQuestionnaireMissingFromTheProjectIsNamed() throws {
        let problems = try Self.problems(Self.valid, forms: ["other": try XLSFormFile.read(Data(Self.formCSV.utf8), fileName: "other.csv")])
        #expect(problems.first?.field == "questionnaires[0].form")
        #expect(problems.first?.line == Self.line(of: "- form: survey", in: Self.valid))
    }

    @Test func withoutFormsTheFileIsCheckedAlone() throws {
        let text = Self.variant(replacing: "numerator: \"${paid_work} = 'yes'\"", with: "numerator: \"${paid_wrk} = 'yes'\"")
        let framework = try FrameworkFile.read(text, fileName: "framework.yaml")
        #expect(framework.indicators.count == 3)
    }
}
