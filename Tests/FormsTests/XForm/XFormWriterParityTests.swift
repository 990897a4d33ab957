import Testing
@testable import Forms

/// Each test builds in Swift the same form as `Expected/<name>.md` and checks that our XForm
/// means the same as pyxform's `Expected/<name>.xml`.
@Suite struct XFormWriterParityTests {
    @Test func everyQuestionType() throws {
        let form = FormDefinition(
            settings: FormSettings(formTitle: "All question types", formID: "questions", version: "2024061201"),
            elements: [
                FormElement(name: "full_name", type: .text, label: plainText("Full name"), hint: plainText("As on the ID card"),
                            constraintMessage: plainText("Too long"), requiredMessage: plainText("Please give a name"), required: "yes",
                            constraint: "string-length(.) < 100", parameters: parameterList("rows=3")),
                FormElement(name: "age", type: .integer, label: plainText("Age"), constraintMessage: plainText("Between 0 and 129"),
                            required: "true", constraint: ". >= 0 and . < 130", defaultValue: "30"),
                FormElement(name: "income", type: .decimal, label: plainText("Monthly income"), relevant: "${age} >= 15"),
                FormElement(name: "scale", type: .range, label: plainText("Scale")),
                FormElement(name: "half", type: .range, label: plainText("Half steps"), parameters: parameterList("start=0 end=5 step=0.5")),
                FormElement(name: "visit", type: .date, label: plainText("Visit date"), defaultValue: "2024-06-01"),
                FormElement(name: "visit_time", type: .time, label: plainText("Visit time")),
                FormElement(name: "visit_at", type: .dateTime, typeText: "dateTime", label: plainText("Visit moment")),
                FormElement(name: "home", type: .geopoint, label: plainText("Home"), appearance: "maps",
                            parameters: parameterList("capture-accuracy=10 warning-accuracy=20 allow-mock-accuracy=true")),
                FormElement(name: "path", type: .geotrace, label: plainText("Path"), parameters: parameterList("incremental=true")),
                FormElement(name: "plot", type: .geoshape, label: plainText("Plot")),
                FormElement(name: "photo", type: .image, label: plainText("Photo"), appearance: "annotate",
                            parameters: parameterList("max-pixels=1024")),
                FormElement(name: "voice", type: .audio, label: plainText("Voice"), parameters: parameterList("quality=normal")),
                FormElement(name: "clip", type: .video, label: plainText("Clip")),
                FormElement(name: "doc", type: .file, label: plainText("Document")),
                FormElement(name: "code", type: .barcode, label: plainText("Code")),
                FormElement(name: "consent", type: .acknowledge, label: plainText("I agree"), required: "yes"),
                FormElement(name: "intro", type: .note, label: plainText("Welcome")),
                FormElement(name: "go", type: .trigger, label: plainText("Go")),
                FormElement(name: "doubled", type: .calculate, calculation: "${age} * 2"),
                FormElement(name: "secret", type: .hidden),
                FormElement(name: "shown_calc", type: .text, label: plainText("Shown"), calculation: "concat(${full_name}, '!')",
                            readOnly: "yes"),
                FormElement(name: "locked", type: .text, label: plainText("Locked"), required: "no", relevant: "true",
                            defaultValue: "none", readOnly: "${age} > 100"),
            ])
        try XFormParity.check(form, expected: "questions")
    }

    @Test func metadataAndBackgroundActions() throws {
        let form = FormDefinition(
            settings: FormSettings(formID: "metadata", instanceName: "concat('Visit ', ${village}, ' ', ${today})"),
            elements: [
                FormElement(name: "start", type: .metadata(.start)),
                FormElement(name: "end", type: .metadata(.end)),
                FormElement(name: "today", type: .metadata(.today)),
                FormElement(name: "deviceid", type: .metadata(.deviceid)),
                FormElement(name: "username", type: .metadata(.username)),
                FormElement(name: "phonenumber", type: .metadata(.phonenumber)),
                FormElement(name: "email", type: .metadata(.email)),
                FormElement(name: "audit", type: .metadata(.audit), parameters: parameterList(
                    "location-priority=balanced location-min-interval=10 location-max-age=60 track-changes=true identify-user=true")),
                FormElement(name: "start_location", type: .metadata(.startGeopoint)),
                FormElement(name: "recording", type: .metadata(.backgroundAudio), parameters: parameterList("quality=low")),
                FormElement(name: "village", type: .text, label: plainText("Village")),
                FormElement(name: "village_location", type: .metadata(.backgroundGeopoint), trigger: "${village}"),
            ])
        try XFormParity.check(form, expected: "metadata")
    }

    @Test func selectsChoiceFiltersFilesAndSearch() throws {
        var district = simpleChoiceList("district", [("d1", "Upper"), ("d2", "Lower")])
        district.choices[0].extraColumns = [FormAttribute(name: "region", value: "north")]
        district.choices[1].extraColumns = [FormAttribute(name: "region", value: "south")]
        let form = FormDefinition(
            settings: FormSettings(),
            elements: [
                FormElement(name: "consent", type: .selectOne(list: "yes_no", orOther: false), label: plainText("Do you consent?"),
                            required: "yes"),
                FormElement(name: "likes", type: .selectMultiple(list: "fruits", orOther: false), label: plainText("Fruits you like"),
                            appearance: "minimal"),
                FormElement(name: "ranking", type: .rank(list: "fruits"), label: plainText("Rank the fruits")),
                FormElement(name: "region", type: .selectOne(list: "region", orOther: false), label: plainText("Region")),
                FormElement(name: "district", type: .selectOne(list: "district", orOther: false), label: plainText("District"),
                            choiceFilter: "region=${region}"),
                FormElement(name: "district_near", type: .selectOne(list: "district", orOther: false),
                            label: plainText("Another district"), choiceFilter: "region=${region} and name != ${district}"),
                FormElement(name: "work", type: .selectOne(list: "work", orOther: true), label: plainText("Work")),
                FormElement(name: "shuffled", type: .selectMultiple(list: "fruits", orOther: false), label: plainText("Shuffled"),
                            parameters: parameterList("randomize=true seed=${seed}")),
                FormElement(name: "seed", type: .integer, label: plainText("Seed")),
                FormElement(name: "shuffled2", type: .selectOne(list: "fruits", orOther: false), label: plainText("Shuffled again"),
                            parameters: parameterList("randomize=true")),
                FormElement(name: "village", type: .selectOneFromFile(file: "villages.csv"), label: plainText("Village")),
                FormElement(name: "items", type: .selectMultipleFromFile(file: "items.xml"), label: plainText("Items"),
                            parameters: parameterList("value=code label=title")),
                FormElement(name: "plot", type: .selectOneFromFile(file: "plots.geojson"), label: plainText("Plot"),
                            appearance: "autocomplete"),
                FormElement(name: "favourite", type: .selectOne(list: "fruit_search", orOther: false),
                            label: plainText("Favourite fruit"), appearance: "search('fruit_list')"),
                FormElement(name: "unused_filter", type: .selectOne(list: "yes_no", orOther: false),
                            label: plainText("Filtered yes no"), choiceFilter: "name != 'maybe'"),
            ],
            choiceLists: [
                simpleChoiceList("yes_no", [("yes", "Yes"), ("no", "No")]),
                simpleChoiceList("fruits", [("apple", "Apple"), ("mango", "Mango")]),
                simpleChoiceList("region", [("north", "North"), ("south", "South")]),
                district,
                simpleChoiceList("work", [("farmer", "Farmer"), ("trader", "Trader")]),
                simpleChoiceList("fruit_search", [("banana", "Banana"), ("papaya", "Papaya")]),
                simpleChoiceList("unused", [("u1", "U1")]),
            ])
        try XFormParity.check(form, expected: "selects")
    }

    @Test func translationsMediaAndMessages() throws {
        let form = FormDefinition(
            settings: FormSettings(),
            elements: [
                FormElement(
                    name: "name", type: .text,
                    label: textsByColumn(["English (en)": "Name", "French (fr)": "Nom"]),
                    hint: textsByColumn(["English (en)": "Your name", "French (fr)": "Votre nom"]),
                    guidanceHint: textsByColumn(["English (en)": "Family name first"]),
                    requiredMessage: plainText("Needed for ${age}"),
                    media: FormMedia(image: textsByColumn(["English (en)": "name_en.png", "French (fr)": "name_fr.png"]),
                                     bigImage: textsByColumn(["English (en)": "name_big.png"]), audio: plainText("name.mp3")),
                    required: "yes"),
                FormElement(
                    name: "age", type: .integer, label: textsByColumn(["English (en)": "Age", "French (fr)": "Âge"]),
                    constraintMessage: textsByColumn(["English (en)": "Too small", "French (fr)": "Trop petit"]),
                    media: FormMedia(video: textsByColumn(["English (en)": "intro.mp4"])), constraint: ". > 0"),
                FormElement(name: "plain_note", type: .note, label: plainText("Untranslated note")),
                FormElement(name: "colour", type: .selectOne(list: "colours", orOther: false),
                            label: textsByColumn(["English (en)": "Colour", "French (fr)": "Couleur"])),
                FormElement(name: "size", type: .selectOne(list: "sizes", orOther: false), label: textsByColumn(["English (en)": "Size"])),
                FormElement(name: "details", type: .group, children: [
                    FormElement(name: "details_text", type: .text,
                                label: textsByColumn(["English (en)": "Detail for ${name}", "French (fr)": "Détail pour ${name}"])),
                ], label: textsByColumn(["English (en)": "Details", "French (fr)": "Détails"])),
            ],
            choiceLists: [
                FormChoiceList(name: "colours", choices: [
                    FormChoice(name: "red", label: textsByColumn(["English (en)": "Red", "French (fr)": "Rouge"]),
                               media: FormMedia(image: textsByColumn(["English (en)": "red.png"]))),
                    FormChoice(name: "blue", label: textsByColumn(["English (en)": "Blue"])),
                ]),
                simpleChoiceList("sizes", [("s", "Small"), ("l", "Large")]),
            ])
        try XFormParity.check(form, expected: "translations")
    }

    @Test func groupsRepeatsAndRelativePaths() throws {
        var district = simpleChoiceList("district", [("a", "District A"), ("b", "District B")])
        district.choices[0].extraColumns = [FormAttribute(name: "region", value: "n")]
        district.choices[1].extraColumns = [FormAttribute(name: "region", value: "s")]
        let child = FormElement(name: "child", type: .repeat, children: [
            FormElement(name: "child_name", type: .text, label: plainText("Child name"), relevant: "${member_name} != ''"),
            FormElement(name: "child_age", type: .integer, label: plainText("Child age"), relevant: "${child_name} != ''",
                        defaultValue: "${member_age} - 20"),
        ], label: plainText("Child"), repeatCount: "count(${member_age}) + 1")
        let member = FormElement(name: "member", type: .repeat, children: [
            FormElement(name: "member_name", type: .text, label: plainText("Name")),
            FormElement(name: "member_age", type: .integer, label: plainText("Age"), relevant: "${member_name} != ''",
                        constraint: ". < ${members} * 100"),
            FormElement(name: "age_sum", type: .calculate, calculation: "${member_age} + ${members}"),
            FormElement(name: "member_district", type: .selectOne(list: "district", orOther: false), label: plainText("District"),
                        choiceFilter: "region=${home_region} and name != ${member_name}"),
            FormElement(name: "greeting", type: .text, label: plainText("Greeting"), defaultValue: "concat('Hello ', ${member_name})"),
            FormElement(name: "health", type: .group, children: [
                FormElement(name: "condition", type: .text, label: plainText("Condition of ${member_name}")),
            ], label: plainText("Health")),
            child,
        ], label: plainText("Member"), repeatCount: "${members}")
        let form = FormDefinition(
            settings: FormSettings(),
            elements: [
                FormElement(name: "members", type: .integer, label: plainText("How many members?")),
                FormElement(name: "home_region", type: .selectOne(list: "region", orOther: false), label: plainText("Home region")),
                FormElement(name: "intro", type: .group, children: [
                    FormElement(name: "interviewer", type: .text, label: plainText("Interviewer")),
                ], label: plainText("Introduction"), relevant: "${members} > 0", appearance: "field-list"),
                member,
                FormElement(name: "visit", type: .repeat, children: [
                    FormElement(name: "first_name", type: .text, label: plainText("First member"),
                                calculation: "indexed-repeat(${member_name}, ${member}, 1)"),
                ], label: plainText("Visit"), appearance: "minimal", repeatCount: "3",
                   bodyAttributes: [FormAttribute(name: "jr:noAddRemove", value: "true()")]),
                FormElement(name: "extra", type: .repeat, children: [
                    FormElement(name: "extra_note", type: .text, label: plainText("Extra")),
                ]),
            ],
            choiceLists: [simpleChoiceList("region", [("n", "North"), ("s", "South")]), district])
        try XFormParity.check(form, expected: "repeats")
    }

    @Test func triggersExternalDataAndLastSaved() throws {
        let form = FormDefinition(
            settings: FormSettings(),
            elements: [
                FormElement(name: "household", type: .text, label: plainText("Household"), defaultValue: "${last-saved#household}"),
                FormElement(name: "size", type: .integer, label: plainText("Size")),
                FormElement(name: "price", type: .calculate, calculation: "pulldata('prices', 'price', 'item', ${household})"),
                FormElement(name: "stamped", type: .calculate, calculation: "now()", trigger: "${size}"),
                FormElement(name: "size_note", type: .text, label: plainText("Size changed"), calculation: "concat('Size: ', ${size})",
                            trigger: "${size},${household}"),
                FormElement(name: "weight", type: .decimal, label: plainText("Weight"), relevant: "${last-saved#size} > 0"),
                FormElement(name: "lookup", type: .xmlExternal),
                FormElement(name: "people", type: .csvExternal),
                FormElement(name: "from_lookup", type: .text,
                            label: plainText("Lookup value: instance('lookup')/root/item[name = ${household}]/label here")),
                FormElement(name: "checked", type: .text, label: plainText("Checked"), constraint: "pulldata('limits', 'max', 'key', 'x') > ."),
                FormElement(name: "bounded", type: .integer, label: plainText("Bounded"),
                            constraint: ". < instance('people')/root/item[name = ${household}]/limit"),
            ])
        try XFormParity.check(form, expected: "logic")
    }

    @Test func settingsDefaultLanguageAndColumnEscapes() throws {
        let form = FormDefinition(
            settings: FormSettings(
                formTitle: "Settings & \"quotes\" <here>", formID: "settings_form", version: "3", defaultLanguage: "English (en)",
                publicKey: "MIIBIjAN", submissionURL: "https://example.org/submission", rootName: "household",
                other: [
                    FormAttribute(name: "auto_send", value: "true"), FormAttribute(name: "auto_delete", value: "false"),
                    FormAttribute(name: "style", value: "pages"),
                    FormAttribute(name: "namespaces", value: "esri=\"http://esri.com/xforms\""),
                    FormAttribute(name: "attribute::origin", value: "counted"),
                    FormAttribute(name: "instance_xmlns", value: "http://example.org/ns"),
                ]),
            elements: [
                FormElement(name: "a", type: .text,
                            label: textsByColumn(["": "Plain A", "English (en)": "A in English", "French (fr)": "A en français"]),
                            hint: plainText("Plain hint"),
                            bindAttributes: [FormAttribute(name: "odk:custom", value: "yes")],
                            bodyAttributes: [FormAttribute(name: "esri:style", value: "bold")],
                            instanceAttributes: [FormAttribute(name: "extra", value: "x")]),
                FormElement(name: "b", type: .text, label: textsByColumn(["": "Plain B", "French (fr)": "B en français"])),
                FormElement(name: "c", type: .text, label: plainText("Plain C only")),
                FormElement(name: "d", type: .selectOne(list: "yn", orOther: false), label: plainText("D"), appearance: "label"),
                FormElement(name: "e", type: .selectOne(list: "yn", orOther: false), appearance: "label"),
            ],
            choiceLists: [FormChoiceList(name: "yn", choices: [
                FormChoice(name: "yes", label: textsByColumn(["": "Yes", "French (fr)": "Oui"])),
                FormChoice(name: "no", label: plainText("No")),
            ])])
        try XFormParity.check(form, expected: "settings")
    }

    @Test func formWithoutSettingsUsesTheFallbackID() throws {
        let form = FormDefinition(settings: FormSettings(), elements: [
            FormElement(name: "only", type: .text, label: plainText("The only question")),
        ])
        try XFormParity.check(form, expected: "fallback")
    }

    @Test func dynamicLabelsEscapingAndTableLists() throws {
        let form = FormDefinition(
            settings: FormSettings(),
            elements: [
                FormElement(name: "name", type: .text, label: plainText("Name & \"title\" <required>"), hint: plainText("It's 'quoted'"), row: 2),
                FormElement(name: "greet", type: .note, label: plainText("Hello ${name}, welcome"), hint: plainText("Hint for ${name}"),
                            guidanceHint: plainText("Guidance for ${name}"), row: 3),
                FormElement(name: "echo", type: .note, label: plainText("${name}"), row: 4),
                FormElement(name: "pick", type: .selectOne(list: "dyn", orOther: false), label: plainText("Pick one"), row: 5),
                FormElement(name: "tbl", type: .group, children: [
                    FormElement(name: "q1", type: .selectOne(list: "yn", orOther: false), label: plainText("Question 1"), row: 7),
                    FormElement(name: "q2", type: .selectOne(list: "yn", orOther: false), label: plainText("Question 2"), row: 8),
                ], label: plainText("Table heading"), hint: plainText("Table hint"), appearance: "table-list", row: 6, endRow: 9),
            ],
            choiceLists: [
                simpleChoiceList("dyn", [("a", "A for ${name}"), ("b", "B")]),
                simpleChoiceList("yn", [("yes", "Yes"), ("no", "No")]),
            ])
        try XFormParity.check(form, expected: "labels")
    }

    @Test func rangesGeometryRepeatChoicesSearchAndNestedTemplates() throws {
        func both(_ english: String, _ spanish: String) -> LocalizedText { textsByColumn(["": english, "Español (es)": spanish]) }
        let deep = FormElement(name: "deep", type: .group, children: [
            FormElement(name: "deepest", type: .repeat, children: [
                FormElement(name: "number", type: .integer, label: both("Number", "Número"), defaultValue: "position(..) + 1"),
            ], label: both("Deepest", "Más profundo")),
            FormElement(name: "when", type: .date, label: both("When", "Cuándo"), defaultValue: "today()"),
        ])
        let form = FormDefinition(
            settings: FormSettings(),
            elements: [
                FormElement(name: "rating", type: .range, label: both("Rating", "Nota"), appearance: "vertical",
                            parameters: parameterList("start=0 end=10 step=1 tick_interval=2 placeholder=4 tick_labelset=ticks")),
                FormElement(name: "smooth", type: .range, label: both("Smooth", "Suave"), appearance: "no-ticks",
                            parameters: parameterList("start=0 end=1 step=0.1")),
                FormElement(name: "place", type: .repeat, children: [
                    FormElement(name: "place_name", type: .text, label: both("Place name", "Nombre")),
                    FormElement(name: "outline", type: .geoshape, label: both("Outline", "Contorno")),
                ], label: both("Place", "Lugar")),
                FormElement(name: "chosen_place", type: .selectOne(list: "${place_name}", orOther: false),
                            label: both("Chosen place", "Lugar elegido")),
                FormElement(name: "other_place", type: .selectOne(list: "${place_name}", orOther: false),
                            label: both("Other place", "Otro lugar"), choiceFilter: "${place_name} != ${chosen_place}"),
                FormElement(name: "near", type: .geopoint, label: both("Near", "Cerca"),
                            parameters: parameterList("reference-geometry=${place}")),
                FormElement(name: "animal", type: .selectOne(list: "animals", orOther: true), label: both("Animal", "Animal")),
                FormElement(name: "searched", type: .selectOne(list: "animal_search", orOther: false),
                            label: both("Searched", "Buscado"), appearance: "search('animals', 'matches', 'name', ${animal})"),
                FormElement(name: "logo", type: .image, label: both("Logo", "Logo"), defaultValue: "logo.png"),
                FormElement(name: "outer", type: .group, children: [
                    FormElement(name: "inner", type: .repeat, children: [deep], label: both("Inner", "Interior")),
                ], label: both("Outer", "Exterior")),
            ],
            choiceLists: [
                FormChoiceList(name: "ticks", choices: [
                    FormChoice(name: "0", label: both("Low", "Bajo")), FormChoice(name: "10", label: both("High", "Alto")),
                ]),
                FormChoiceList(name: "animals", choices: [
                    FormChoice(name: "cat", label: both("Cat", "Gato"), media: FormMedia(image: plainText("cat.png"))),
                    FormChoice(name: "dog", label: both("Dog", "Perro")),
                ]),
                FormChoiceList(name: "animal_search", choices: [
                    FormChoice(name: "a1", label: both("First", "Primero")), FormChoice(name: "a2", label: plainText("Second")),
                ]),
            ])
        try XFormParity.check(form, expected: "advanced")
    }

    @Test func externalSelectDynamicCalculateAndNoInstanceID() throws {
        let form = FormDefinition(
            settings: FormSettings(formID: "external", other: [FormAttribute(name: "omit_instanceID", value: "yes")]),
            elements: [
                FormElement(name: "state", type: .selectOne(list: "state", orOther: false), label: plainText("State")),
                FormElement(name: "city", type: .selectOneExternal(list: "city"), label: plainText("City"),
                            choiceFilter: "state=${state}"),
                FormElement(name: "later", type: .calculate, defaultValue: "concat('x', ${state})"),
                FormElement(name: "after", type: .text, label: plainText("After")),
            ],
            choiceLists: [simpleChoiceList("state", [("a", "A"), ("b", "B")])],
            externalChoiceLists: [simpleChoiceList("city", [("x", "X"), ("y", "Y")])])
        try XFormParity.check(form, expected: "external")
    }
}
