import Testing
import TollgateXML

@Suite("Escaping for hand-written XML")
struct XMLEscapingTests {
    @Test("text escaping")
    func text() {
        #expect(XMLEscaping.escapeText("a < b && c > d ]]> \"q\" 'a'\r\n") == "a &lt; b &amp;&amp; c &gt; d ]]&gt; \"q\" 'a'&#13;\n")
        #expect(XMLEscaping.escapeText("plain ü 😀") == "plain ü 😀")
    }

    @Test("attribute escaping keeps whitespace through attribute-value normalization")
    func attribute() {
        #expect(XMLEscaping.escapeAttribute("a<b>&\"c\" 'd'\t\n\r") == "a&lt;b&gt;&amp;&quot;c&quot; &apos;d&apos;&#9;&#10;&#13;")
    }

    @Test("escaped text round-trips through the parser")
    func roundTrip() throws {
        let original = "x < y & \"z\" 'w'\ttab\nline\rcr ]]> é"
        let xml = "<a b=\"\(XMLEscaping.escapeAttribute(original))\">\(XMLEscaping.escapeText(original))</a>"
        #expect(try Fixtures.evaluate("string(/a/@b)", onXML: xml) == .string(original))
        #expect(try Fixtures.evaluate("string(/a)", onXML: xml) == .string(original))
    }

    @Test("characters XML 1.0 forbids are removed, the rest kept")
    func invalidCharacters() throws {
        let dirty = "ok\u{0}\u{1}\u{8}\u{B}\u{C}\u{1F}\t\n\r\u{7F}\u{FFFE}\u{FFFF}\u{FFFD}😀é"
        let clean = XMLEscaping.removingInvalidXMLCharacters(dirty)
        #expect(clean == "ok\t\n\r\u{7F}\u{FFFD}😀é")
        #expect(XMLEscaping.removingInvalidXMLCharacters("nothing to do") == "nothing to do")
        // What is left parses.
        #expect(try Fixtures.evaluate("string-length(/a)", onXML: "<a>\(XMLEscaping.escapeText(clean))</a>") == .number(9))
    }
}
