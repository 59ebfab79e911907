import Testing
import TollgateFrontEnd

@Suite("YAML reader: spans, duplicates, limits")
struct YAMLReaderTests {
    private func read(_ text: String, limits: YAMLReader.Limits = YAMLReader.Limits()) -> YAMLDocument {
        YAMLReader(source: SourceFile(path: "t.yaml", text: text), kind: FileKind("test file"), limits: limits).read()
    }

    private func render(_ document: YAMLDocument) -> String {
        document.diagnostics.map { DiagnosticRenderer(useColor: false).render($0) }.joined(separator: "\n\n")
    }

    @Test("every scalar has its start and end, in characters, quotes included")
    func spans() throws {
        let document = read("name: \"Zürich\"\nlist: [ab, 'c''d']\ncafé: x\r\nnext: |\n  one\n  two\n")
        guard case .mapping(let root)? = document.root else {
            Issue.record("no mapping")
            return
        }
        #expect(document.diagnostics.isEmpty)
        let name = try #require(root["name"]?.scalar)
        #expect(name.string == "Zürich")
        #expect(name.style == .doubleQuoted)
        #expect((name.span.start.line, name.span.start.column, name.span.end.column) == (1, 7, 15))
        guard case .sequence(let list)? = root["list"] else {
            Issue.record("no list")
            return
        }
        let quoted = try #require(list[1].scalar)
        #expect(quoted.string == "c'd")
        #expect((quoted.span.start.column, quoted.span.end.column) == (12, 18))
        #expect((list.span.start.column, list.span.end.column) == (7, 19))
        let keyAfterUmlaut = try #require(root.pairs[2].value.scalar)
        #expect((keyAfterUmlaut.span.start.line, keyAfterUmlaut.span.start.column) == (3, 7))
        let block = try #require(root["next"]?.scalar)
        #expect(block.string == "one\ntwo\n")
        #expect(block.style == .literal)
        #expect((block.span.start.line, block.span.start.column) == (4, 7))
        #expect(block.span.end.line > block.span.start.line)
    }

    @Test("every duplicate key is reported, the first value stays, reading goes on")
    func duplicates() throws {
        let document = read("a: 1\nb: 2\na: 3\nc: { x: 1, x: 2 }\na: 4\n")
        #expect(render(document) == """
            error: duplicate key `x`
             --> t.yaml:4:12
              |
            4 | c: { x: 1, x: 2 }
              |            ^ `x` is already set at line 4
              = help: keep one of them

            error: duplicate key `a`
             --> t.yaml:3:1
              |
            3 | a: 3
              | ^ `a` is already set at line 1
              = help: keep one of them

            error: duplicate key `a`
             --> t.yaml:5:1
              |
            5 | a: 4
              | ^ `a` is already set at line 1
              = help: keep one of them
            """)
        guard case .mapping(let root)? = document.root else {
            Issue.record("no mapping")
            return
        }
        #expect(root.map { $0.key.scalar?.string } == ["a", "b", "c"])
        #expect(root["a"]?.scalar?.string == "1")
    }

    @Test("aliases are expanded; an undefined one is an error spanning it")
    func aliases() throws {
        let document = read("base: &b { x: 1 }\nuse: *b\n")
        guard case .mapping(let root)? = document.root, case .mapping(let used)? = root["use"] else {
            Issue.record("alias not expanded")
            return
        }
        #expect(used["x"]?.scalar?.string == "1")
        #expect(render(read("a: *nowhere\n")) == """
            error: invalid YAML: found undefined alias
             --> t.yaml:1:4
              |
            1 | a: *nowhere
              |    ^^^^^^^^
            """)
    }

    @Test("an alias bomb stops at the expansion budget, quickly")
    func aliasBomb() {
        var text = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let previous = Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ")
            text += "l\(level): &l\(level) [\(previous)]\n"
        }
        let document = read(text)
        #expect(document.root == nil)
        #expect(document.diagnostics.count == 1)
        #expect(document.diagnostics.first?.message == "aliases expand to too much: more than 10000 nodes")
        #expect(document.diagnostics.first?.location?.line == 4)
    }

    @Test("flow and block nesting have limits; the parser never recurses")
    func nesting() {
        let flow = read("a: " + String(repeating: "[", count: 100_000))
        #expect(flow.diagnostics.first?.message == "nesting too deep: more than 64 levels of `[` or `{`")
        #expect(flow.diagnostics.first?.location?.column == 68)
        var limits = YAMLReader.Limits()
        limits.maximumDepth = 5
        var block = ""
        for depth in 0..<8 { block += String(repeating: "  ", count: depth) + "k\(depth):\n" }
        let deep = read(block, limits: limits)
        #expect(deep.diagnostics.first?.message == "nesting too deep: more than 5 levels of mappings and lists")
        #expect(deep.diagnostics.first?.help == "test files nest a few levels deep; this looks generated or corrupted")
        #expect(deep.root == nil)
    }

    @Test("a syntax error is the only diagnostic, with libyaml's context as help")
    func syntaxError() {
        let document = read("a: 1\nb: 2\n c: 3\n")
        #expect(document.root == nil)
        #expect(document.diagnostics.count == 1)
        #expect(document.diagnostics.first?.location?.line == 3)
    }

    @Test("empty text and comments have no root and no diagnostic")
    func empty() {
        for text in ["", "# only a comment\n"] {
            let document = read(text)
            #expect(document.root == nil)
            #expect(document.diagnostics.isEmpty)
        }
    }
}
