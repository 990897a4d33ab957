import Testing
@testable import Forms

@Suite("XLSFormReader: a realistic form")
struct RealisticFormTests {
    static let workbook = """
    | survey |
    |        | type                          | name         | label::English (en)     | label::French (fr)       | hint::English (en) | hint::French (fr) | required | relevant             | constraint              | constraint_message::English (en) | constraint_message::French (fr) | choice_filter          | appearance | calculation                      | parameters               | default | repeat_count     |
    |        | start                         | start        |                         |                          |                    |                   |          |                      |                         |                                  |                                 |                        |            |                                  |                          |         |                  |
    |        | today                         | today        |                         |                          |                    |                   |          |                      |                         |                                  |                                 |                        |            |                                  |                          |         |                  |
    |        | audit                         |              |                         |                          |                    |                   |          |                      |                         |                                  |                                 |                        |            |                                  | track-changes=true       |         |                  |
    |        | begin group                   | household    | Household               | Ménage                   |                    |                   |          |                      |                         |                                  |                                 |                        | field-list |                                  |                          |         |                  |
    |        | select_one region             | region       | Region                  | Région                   |                    |                   | yes      |                      |                         |                                  |                                 |                        |            |                                  |                          |         |                  |
    |        | select_one district           | district     | District                | District                 |                    |                   | yes      |                      |                         |                                  |                                 | region = ${region}     | minimal    |                                  |                          |         |                  |
    |        | integer                       | size         | Members                 | Membres                  | Everyone           | Tout le monde     | yes      |                      | . > 0 and . < 40        | Between 1 and 39                 | Entre 1 et 39                   |                        |            |                                  |                          | 1       |                  |
    |        | geopoint                      | location     | Location                | Position                 |                    |                   |          |                      |                         |                                  |                                 |                        |            |                                  | capture-accuracy=10      |         |                  |
    |        | end group                     |              |                         |                          |                    |                   |          |                      |                         |                                  |                                 |                        |            |                                  |                          |         |                  |
    |        | begin repeat                  | member       | Member                  | Membre                   |                    |                   |          |                      |                         |                                  |                                 |                        |            |                                  |                          |         | ${size}          |
    |        | text                          | first_name   | First name              | Prénom                   |                    |                   | yes      |                      |                         |                                  |                                 |                        |            |                                  |                          |         |                  |
    |        | date                          | birth        | Birth date              | Date de naissance        |                    |                   |          |                      | . <= today()            |                                  |                                 |                        |            |                                  |                          |         |                  |
    |        | calculate                     | age          |                         |                          |                    |                   |          |                      |                         |                                  |                                 |                        |            | int((today() - ${birth}) div 365.25) |                  |         |                  |
    |        | select_multiple difficulty or_other | difficulties | Difficulties     | Difficultés              |                    |                   |          | ${age} >= 5          |                         |                                  |                                 |                        |            |                                  |                          |         |                  |
    |        | rank difficulty               | priorities   | Priorities              | Priorités                |                    |                   |          |                      |                         |                                  |                                 |                        |            |                                  |                          |         |                  |
    |        | image                         | photo        | Photo                   | Photo                    |                    |                   |          |                      |                         |                                  |                                 |                        |            |                                  | max-pixels=1024          |         |                  |
    |        | end repeat                    |              |                         |                          |                    |                   |          |                      |                         |                                  |                                 |                        |            |                                  |                          |         |                  |
    |        | range                         | satisfaction | Satisfaction            | Satisfaction             |                    |                   |          |                      |                         |                                  |                                 |                        |            |                                  | start=0 end=10 step=1    |         |                  |
    |        | decimal                       | income       | Income                  | Revenu                   |                    |                   |          |                      |                         |                                  |                                 |                        |            |                                  |                          |         |                  |
    |        | time                          | visit_time   | Visit time              | Heure                    |                    |                   |          |                      |                         |                                  |                                 |                        |            |                                  |                          |         |                  |
    |        | dateTime                      | next_visit   | Next visit              | Prochaine visite         |                    |                   |          |                      |                         |                                  |                                 |                        |            |                                  |                          |         |                  |
    |        | geotrace                      | path         | Path                    | Trajet                   |                    |                   |          |                      |                         |                                  |                                 |                        |            |                                  |                          |         |                  |
    |        | geoshape                      | plot         | Plot                    | Parcelle                 |                    |                   |          |                      |                         |                                  |                                 |                        |            |                                  |                          |         |                  |
    |        | audio                         | voice        | Voice                   | Voix                     |                    |                   |          |                      |                         |                                  |                                 |                        |            |                                  |                          |         |                  |
    |        | video                         | clip         | Clip                    | Clip                     |                    |                   |          |                      |                         |                                  |                                 |                        |            |                                  |                          |         |                  |
    |        | file                          | document     | Document                | Document                 |                    |                   |          |                      |                         |                                  |                                 |                        |            |                                  |                          |         |                  |
    |        | barcode                       | code         | Code                    | Code                     |                    |                   |          |                      |                         |                                  |                                 |                        |            |                                  |                          |         |                  |
    |        | select_one_from_file wells.csv | well        | Well                    | Puits                    |                    |                   |          |                      |                         |                                  |                                 |                        |            |                                  |                          |         |                  |
    |        | acknowledge                   | consent      | I agree                 | J'accepte                |                    |                   | yes      |                      |                         |                                  |                                 |                        |            |                                  |                          |         |                  |
    |        | hidden                        | version_tag  |                         |                          |                    |                   |          |                      |                         |                                  |                                 |                        |            |                                  |                          | v1      |                  |
    |        | note                          | thanks       | Thank you, ${first_name} | Merci                   |                    |                   |          |                      |                         |                                  |                                 |                        |            |                                  |                          |         |                  |
    | choices |
    |         | list_name  | name  | label::English (en) | label::French (fr) | region |
    |         | region     | north | North               | Nord               |        |
    |         | region     | south | South               | Sud                |        |
    |         | district   | n1    | Lakeside            | Bord du lac        | north  |
    |         | district   | s1    | Hills               | Collines           | south  |
    |         | difficulty | see   | Seeing              | Voir               |        |
    |         | difficulty | hear  | Hearing             | Entendre           |        |
    | settings |
    |          | form_title        | form_id   | version | default_language | instance_name                    |
    |          | Household survey  | household | 3       | English (en)     | concat('hh-', ${region})         |
    """

    @Test func readsIntoTheExpectedTree() throws {
        let form = try #require(acceptedForm(Self.workbook))
        // The only warning: or_other adds an untranslated "Other" choice to a translated form.
        #expect(form.warnings.count == 1, "warnings: \(form.warnings.map(\.description))")
        #expect(form.warnings.first?.message.contains("or_other and translations") == true)
        #expect(form.settings.formTitle == "Household survey")
        #expect(form.settings.formID == "household")
        #expect(form.settings.defaultLanguage == "English (en)")
        #expect(form.languages == ["English (en)", "French (fr)"])
        #expect(form.elements.map(\.name) == [
            "start", "today", "audit", "household", "member", "satisfaction", "income", "visit_time", "next_visit",
            "path", "plot", "voice", "clip", "document", "code", "well", "consent", "version_tag", "thanks",
        ])
        #expect(form.elements.map(\.type) == [
            .metadata(.start), .metadata(.today), .metadata(.audit), .group, .repeat, .range, .decimal, .time, .dateTime,
            .geotrace, .geoshape, .audio, .video, .file, .barcode, .selectOneFromFile(file: "wells.csv"), .acknowledge,
            .hidden, .note,
        ])

        let household = try #require(form.firstElement(named: "household"))
        #expect(household.appearance == "field-list")
        #expect(household.label["French (fr)"] == "Ménage")
        #expect(household.children.map(\.type) == [
            .selectOne(list: "region", orOther: false), .selectOne(list: "district", orOther: false), .integer, .geopoint,
        ])
        let district = try #require(form.firstElement(named: "district"))
        #expect(district.choiceFilter == "region = ${region}")
        #expect(district.appearance == "minimal")
        let size = try #require(form.firstElement(named: "size"))
        #expect(size.required == "yes")
        #expect(size.constraint == ". > 0 and . < 40")
        #expect(size.constraintMessage["French (fr)"] == "Entre 1 et 39")
        #expect(size.hint["English (en)"] == "Everyone")
        #expect(size.defaultValue == "1")
        #expect(form.firstElement(named: "location")?.parameters == [FormAttribute(name: "capture-accuracy", value: "10")])

        let member = try #require(form.firstElement(named: "member"))
        #expect(member.repeatCount == "${size}")
        #expect(member.row == 11)
        #expect(member.endRow == 18)
        #expect(member.children.map(\.name) == ["first_name", "birth", "age", "difficulties", "priorities", "photo"])
        #expect(form.firstElement(named: "age")?.calculation == "int((today() - ${birth}) div 365.25)")
        #expect(form.firstElement(named: "difficulties")?.type == .selectMultiple(list: "difficulty", orOther: true))
        #expect(form.firstElement(named: "difficulties")?.relevant == "${age} >= 5")
        #expect(form.firstElement(named: "priorities")?.type == .rank(list: "difficulty"))
        #expect(form.firstElement(named: "version_tag")?.defaultValue == "v1")
        #expect(form.firstElement(named: "thanks")?.label["English (en)"] == "Thank you, ${first_name}")

        #expect(form.choiceLists.map(\.name) == ["region", "district", "difficulty"])
        let lakeside = try #require(form.choiceList(named: "district")?.choices.first)
        #expect(lakeside.name == "n1")
        #expect(lakeside.label["French (fr)"] == "Bord du lac")
        #expect(lakeside.extraColumns == [FormAttribute(name: "region", value: "north")])
        #expect(form.choiceList(named: "region")?.choices.first?.extraColumns.isEmpty == true)
    }
}
