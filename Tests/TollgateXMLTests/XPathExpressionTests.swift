import Testing
import TollgateXML

@Suite("XPath expressions are checked when they are created")
struct XPathExpressionTests {
    @Test(
        "syntax errors carry libxml2's offset",
        arguments: [
            ("/em:Task[", 9), ("'abc", 4), ("/em:Task]", 8), ("1 +", 3), ("a b", 2), ("", 0), ("/a[1", 4),
        ] as [(String, Int)])
    func syntaxErrors(source: String, offset: Int) {
        let error = Fixtures.xmlError { _ = try XPathExpression(source, namespaces: Fixtures.veeam) }
        guard case let .invalidExpression(message, reported) = error else {
            Issue.record("expected invalidExpression, got \(String(describing: error))")
            return
        }
        #expect(reported == offset)
        #expect(!message.isEmpty)
    }

    @Test(
        "checks libxml2 leaves to evaluation time",
        arguments: [
            ("count(", 5, "never closed"),
            ("foo()", 0, "unknown XPath 1.0 function 'foo()'"),
            ("em:Nope(1)", 0, "unknown XPath function 'em:Nope()'"),
            ("concat('a')", 0, "takes at least 2 arguments, not 1"),
            ("count(/a, /b)", 0, "takes 1 argument, not 2"),
            ("true(1)", 0, "takes 0 arguments, not 1"),
            ("substring('abc', 1, 2, 3)", 0, "takes 2 to 3 arguments, not 4"),
            ("/em:Task[@Href = $em:href]", 17, "variable '$em:href' has a prefix"),
            ("a\u{0}b", 1, "NUL character"),
        ] as [(String, Int, String)])
    func earlyChecks(source: String, offset: Int, fragment: String) {
        let error = Fixtures.xmlError { _ = try XPathExpression(source, namespaces: Fixtures.veeam) }
        guard case let .invalidExpression(message, reported) = error else {
            Issue.record("expected invalidExpression, got \(String(describing: error))")
            return
        }
        #expect(reported == offset)
        #expect(message.contains(fragment), "\(message)")
    }

    @Test("variables are collected at compile time and bound as strings at evaluation")
    func variables() throws {
        let expression = try XPathExpression(
            "count(/em:Task[em:TaskId = $id]) + string-length($id)", namespaces: Fixtures.veeam)
        #expect(expression.variableReferences == [
            XPathVariableReference(name: "id", offset: 27), XPathVariableReference(name: "id", offset: 49),
        ])
        let body = Array(#"<Task xmlns="http://www.veeam.com/ent/v1.0"><TaskId>task-7</TaskId></Task>"#.utf8)
        let matched = try XMLDocument.withParsed(body) { try $0.evaluate(expression, variables: ["id": "task-7"]) }
        #expect(matched == .number(7))
        let unmatched = try XMLDocument.withParsed(body) { try $0.evaluate(expression, variables: ["id": "task-1"]) }
        #expect(unmatched == .number(6))
        let unbound = Fixtures.xmlError { _ = try XMLDocument.withParsed(body) { try $0.evaluate(expression) } }
        guard case .evaluationFailed = unbound else {
            Issue.record("an unbound variable must fail evaluation, got \(String(describing: unbound))")
            return
        }
    }

    @Test(
        "an undeclared prefix is reported with its UTF-8 offset",
        arguments: [
            ("string(/v:Task/v:State)", "v", 8),
            ("/em:Task/x:*", "x", 9),
            ("/child::q:Task", "q", 8),
            ("count(/em:Task[@v:Rel])", "v", 16),
            ("/em:Task[@Href = 'a:b' and z:State]", "z", 27),
            ("/em:Täsk/v:State", "v", 10),
            ("fn:string(1)", "fn", 0),
        ] as [(String, String, Int)])
    func undeclaredPrefix(source: String, prefix: String, offset: Int) {
        let error = Fixtures.xmlError { _ = try XPathExpression(source, namespaces: Fixtures.veeam) }
        #expect(error == .undeclaredPrefix(prefix: prefix, offset: offset))
    }

    @Test(
        "valid expressions: prefixes in literals, axes, wildcards, operators, node tests, xml prefix",
        arguments: [
            "string(/em:Task[@Href = 'v:x']/em:State)",
            "string(/em:Task[@Href = \"v:x\"])",
            "/child::em:Task/attribute::Href",
            "/em:Task/*", "/em:*", "//@*", "//@xml:lang",
            "2 * 3 div 1 mod 1", "/em:Task/em:Links/em:Link[position() mod 2 = 1]",
            "count(//em:Link) div 2", "/em:Task/em:State/text()", "//comment() | //processing-instruction('x')",
            "//node()[self::em:State or self::em:TaskId]", "substring-before(string(/em:Task/@Href), '/tasks')",
            "concat('a', 'b', 'c')", "not(/em:Task/em:Result)", "-1 <= 2 and 3 >= 2 or 1 != 2",
            "//em:Link[@Rel='Delete'][1]/@Href", "../em:x", "/descendant-or-self::node()/em:State",
        ])
    func validExpressions(source: String) throws {
        let expression = try XPathExpression(source, namespaces: Fixtures.veeam)
        #expect(expression.source == source)
        #expect(expression.namespaces == Fixtures.veeam)
        _ = try XMLDocument.evaluate(expression, in: Fixtures.bytes("task-running.xml"))
    }

    @Test(
        "namespace bindings XPath cannot use are refused",
        arguments: [
            ["": "http://www.veeam.com/ent/v1.0"], ["a:b": "urn:x"], ["1a": "urn:x"], ["xmlns": "urn:x"],
            ["xml": "urn:x"], ["p": ""],
        ])
    func badBindings(namespaces: [String: String]) {
        let error = Fixtures.xmlError { _ = try XPathExpression("/p:a", namespaces: namespaces) }
        guard case .invalidNamespaceBinding = error else {
            Issue.record("expected invalidNamespaceBinding, got \(String(describing: error))")
            return
        }
    }

    @Test("the three precise errors differ and describe themselves")
    func distinctErrors() throws {
        let invalid = Fixtures.xmlError { _ = try XPathExpression("/em:Task[", namespaces: Fixtures.veeam) }
        let prefix = Fixtures.xmlError { _ = try XPathExpression("/v:Task", namespaces: Fixtures.veeam) }
        let malformed = Fixtures.xmlError { try XMLDocument.checkWellFormed(Array("<Task>".utf8)) }
        #expect(invalid != prefix && prefix != malformed && invalid != malformed)
        #expect(invalid?.description == "invalid XPath expression at offset 9: syntax error")
        #expect(prefix?.description == "undeclared namespace prefix 'v' at offset 1")
        #expect(malformed?.description.hasPrefix("malformed XML at line 1, column 7:") == true)
    }

    @Test("absurd nesting is an error, not a crash")
    func deepNesting() {
        let depth = 20_000
        let parentheses = String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
        let error = Fixtures.xmlError { _ = try XPathExpression(parentheses, namespaces: [:]) }
        #expect(error == .invalidExpression(message: "the expression is nested too deeply", offset: 500))
    }

    @Test("a type error is an evaluation error, never an empty result")
    func evaluationError() throws {
        let expression = try XPathExpression("count('not a node-set')", namespaces: [:])
        let error = Fixtures.xmlError { _ = try XMLDocument.evaluate(expression, in: Fixtures.bytes("task-running.xml")) }
        #expect(error == .evaluationFailed(message: "argument of the wrong type"))
    }
}
