import Foundation
import Forms
import Testing

/// The files a converted form expects on the phone, and the external choices file.
@Suite("Media files an XForm names, and itemsets.csv")
struct XFormAttachmentsTests {
    static func convert(_ csv: String) throws -> (form: FormDefinition, xform: String) {
        try XLSFormFile.convert(Data(csv.utf8), fileName: "media_form.csv")
    }

    @Test func namesEveryKindOfFileOnceInOrder() throws {
        let (_, xform) = try Self.convert("""
        survey,type,name,label,image,audio,label::Français (fr),image::Français (fr),calculation
        ,note,intro,Welcome,welcome.png,welcome.mp3,Bienvenue,bienvenue.png,
        ,select_one_from_file villages.csv,village,Village,,,Village,,
        ,select_one colour,colour,Colour,,,Couleur,,
        ,calculate,price,,,,,,"pulldata('prices', 'price', 'item', 'maize')"
        ,note,again,Again,welcome.png,,Encore,,
        choices,list_name,name,label,image,label::Français (fr)
        ,colour,red,Red,red.jpg,Rouge
        """)
        let names = XFormAttachments.names(in: xform)
        #expect(Set(names) == ["welcome.png", "welcome.mp3", "bienvenue.png", "villages.csv", "red.jpg", "prices.csv"])
        #expect(names.count == 6, "each file once: \(names)")
    }

    @Test func aFormWithoutFilesNamesNone() throws {
        let (form, xform) = try Self.convert("survey,type,name,label\n,text,name,Name\n")
        #expect(XFormAttachments.names(in: xform).isEmpty)
        #expect(ItemsetsCSV.text(for: form) == nil)
    }

    @Test func externalChoicesBecomeItemsetsCSV() throws {
        let (form, xform) = try Self.convert(#"""
        survey,type,name,label,choice_filter
        ,select_one county,county,County,
        ,select_one_external district,district,District,county=${county}
        choices,list_name,name,label
        ,county,kisumu,Kisumu
        external_choices,list_name,name,label,county
        ,district,nyando,"Nyando ""east""",kisumu
        ,district,kano,"Kano, plains",kisumu
        """#)
        #expect(XFormAttachments.names(in: xform) == [ItemsetsCSV.fileName])
        let text = try #require(ItemsetsCSV.text(for: form))
        #expect(text == "\"list_name\",\"name\",\"label\",\"county\"\r\n"
            + "\"district\",\"nyando\",\"Nyando \"\"east\"\"\",\"kisumu\"\r\n"
            + "\"district\",\"kano\",\"Kano, plains\",\"kisumu\"\r\n")
    }
}
