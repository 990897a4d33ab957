import Testing
import Forms

@Suite("Refusing a broken CSV XLSForm")
struct XLSFormCSVRefusalTests {
    /// The problems reading `csv` produced; records an issue if it was accepted.
    private func problems(_ csv: String, sourceLocation: SourceLocation = #_sourceLocation) -> [FormProblem] {
        do {
            _ = try XLSFormCSV.read(csv, fileName: "form.csv", fallbackFormID: "f")
            Issue.record("expected the form to be refused", sourceLocation: sourceLocation)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func missingSurveySheet() {
        let found = problems("choices\n,list_name,name,label\n,yn,yes,Yes\n")
        #expect(found.count == 1)
        #expect(found.first?.sheet == "survey")
        #expect(found.first?.row == nil)
        #expect(found.first?.message.contains("no survey sheet") == true)
        #expect(found.first?.message.contains("Sheets found: choices") == true)
    }

    @Test func emptyFileHasNoSurveySheet() {
        let found = problems("")
        #expect(found.map(\.sheet) == ["survey"])
    }

    @Test func surveyWithoutTypeAndNameColumns() {
        let found = problems("survey\n,label,hint\n,Hello,\n")
        #expect(found == [
            FormProblem(file: "form.csv", sheet: "survey", row: 2, column: "type", message: "the survey sheet has no type column."),
            FormProblem(file: "form.csv", sheet: "survey", row: 2, column: "name", message: "the survey sheet has no name column."),
        ])
    }

    @Test func unknownQuestionType() {
        let found = problems("survey,,,\n,type,name,label\n,text,a,A\n,foo,b,B\n")
        #expect(found.count == 1)
        let problem = found.first
        #expect(problem?.sheet == "survey")
        #expect(problem?.row == 4)
        #expect(problem?.column == "type")
        #expect(problem?.message == "unknown question type 'foo'. Supported for now: text, integer, select_one <list>, note.")
        #expect(problem?.description == "form.csv, sheet survey, row 4, column type: unknown question type 'foo'. Supported for now: text, integer, select_one <list>, note.")
    }

    @Test(arguments: ["select_multiple yn", "begin group", "decimal", "select_one yn or_other"])
    func otherXLSFormTypesAreNotSupportedYet(type: String) {
        let found = problems("survey\n,type,name\n,\(type),q\nchoices\n,list_name,name\n,yn,yes\n")
        #expect(found.map(\.row) == [3])
        #expect(found.map(\.column) == ["type"])
        #expect(found.first?.message.hasPrefix("unknown question type '\(type)'") == true)
    }

    @Test func selectOneWithoutListName() {
        let found = problems("survey\n,type,name\n,select_one,q\n")
        #expect(found.map(\.row) == [3])
        #expect(found.map(\.column) == ["type"])
        #expect(found.first?.message.contains("select_one needs the name of a choice list") == true)
    }

    @Test func selectOneWhoseListIsMissing() {
        let csv = "survey\n,type,name\n,select_one yn,a\n,select_one colour,b\nchoices\n,list_name,name,label\n,yn,yes,Yes\n"
        let found = problems(csv)
        #expect(found.map(\.row) == [4])
        #expect(found.map(\.column) == ["type"])
        #expect(found.first?.message.contains("choice list 'colour' is not on the choices sheet") == true)

        let noChoicesSheet = problems("survey\n,type,name\n,select_one yn,a\n")
        #expect(noChoicesSheet.map(\.row) == [3])
        #expect(noChoicesSheet.first?.message.contains("no choices sheet") == true)
    }

    @Test func emptyName() {
        let found = problems("survey\n,type,name,label\n,text,,What?\n")
        #expect(found.map(\.row) == [3])
        #expect(found.map(\.column) == ["name"])
        #expect(found.first?.message.contains("no name") == true)
    }

    @Test(arguments: ["1st", "first name", "a/b", "-x", ".x", "é?"])
    func invalidName(name: String) {
        let found = problems("survey\n,type,name\n,text,\"\(name)\"\n")
        #expect(found.map(\.row) == [3])
        #expect(found.map(\.column) == ["name"])
        #expect(found.first?.message.hasPrefix("'\(name)' is not a valid question name") == true)
    }

    @Test func validNamesFollowXMLRules() throws {
        let csv = "survey\n,type,name\n,text,_a\n,text,b-1.c_d\n,text,été\n"
        let form = try XLSFormCSV.read(csv, fileName: "form.csv", fallbackFormID: "f")
        #expect(form.questions.map(\.name) == ["_a", "b-1.c_d", "été"])
    }

    @Test func duplicateQuestionNames() {
        let found = problems("survey\n,type,name\n,text,a\n,integer,b\n,integer,a\n")
        #expect(found.map(\.row) == [5])
        #expect(found.map(\.column) == ["name"])
        #expect(found.first?.message.contains("first on row 3") == true)
    }

    @Test func choicesRowsWithoutListNameOrName() {
        let csv = "survey\n,type,name\n,select_one yn,a\nchoices\n,list_name,name,label\n,yn,yes,Yes\n,,no,No\n,yn,,Maybe\n"
        let found = problems(csv)
        #expect(found.map(\.sheet) == ["choices", "choices"])
        #expect(found.map(\.row) == [7, 8])
        #expect(found.map(\.column) == ["list_name", "name"])
    }

    @Test func choicesSheetWithoutListNameColumn() {
        let found = problems("survey\n,type,name\n,text,a\nchoices\n,name,label\n,yes,Yes\n")
        #expect(found.map(\.sheet) == ["choices"])
        #expect(found.map(\.row) == [5])
        #expect(found.map(\.column) == ["list_name"])
    }

    @Test func duplicateChoiceNamesWithinOneList() {
        let csv = "survey\n,type,name\n,select_one yn,a\nchoices\n,list_name,name,label\n,yn,yes,Yes\n,other,yes,Yes\n,yn,yes,Yes again\n"
        let found = problems(csv)
        // The same name in another list is fine; only row 8 repeats within list yn.
        #expect(found.map(\.row) == [8])
        #expect(found.map(\.column) == ["name"])
        #expect(found.first?.message.contains("'yes' is used twice in list 'yn' (first on row 6)") == true)
    }

    @Test func unterminatedQuotedField() {
        let found = problems("survey,,\n,type,name,label\n,text,a,\"Unclosed label\n,text,b,B\n")
        #expect(found.count == 1)
        #expect(found.first?.sheet == "survey")
        #expect(found.first?.row == 3)
        #expect(found.first?.column == "label")
        #expect(found.first?.message.contains("never closed") == true)
    }

    @Test func unterminatedQuoteDoesNotBlameTheUnreadRest() {
        // The choices sheet is never reached, so the missing list is not reported; the bad type is.
        let csv = "survey\n,type,name,label\n,foo,x,X\n,select_one yn,a,A\n,text,b,\"B\n,text,c,C\nchoices\n,list_name,name\n,yn,yes\n"
        let found = problems(csv)
        #expect(found.map(\.row) == [3, 5])
        #expect(found.map(\.column) == ["type", "label"])
    }

    @Test func dataRowBeforeAnySheetName() {
        let found = problems(",type,name\nsurvey\n,type,name\n,text,a\n")
        #expect(found.count == 1)
        #expect(found.first?.row == 1)
        #expect(found.first?.sheet == "")
        #expect(found.first?.description.hasPrefix("form.csv, row 1: this row comes before any sheet name") == true)
    }

    @Test func noteWithoutLabel() {
        let found = problems("survey\n,type,name,label\n,note,intro,\n")
        #expect(found.map(\.row) == [3])
        #expect(found.map(\.column) == ["label"])
    }

    @Test func requiredMustBeYesOrNo() {
        let found = problems("survey\n,type,name,required\n,text,a,${b} = 'x'\n")
        #expect(found.map(\.row) == [3])
        #expect(found.map(\.column) == ["required"])
    }

    @Test func everyProblemIsReportedInFileOrder() {
        let csv = """
            survey,,,
            ,type,name,label
            ,foo,ok_name,A
            ,text,,B
            ,text,dup,C
            ,text,dup,D
            ,select_one missing,s,E
            choices,,,
            ,list_name,name,label
            ,yn,yes,Yes
            ,yn,yes,Yes
            """
        let found = problems(csv)
        #expect(found.map(\.row) == [3, 4, 6, 7, 11])
        #expect(found.map(\.column) == ["type", "name", "name", "type", "name"])
        #expect(found.map(\.sheet) == ["survey", "survey", "survey", "survey", "choices"])

        do {
            _ = try XLSFormCSV.read(csv, fileName: "form.csv", fallbackFormID: "f")
        } catch {
            let lines = error.description.split(separator: "\n")
            #expect(lines.count == 5)
            #expect(lines.allSatisfy { $0.hasPrefix("form.csv, sheet ") })
        }
    }

    @Test func surveyWithoutQuestionsOrHeaderRow() {
        let noQuestions = problems("survey\n,type,name,label\n")
        #expect(noQuestions.map(\.row) == [2])
        #expect(noQuestions.first?.message == "the survey sheet has no questions.")

        let noHeader = problems("survey\nchoices\n,list_name,name\n,yn,yes\n")
        #expect(noHeader.map(\.sheet) == ["survey"])
        #expect(noHeader.first?.message.contains("no header row") == true)
    }

    @Test func unterminatedQuoteInTheHeaderRowHasNoColumn() {
        let found = problems("survey\n,type,\"name\n,text,a\n")
        #expect(found.count == 1)
        #expect(found.first?.sheet == "survey")
        #expect(found.first?.row == 2)
        #expect(found.first?.column == nil)
    }

    @Test func descriptionLeavesOutWhatIsUnknown() {
        let problem = FormProblem(file: "f.csv", sheet: "survey", message: "the file has no survey sheet.")
        #expect(problem.description == "f.csv, sheet survey: the file has no survey sheet.")
        let located = FormProblem(file: "f.csv", sheet: "choices", row: 7, message: "x")
        #expect(located.description == "f.csv, sheet choices, row 7: x")
    }
}
