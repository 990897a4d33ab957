import Forms
import Testing

@Suite("Escaping text for XML")
struct XMLEscapingTests {
    @Test("&, < and > always; \" only in attribute values; ' and line ends left as pyxform leaves them")
    func escapes() {
        #expect("a & b <c> \"d\" 'e'\n".xmlEscaped(quotes: false) == "a &amp; b &lt;c&gt; \"d\" 'e'\n")
        #expect("a & b <c> \"d\" 'e'\n".xmlEscaped(quotes: true) == "a &amp; b &lt;c&gt; &quot;d&quot; 'e'\n")
        #expect("Kibera é 日本".xmlEscaped(quotes: true) == "Kibera é 日本")
    }

    @Test("a combining mark after & or < does not hide it")
    func combiningMarks() {
        #expect("&\u{301}".xmlEscaped(quotes: false) == "&amp;\u{301}")
        #expect("<\u{308}x".xmlEscaped(quotes: false) == "&lt;\u{308}x")
    }
}
