import Testing
import TollgateXML

@Suite("XPath 1.0 conversions of typed results")
struct XPathValueTests {
    @Test(
        "numbers format as XPath string() says",
        arguments: [
            (1.0, "1"), (-2.5, "-2.5"), (0.1, "0.1"), (0.1 + 0.2, "0.30000000000000004"), (100.0, "100"),
            (1e21, "1000000000000000000000"), (1.5e-7, "0.00000015"), (-0.0, "0"), (0.0, "0"),
            (.nan, "NaN"), (.infinity, "Infinity"), (-.infinity, "-Infinity"), (123456789.125, "123456789.125"),
            (-1234567890.5, "-1234567890.5"), (9007199254740993.0, "9007199254740992"),
        ] as [(Double, String)])
    func numberFormatting(number: Double, expected: String) {
        #expect(XPathValue.number(number).stringValue == expected)
    }

    @Test("numbers computed by libxml2 format the same way")
    func evaluatedNumbers() throws {
        #expect(try Fixtures.evaluate("count(//em:Link)", on: "task-running.xml").stringValue == "2")
        #expect(try Fixtures.evaluate("1 div 0", on: "task-running.xml").stringValue == "Infinity")
        #expect(try Fixtures.evaluate("-1 div 0", on: "task-running.xml").stringValue == "-Infinity")
        #expect(try Fixtures.evaluate("0 div 0", on: "task-running.xml").stringValue == "NaN")
        #expect(try Fixtures.evaluate("7 div 2", on: "task-running.xml").stringValue == "3.5")
    }

    @Test(
        "strings convert to numbers as XPath number() says",
        arguments: [
            ("12.5", 12.5), (" \t\n-3 ", -3), (".5", 0.5), ("-.5", -0.5), ("7.", 7), ("007", 7),
        ] as [(String, Double)])
    func numberParsing(text: String, expected: Double) {
        #expect(XPathValue.string(text).numberValue == expected)
    }

    @Test("strings that are not XPath numbers are NaN", arguments: ["", " ", "abc", "1e3", "+1", "1,5", "Infinity", "--1", ".", "-", "0x10", "1 2"])
    func notNumbers(text: String) {
        #expect(XPathValue.string(text).numberValue.isNaN)
    }

    @Test("string, number and boolean conversions of each type")
    func conversions() throws {
        let element = try #require(Fixtures.nodes(try Fixtures.evaluate("/em:Task/em:TaskId", on: "task-running.xml")).first)
        let nodes = XPathValue.nodeSet([element])
        #expect(nodes.stringValue == "task-7")
        #expect(nodes.numberValue.isNaN)
        #expect(nodes.booleanValue)
        #expect(nodes.typeName == "node-set")

        let empty = XPathValue.nodeSet([])
        #expect(empty.stringValue == "")
        #expect(empty.numberValue.isNaN)
        #expect(!empty.booleanValue)

        #expect(XPathValue.string("42").numberValue == 42)
        #expect(XPathValue.string("false").booleanValue)
        #expect(!XPathValue.string("").booleanValue)
        #expect(XPathValue.string("x").typeName == "string")

        #expect(XPathValue.number(0).booleanValue == false)
        #expect(XPathValue.number(.nan).booleanValue == false)
        #expect(XPathValue.number(-0.5).booleanValue)
        #expect(XPathValue.number(3).typeName == "number")

        #expect(XPathValue.boolean(true).stringValue == "true")
        #expect(XPathValue.boolean(false).stringValue == "false")
        #expect(XPathValue.boolean(true).numberValue == 1)
        #expect(XPathValue.boolean(false).numberValue == 0)
        #expect(XPathValue.boolean(true).typeName == "boolean")
    }
}
