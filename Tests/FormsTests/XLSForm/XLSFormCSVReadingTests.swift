import Foundation
import Testing
import Forms

@Suite("Reading a valid CSV XLSForm")
struct XLSFormCSVReadingTests {
    @Test func readsTheDocumentedExample() throws {
        let form = try HouseholdForm.questionnaire()
        #expect(form.formID == "household")
        #expect(form.title == "Household survey")
        #expect(form.version == "2024-1")
        #expect(form.questions == [
            Question(name: "sex", type: .selectOne(list: "sex"), label: "What is your sex?", required: true, row: 3),
            Question(name: "age", type: .integer, label: "How old are you?", required: true, row: 4),
            Question(name: "comment", type: .text, label: "Anything else?", required: false, row: 5),
        ])
        #expect(form.choiceLists == [
            ChoiceList(name: "sex", choices: [Choice(name: "female", label: "Female"), Choice(name: "male", label: "Male")])
        ])
    }

    @Test func lookupHelpers() throws {
        let form = try HouseholdForm.questionnaire()
        let sex = try #require(form.question(named: "sex"))
        #expect(form.choices(for: sex).map(\.name) == ["female", "male"])
        let age = try #require(form.question(named: "age"))
        #expect(form.choices(for: age).isEmpty)
        #expect(form.question(named: "nope") == nil)
    }

    @Test func settingsFallbacks() throws {
        let csv = "survey\n,type,name,label\n,text,q1,Question one\n"
        let form = try XLSFormCSV.read(csv, fileName: "x.csv", fallbackFormID: "from_file_name")
        #expect(form.formID == "from_file_name")
        #expect(form.title == "from_file_name")
        #expect(form.version == "1")

        let withID = csv + "settings\n,form_id\n,my_form\n"
        let second = try XLSFormCSV.read(withID, fileName: "x.csv", fallbackFormID: "fallback")
        #expect(second.formID == "my_form")
        #expect(second.title == "my_form")
    }

    @Test func headersAreCaseInsensitiveTrimmedAndTranslatedLabelsWork() throws {
        let csv = """
            SURVEY,,,,,
            , Type ,NAME,label::English (en),Hint::English (en),Required
            ,integer,age,How old?,In years,TRUE
            ,text,name,,,no
            ,note,intro,Welcome!,,yes
            """
        let form = try XLSFormCSV.read(csv, fileName: "x.csv", fallbackFormID: "f")
        #expect(form.questions.map(\.name) == ["age", "name", "intro"])
        #expect(form.questions[0].label == "How old?")
        #expect(form.questions[0].hint == "In years")
        #expect(form.questions[0].required)
        // Empty label falls back to the name; hint absent is nil.
        #expect(form.questions[1].label == "name")
        #expect(form.questions[1].hint == nil)
        #expect(form.questions[1].required == false)
        // A note is never required, whatever the sheet says.
        #expect(form.questions[2].type == .note)
        #expect(form.questions[2].required == false)
    }

    @Test func plainLabelIsPreferredOverTranslations() throws {
        let csv = "survey\n,type,name,label::French (fr),label\n,text,q,Quel?,Which?\n"
        let form = try XLSFormCSV.read(csv, fileName: "x.csv", fallbackFormID: "f")
        #expect(form.questions.first?.label == "Which?")
    }

    @Test func requiredAcceptsYesTrueAndOne() throws {
        let csv = "survey\n,type,name,required\n,text,a,Yes\n,text,b,true\n,text,c,1\n,text,d,\n,text,e,No\n"
        let form = try XLSFormCSV.read(csv, fileName: "x.csv", fallbackFormID: "f")
        #expect(form.questions.map(\.required) == [true, true, true, false, false])
    }

    @Test func quotedCellsBOMAndCRLF() throws {
        let csv = "\u{FEFF}survey,,,\r\n,type,name,label\r\n,text,story,\"Tell us, in your own words,\r\nwhat \"\"home\"\" means\"\r\n,integer,age,Age\r\n"
        let form = try XLSFormCSV.read(csv, fileName: "x.csv", fallbackFormID: "f")
        #expect(form.questions.map(\.name) == ["story", "age"])
        #expect(form.questions[0].label == "Tell us, in your own words,\nwhat \"home\" means")
        // The quoted label spans lines 3-4, so age is on line 5.
        #expect(form.questions[1].row == 5)
    }

    @Test func headersOnTheSheetNameRowAndBlankRowsAreAccepted() throws {
        let csv = "survey,type,name,label\n,,,\n,text,a,A\n\n,integer,b,B\nchoices,list_name,name,label\n"
        let form = try XLSFormCSV.read(csv, fileName: "x.csv", fallbackFormID: "f")
        #expect(form.questions.map(\.name) == ["a", "b"])
        #expect(form.questions.map(\.row) == [3, 5])
    }

    @Test func choiceWithoutLabelUsesItsNameAndListsKeepFileOrder() throws {
        let csv = "survey\n,type,name\n,select_one yn,ok\n,select_one colour,c\nchoices\n,list_name,name,label\n,yn,yes,\n,colour,red,Red\n,yn,no,No\n"
        let form = try XLSFormCSV.read(csv, fileName: "x.csv", fallbackFormID: "f")
        #expect(form.choiceLists.map(\.name) == ["yn", "colour"])
        #expect(form.choiceLists[0].choices == [Choice(name: "yes", label: "yes"), Choice(name: "no", label: "No")])
    }

    @Test func questionnaireRoundTripsThroughJSON() throws {
        let form = try HouseholdForm.questionnaire()
        let data = try JSONEncoder().encode(form)
        let text = try #require(String(data: data, encoding: .utf8))
        #expect(text.contains("\"select_one sex\""))
        #expect(try JSONDecoder().decode(Questionnaire.self, from: data) == form)
    }
}
