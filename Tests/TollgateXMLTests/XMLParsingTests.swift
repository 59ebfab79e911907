import Testing
import TollgateXML

@Suite("Malformed documents are findings with a position")
struct XMLParsingTests {
    private func malformed(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> (message: String, line: Int, column: Int)? {
        let error = Fixtures.xmlError(sourceLocation: sourceLocation) { try XMLDocument.checkWellFormed(bytes) }
        guard case let .malformedDocument(message, line, column) = error else {
            Issue.record("expected malformedDocument, got \(String(describing: error))", sourceLocation: sourceLocation)
            return nil
        }
        return (message, line, column)
    }

    @Test("a mismatched end tag: libxml2's message and the line")
    func mismatchedTag() throws {
        let xml = "<?xml version=\"1.0\"?>\n<Task xmlns=\"http://www.veeam.com/ent/v1.0\">\n  <State>Running</Stat>\n</Task>"
        let problem = malformed(Array(xml.utf8))
        #expect(problem?.message == "Opening and ending tag mismatch: State line 3 and Stat")
        #expect(problem?.line == 3)
        #expect(problem?.column == 24)
    }

    @Test("a truncated body")
    func truncated() throws {
        let whole = try Fixtures.bytes("task-finished.xml")
        let problem = malformed(Array(whole.prefix(whole.count - 20)))
        #expect(problem?.message.hasPrefix("Premature end of data in tag") == true)
        #expect(problem?.line == 11)
    }

    @Test("an empty body")
    func empty() {
        let problem = malformed([])
        #expect(problem?.message == "Document is empty")
        #expect(problem?.line == 1)
        let blank = malformed(Array("  \n".utf8))
        #expect(blank != nil)
    }

    @Test("text that is not XML", arguments: ["hello", "{\"State\": \"Running\"}", "Running"])
    func notXML(text: String) {
        let problem = malformed(Array(text.utf8))
        #expect(problem?.message == "Start tag expected, '<' not found")
        #expect(problem?.line == 1)
        #expect(problem?.column == 1)
    }

    @Test("other well-formedness errors are not repaired")
    func notRepaired() {
        #expect(malformed(Array("<a/><b/>".utf8))?.message == "Extra content at the end of the document")
        #expect(malformed(Array("<a>\u{1}</a>".utf8))?.message == "PCDATA invalid Char value 1")
        #expect(malformed(Array("<a>&nope;</a>".utf8))?.message == "Entity 'nope' not defined")
        #expect(malformed(Array("<a b='1' b='2'/>".utf8))?.message == "Attribute b redefined")
        #expect(malformed([0x3C, 0x61, 0x3E, 0xFF, 0x3C, 0x2F, 0x61, 0x3E])?.message.hasPrefix("Input is not proper UTF-8") == true)
        let deep = String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300)
        #expect(malformed(Array(deep.utf8))?.message.contains("Excessive depth") == true)
    }

    @Test("namespace errors in the document are errors too")
    func namespaceErrors() {
        let problem = malformed(Array("<em:Task><State/></em:Task>".utf8))
        #expect(problem?.message == "Namespace prefix em on Task is not defined")
    }

    @Test("a DOCTYPE without entity declarations is accepted")
    func plainDoctype() throws {
        let xml = "<!DOCTYPE Task [<!ELEMENT Task (#PCDATA)>]><Task>ok</Task>"
        #expect(try Fixtures.evaluate("string(/Task)", onXML: xml) == .string("ok"))
    }

    @Test("UTF-16 bodies and encoding declarations are honoured")
    func encodings() throws {
        let utf16 = [UInt8]([0xFF, 0xFE]) + "<a>é</a>".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(try XMLDocument.evaluate(XPathExpression("string(/a)", namespaces: [:]), in: utf16) == .string("é"))
        let latin1: [UInt8] = Array("<?xml version='1.0' encoding='ISO-8859-1'?><a>".utf8) + [0xE9] + Array("</a>".utf8)
        #expect(try XMLDocument.evaluate(XPathExpression("string(/a)", namespaces: [:]), in: latin1) == .string("é"))
    }
}
