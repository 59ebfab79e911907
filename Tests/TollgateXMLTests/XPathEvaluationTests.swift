import Testing
import TollgateXML

@Suite("XPath evaluation on Enterprise Manager bodies")
struct XPathEvaluationTests {
    @Test("the Veeam default namespace is reached through a bound prefix")
    func defaultNamespaceThroughPrefix() throws {
        #expect(try Fixtures.evaluate("string(/em:Task/em:State)", on: "task-finished.xml") == .string("Finished"))
        #expect(try Fixtures.evaluate("string(/em:Task/em:Result/@Success)", on: "task-finished.xml") == .string("true"))
        let links = Fixtures.nodes(try Fixtures.evaluate("/em:Task/em:Links/em:Link[@Rel='Delete']", on: "task-finished.xml"))
        #expect(links.count == 1)
        #expect(links.first?.kind == .element)
        #expect(links.first?.name == "Link")
        // XPath 1.0: an unprefixed name means "no namespace", so it does not match the Veeam elements.
        #expect(try Fixtures.evaluate("/Task/State", on: "task-finished.xml") == .nodeSet([]))
        #expect(try Fixtures.evaluate("count(/*[local-name()='Task'])", on: "task-finished.xml") == .number(1))
    }

    @Test("results keep their XPath type")
    func typedResults() throws {
        #expect(try Fixtures.evaluate("count(/em:Task/em:Links/em:Link)", on: "task-running.xml") == .number(2))
        #expect(try Fixtures.evaluate("string(/em:Task/em:Operation)", on: "task-running.xml") == .string("StartJob"))
        #expect(try Fixtures.evaluate("/em:Task/em:State = 'Running'", on: "task-running.xml") == .boolean(true))
        #expect(try Fixtures.evaluate("boolean(/em:Task/em:Result)", on: "task-running.xml") == .boolean(false))
        #expect(try Fixtures.evaluate("sum(/em:Task/em:Links/em:Link/@Missing)", on: "task-running.xml") == .number(0))
        let nodes = Fixtures.nodes(try Fixtures.evaluate("/em:Task/em:Links/em:Link", on: "task-running.xml"))
        #expect(nodes.map(\.kind) == [.element, .element])
        #expect(try Fixtures.evaluate("string(/em:Task/em:Nothing)", on: "task-running.xml") == .string(""))
    }

    @Test("attributes: name, unescaped value, escaped markup, line")
    func attributes() throws {
        let href = Fixtures.nodes(try Fixtures.evaluate("/em:Task/em:Links/em:Link[@Rel='Related']/@Href", on: "task-running.xml"))
        #expect(href.count == 1)
        #expect(href.first?.kind == .attribute)
        #expect(href.first?.name == "Href")
        #expect(href.first?.stringValue == "https://localhost:9398/api/jobs/5658281f-625e-4627-89dd-d2a0c48be99e?format=Entity&x=1")
        #expect(href.first?.markup == "Href=\"https://localhost:9398/api/jobs/5658281f-625e-4627-89dd-d2a0c48be99e?format=Entity&amp;x=1\"")
        #expect(href.first?.line == 5)
        let name = Fixtures.nodes(try Fixtures.evaluate("/em:Task/em:Links/em:Link[2]/@Name", on: "task-running.xml"))
        #expect(name.first?.stringValue == "Backup \"Daily\"")
        #expect(name.first?.markup == "Name=\"Backup &quot;Daily&quot;\"")

        let prefixed = Fixtures.nodes(try Fixtures.evaluate("/a/@*", onXML: "<a xmlns:x='urn:x' x:id='1&lt;2' plain='p'/>"))
        #expect(prefixed.map(\.name) == ["x:id", "plain"])
        #expect(prefixed.first?.markup == "x:id=\"1&lt;2\"")
    }

    @Test("nodes carry the line of the source document")
    func nodeLines() throws {
        let state = Fixtures.nodes(try Fixtures.evaluate("/em:Task/em:State", on: "task-running.xml"))
        #expect(state.first?.line == 8)
        #expect(state.first?.markup == "<State>Running</State>")
        let text = Fixtures.nodes(try Fixtures.evaluate("/em:Task/em:Operation/text()", on: "task-running.xml"))
        #expect(text.first?.kind == .text)
        #expect(text.first?.name == "")
        #expect(text.first?.line == 9)
        let root = Fixtures.nodes(try Fixtures.evaluate("/", on: "task-running.xml"))
        #expect(root.first?.kind == .document)
        #expect(root.first?.line == nil)
    }

    @Test("line numbers beyond 65535 are exact")
    func bigLineNumbers() throws {
        let xml = "<a>" + String(repeating: "\n", count: 70_000) + "<b>x</b></a>"
        let b = Fixtures.nodes(try Fixtures.evaluate("/a/b", onXML: xml))
        #expect(b.first?.line == 70_001)
    }

    @Test("node kinds: comment, processing instruction, CDATA, namespace")
    func nodeKinds() throws {
        let xml = "<a xmlns:p='urn:p'><!-- note --><?tollgate run?><![CDATA[<raw>]]></a>"
        let nodes = Fixtures.nodes(try Fixtures.evaluate("/a/node()", onXML: xml))
        #expect(nodes.map(\.kind) == [.comment, .processingInstruction, .text])
        #expect(nodes.map(\.name) == ["", "tollgate", ""])
        #expect(nodes.map(\.stringValue) == [" note ", "run", "<raw>"])
        #expect(nodes.first?.markup == "<!-- note -->")
        let namespaces = Fixtures.nodes(try Fixtures.evaluate("/em:Task/namespace::*", on: "task-running.xml"))
        #expect(namespaces.allSatisfy { $0.kind == .namespace })
        let xsi = namespaces.first { $0.name == "xsi" }
        #expect(xsi?.stringValue == "http://www.w3.org/2001/XMLSchema-instance")
        #expect(xsi?.markup == "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
        #expect(namespaces.contains { $0.name == "" && $0.stringValue == "http://www.veeam.com/ent/v1.0" })
    }

    @Test("node-sets come in document order; string() takes the first")
    func documentOrder() throws {
        let value = try Fixtures.evaluate("/em:Task/em:Operation | /em:Task/em:TaskId", on: "task-running.xml")
        #expect(Fixtures.nodes(value).map(\.name) == ["TaskId", "Operation"])
        #expect(value.stringValue == "task-7")
    }

    @Test("markup is cut at 2000 characters with a visible marker")
    func markupTruncation() throws {
        for filler in ["x", "é", "😀"] {
            let body = String(repeating: filler, count: 5_000)
            let nodes = Fixtures.nodes(try Fixtures.evaluate("/a", onXML: "<a>\(body)</a>"))
            #expect(nodes.first?.markup.count == XMLNodeValue.markupLimit)
            #expect(nodes.first?.markup.hasPrefix("<a>" + filler) == true)
            #expect(nodes.first?.markup.hasSuffix("…") == true)
            #expect(nodes.first?.stringValue == body)
        }
        let exact = "<a>" + String(repeating: "y", count: XMLNodeValue.markupLimit - 7) + "</a>"
        #expect(Fixtures.nodes(try Fixtures.evaluate("/a", onXML: exact)).first?.markup == exact)
    }

    @Test("one parse, many evaluations; errors from the closure propagate")
    func withParsed() throws {
        let state = try XPathExpression("string(/em:Task/em:State)", namespaces: Fixtures.veeam)
        let count = try XPathExpression("count(//em:Link)", namespaces: Fixtures.veeam)
        let values = try XMLDocument.withParsed(Fixtures.bytes("task-running.xml")) { document in
            [try document.evaluate(state), try document.evaluate(count)]
        }
        #expect(values == [.string("Running"), .number(2)])

        let typeError = try XPathExpression("count('a')", namespaces: [:])
        let error = Fixtures.xmlError {
            _ = try XMLDocument.withParsed(Fixtures.bytes("task-running.xml")) { try $0.evaluate(typeError) }
        }
        guard case .evaluationFailed = error else {
            Issue.record("expected evaluationFailed, got \(String(describing: error))")
            return
        }
    }

    @Test("whitespace and text are kept as written")
    func whitespaceKept() throws {
        let value = try Fixtures.evaluate("string(/a)", onXML: "<a>  two  spaces\n<b> </b></a>")
        #expect(value == .string("  two  spaces\n "))
        #expect(try Fixtures.evaluate("count(/a/node())", onXML: "<a> <b/> </a>") == .number(3))
    }
}
