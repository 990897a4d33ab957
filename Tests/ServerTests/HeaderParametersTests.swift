@testable import Server
import Testing

@Suite("Header parameters")
struct HeaderParametersTests {
    @Test("A multipart boundary and a part's disposition are read, keys in any case")
    func boundaryAndDisposition() {
        #expect(HeaderParameters("multipart/form-data; boundary=----abc123")["boundary"] == "----abc123")
        #expect(HeaderParameters("multipart/form-data;BOUNDARY=\"q r\"")["boundary"] == "q r")
        let disposition = HeaderParameters("form-data; name=\"xml_submission_file\"; filename=\"submission.xml\"")
        #expect(disposition["name"] == "xml_submission_file")
        #expect(disposition["filename"] == "submission.xml")
    }

    @Test("A ';' inside quotes belongs to the value; spaces around are trimmed; the first of a key wins")
    func quotedSemicolons() {
        let parameters = HeaderParameters("form-data ;  name = \"a;b\" ; filename=\"c é.jpg\"; name=second; broken")
        #expect(parameters["name"] == "a;b")
        #expect(parameters["filename"] == "c é.jpg")
        #expect(parameters["broken"] == nil)
        #expect(parameters["form-data"] == nil)
    }

    @Test("A header without parameters, or with an empty or lone-quote value")
    func edges() {
        #expect(HeaderParameters("text/xml").values.isEmpty)
        #expect(HeaderParameters("").values.isEmpty)
        #expect(HeaderParameters("x; a=")["a"] == "")
        #expect(HeaderParameters("x; a=\"")["a"] == "\"")
        #expect(HeaderParameters("x; a=\"\"")["a"] == "")
    }
}
