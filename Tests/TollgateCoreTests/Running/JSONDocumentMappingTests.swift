import Testing
import TollgateXML

@testable import TollgateCore

@Suite("JSON to XML mapping")
struct JSONDocumentMappingTests {
    private func mapped(_ json: String) throws -> String {
        String(decoding: try JSONDocumentMapping.xml(fromJSON: Array(json.utf8)), as: UTF8.self)
    }

    private func value(_ xpath: String, in json: String) throws -> XPathValue {
        let bytes = try JSONDocumentMapping.xml(fromJSON: Array(json.utf8))
        return try XMLDocument.evaluate(try XPathExpression(xpath, namespaces: [:]), in: bytes)
    }

    @Test("the documented example maps exactly")
    func documentedExample() throws {
        #expect(
            try mapped(#"{"Links":[{"Rel":"Delete"}],"TaskId":"task-1"}"#)
                == "<json><Links><Rel>Delete</Rel></Links><TaskId>task-1</TaskId></json>")
    }

    @Test("array members repeat the element; count() is the array length; [] gives nothing")
    func arrays() throws {
        let json = #"{"Links":[{"Rel":"Up"},{"Rel":"Delete"},{"Rel":"Down"}],"Empty":[],"N":1}"#
        #expect(try value("count(/json/Links)", in: json) == .number(3))
        #expect(try value("count(/json/Empty)", in: json) == .number(0))
        #expect(try value("string(/json/Links[2]/Rel)", in: json).stringValue == "Delete")
    }

    @Test("top-level and nested arrays use <item>")
    func nestedArrays() throws {
        #expect(try mapped("[1,[2,3]]") == "<json><item>1</item><item><item>2</item><item>3</item></item></json>")
        #expect(try mapped(#"{"m":[[1,2],[]]}"#) == "<json><m><item>1</item><item>2</item></m><m></m></json>")
    }

    @Test("scalars: numbers keep their JSON text, booleans, null, escapes")
    func scalars() throws {
        #expect(
            try mapped(#"{"a":1.50,"b":-2e3,"c":true,"d":false,"e":null,"f":"x<&>\"y\u00e9\n"}"#)
                == "<json><a>1.50</a><b>-2e3</b><c>true</c><d>false</d><e null=\"true\"/><f>x&lt;&amp;&gt;\"yé\n</f></json>"
        )
        #expect(try mapped("null") == "<json null=\"true\"/>")
        #expect(try mapped(#""just text""#) == "<json>just text</json>")
        #expect(try value("/json/e/@null = 'true'", in: #"{"e":null}"#) == .boolean(true))
    }

    @Test("keys that are not NCNames become <_ name=\"…\">")
    func invalidNames() throws {
        #expect(
            try mapped(#"{"1st":1,"a b":2,"x:y":3,"ok-name.1":4}"#)
                == #"<json><_ name="1st">1</_><_ name="a b">2</_><_ name="x:y">3</_><ok-name.1>4</ok-name.1></json>"#)
        #expect(try value(#"string(/json/_[@name='a b'])"#, in: #"{"a b":"v"}"#).stringValue == "v")
        #expect(try mapped(#"{"":1}"#) == #"<json><_ name="">1</_></json>"#)
    }

    @Test("surrogate pairs decode; control characters XML forbids are replaced")
    func unicode() throws {
        #expect(try mapped(#"["\ud83d\ude00","\u0001"]"#) == "<json><item>😀</item><item>\u{FFFD}</item></json>")
    }

    @Test("a UTF-8 byte order mark is ignored")
    func byteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(#"{"a":1}"#.utf8)
        #expect(String(decoding: try JSONDocumentMapping.xml(fromJSON: bytes), as: UTF8.self) == "<json><a>1</a></json>")
    }

    @Test(
        "malformed JSON is an error with line and column",
        arguments: [
            ("{\"a\":1,\n \"b\" 2}", 2, 6),
            ("", 1, 1),
            ("{\"a\":01}", 1, 7),
            ("[1,2", 1, 5),
            ("{\"a\":1} x", 1, 9),
            ("<Task/>", 1, 1),
            ("{\"a\":tru}", 1, 6),
        ])
    func malformed(json: String, line: Int, column: Int) {
        #expect(throws: JSONMappingError.self) { try JSONDocumentMapping.xml(fromJSON: Array(json.utf8)) }
        do {
            _ = try JSONDocumentMapping.xml(fromJSON: Array(json.utf8))
        } catch {
            #expect(error.line == line)
            #expect(error.column == column)
            #expect(error.description.hasPrefix("invalid JSON at line \(line), column \(column): "))
        }
    }

    @Test("nesting beyond the limit is refused instead of exhausting the stack")
    func depthLimit() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONMappingError.self) { try JSONDocumentMapping.xml(fromJSON: Array(deep.utf8)) }
        let fine = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(throws: Never.self) { try JSONDocumentMapping.xml(fromJSON: Array(fine.utf8)) }
    }

    @Test("the Enterprise Manager logon session JSON gives the Delete link through the mapping")
    func logonSessionJSON() throws {
        let json = """
            {"UserName":"u","SessionId":"b9a7","Links":[{"Rel":"Up","Href":"https://h/api/","Name":null},
             {"Rel":"Delete","Href":"https://h/api/logonSessions/b9a7","Name":null,"Type":null}],"Href":"https://h/x","Type":"LogonSession"}
            """
        #expect(
            try value("string(/json/Links[Rel='Delete']/Href)", in: json).stringValue == "https://h/api/logonSessions/b9a7")
        #expect(try value("/json/Links[1]/Name/@null = 'true'", in: json) == .boolean(true))
    }
}
