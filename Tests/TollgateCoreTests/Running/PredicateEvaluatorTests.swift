import Testing
import TollgateXML

@testable import TollgateCore

@Suite("Predicates")
struct PredicateEvaluatorTests {
    private func node(_ text: String) -> XMLNodeValue {
        XMLNodeValue(kind: .element, name: "State", stringValue: text, line: 1, markup: "<State>\(text)</State>")
    }

    @Test("equals compares in the expected value's type")
    func typedEquals() {
        #expect(PredicateEvaluator.check(.equals(.string("Running")), on: .string("Running")) == nil)
        let mismatch = PredicateEvaluator.check(.equals(.string("Running")), on: .string("Finished"))
        #expect(mismatch?.text == #"expected "Running", got "Finished""#)
        // "3.0" is a different string but the same number.
        #expect(PredicateEvaluator.check(.equals(.number(3)), on: .string("3.0")) == nil)
        #expect(PredicateEvaluator.check(.equals(.string("3")), on: .string("3.0")) != nil)
        #expect(PredicateEvaluator.check(.equals(.number(3)), on: .nodeSet([node("4")]))?.text == "expected 3, got 4")
        #expect(PredicateEvaluator.check(.equals(.number(3)), on: .string("abc"))?.actual == #"NaN ("abc")"#)
        #expect(PredicateEvaluator.check(.equals(.boolean(true)), on: .boolean(true)) == nil)
        #expect(PredicateEvaluator.check(.equals(.boolean(true)), on: .boolean(false)) != nil)
    }

    @Test("a boolean compares an xs:boolean literal in text, not node-set emptiness")
    func booleanLiteral() {
        // Success="false" is a non-empty node-set: boolean() would be true — a false pass.
        #expect(PredicateEvaluator.check(.equals(.boolean(true)), on: .nodeSet([node("false")])) != nil)
        #expect(PredicateEvaluator.check(.equals(.boolean(false)), on: .nodeSet([node("false")])) == nil)
        #expect(PredicateEvaluator.check(.equals(.boolean(true)), on: .string("true")) == nil)
        // Anything else follows XPath boolean().
        #expect(PredicateEvaluator.check(.equals(.boolean(true)), on: .nodeSet([node("Running")])) == nil)
        #expect(PredicateEvaluator.check(.equals(.boolean(true)), on: .nodeSet([])) != nil)
        #expect(PredicateEvaluator.check(.equals(.boolean(false)), on: .number(0)) == nil)
    }

    @Test("not-equals")
    func notEquals() {
        #expect(PredicateEvaluator.check(.notEquals(.string("Failed")), on: .string("Finished")) == nil)
        #expect(
            PredicateEvaluator.check(.notEquals(.string("Failed")), on: .string("Failed"))?.text
                == #"expected not "Failed", got "Failed""#)
    }

    @Test("count needs a node-set and says so otherwise")
    func count() {
        #expect(PredicateEvaluator.check(.count(2), on: .nodeSet([node("a"), node("b")])) == nil)
        #expect(PredicateEvaluator.check(.count(1), on: .nodeSet([]))?.text == "expected count 1, got count 0")
        let wrongType = PredicateEvaluator.check(.count(1), on: .string("x"))
        #expect(wrongType?.problem?.hasPrefix("count needs a node-set, but the query returned a string") == true)
        #expect(PredicateEvaluator.check(.count(3), on: .number(3))?.problem != nil)
    }

    @Test("exists on node-sets, strings and numbers")
    func exists() {
        #expect(PredicateEvaluator.check(.exists(true), on: .nodeSet([node("")])) == nil)
        #expect(PredicateEvaluator.check(.exists(true), on: .nodeSet([]))?.text == "expected to exist, got an empty node-set")
        #expect(PredicateEvaluator.check(.exists(false), on: .nodeSet([])) == nil)
        #expect(PredicateEvaluator.check(.exists(false), on: .nodeSet([node("a")])) != nil)
        #expect(PredicateEvaluator.check(.exists(true), on: .string("")) != nil)
        #expect(PredicateEvaluator.check(.exists(true), on: .number(.nan)) != nil)
    }

    @Test("matches is unanchored; an invalid pattern is reported, not a crash")
    func matches() {
        #expect(PredicateEvaluator.check(.matches("^task-[0-9]+$"), on: .string("task-12")) == nil)
        #expect(PredicateEvaluator.check(.matches("ask"), on: .string("task-12")) == nil)
        #expect(PredicateEvaluator.check(.matches("^job"), on: .string("task-12"))?.text == #"expected to match /^job/, got "task-12""#)
        #expect(PredicateEvaluator.check(.matches("(unclosed"), on: .string("x"))?.problem?.contains("invalid regular expression") == true)
    }

    @Test("contains")
    func contains() {
        #expect(PredicateEvaluator.check(.contains("Task"), on: .string("<Task/>")) == nil)
        #expect(PredicateEvaluator.check(.contains("Job"), on: .string("<Task/>")) != nil)
    }

    @Test("numeric comparisons; NaN never satisfies them")
    func numeric() {
        #expect(PredicateEvaluator.check(.lessThan(5), on: .number(4)) == nil)
        #expect(PredicateEvaluator.check(.lessThan(5), on: .number(5))?.text == "expected a number < 5, got 5")
        #expect(PredicateEvaluator.check(.lessOrEqual(5), on: .string(" 5 ")) == nil)
        #expect(PredicateEvaluator.check(.greaterThan(0.5), on: .number(0.5)) != nil)
        #expect(PredicateEvaluator.check(.greaterOrEqual(2), on: .nodeSet([node("2")])) == nil)
        #expect(PredicateEvaluator.check(.greaterOrEqual(2), on: .string("lots"))?.actual == #"NaN ("lots")"#)
    }

    @Test("long actual values are shortened and control characters shown")
    func quoting() {
        let long = String(repeating: "x", count: 1_000)
        let quoted = PredicateEvaluator.quote(long)
        #expect(quoted.count < 220)
        #expect(PredicateEvaluator.quote("a\nb\"") == #""a\nb\"""#)
    }
}

@Suite("URLs and variables")
struct URLBuilderTests {
    @Test(
        "path joins the base URL with exactly one slash",
        arguments: [
            ("http://h:1", "/api/jobs", "http://h:1/api/jobs"),
            ("http://h:1/", "/api/jobs", "http://h:1/api/jobs"),
            ("http://h:1/", "api/jobs", "http://h:1/api/jobs"),
            ("http://h:1", "api/jobs", "http://h:1/api/jobs"),
            ("http://h:1/base", "/api", "http://h:1/base/api"),
        ])
    func join(base: String, path: String, expected: String) {
        #expect(URLBuilder.join(base: base, path: path) == expected)
    }

    @Test("query items are encoded and appended after an existing query")
    func query() {
        #expect(URLBuilder.appendingQuery("http://h/a", [("action", "start")]) == "http://h/a?action=start")
        #expect(
            URLBuilder.appendingQuery("http://h/a?format=Entity", [("filter", "Name==a b&c"), ("x", "é")])
                == "http://h/a?format=Entity&filter=Name%3D%3Da%20b%26c&x=%C3%A9")
        #expect(URLBuilder.appendingQuery("http://h/a?", [("k", "v")]) == "http://h/a?k=v")
        #expect(URLBuilder.appendingQuery("http://h/a", []) == "http://h/a")
    }

    @Test("run variables override file variables; base_url is built in; captures override both")
    func scope() throws {
        let suite = TestModel.suite("vars", [], variables: ["accept": "application/xml", "who": "file"])
        let configuration = RunConfiguration(baseURL: "http://h:9/", variables: ["who": "cli"])
        var scope = VariableScope(suite: suite, configuration: configuration)
        #expect(try scope.resolve(TestModel.template("{{base_url}}/api?w={{who}}&a={{accept}}")) == "http://h:9/api?w=cli&a=application/xml")
        scope.set("who", "capture")
        #expect(try scope.resolve(TestModel.template("{{who}}")) == "capture")
        #expect(throws: UnresolvedVariable.self) { try scope.resolve(TestModel.template("{{missing}}")) }
    }

    @Test("tag filter: include any, exclude wins")
    func tags() {
        let filter = TagFilter(include: ["smoke"], exclude: ["slow"])
        #expect(filter.admits(["smoke"]))
        #expect(!filter.admits(["smoke", "slow"]))
        #expect(!filter.admits(["agents"]))
        #expect(TagFilter().admits([]))
        #expect(!TagFilter(exclude: ["x"]).admits(["x"]))
    }
}
