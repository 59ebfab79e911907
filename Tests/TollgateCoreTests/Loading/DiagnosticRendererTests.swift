import Testing
import TollgateCore

@Suite("Diagnostic renderer")
struct DiagnosticRendererTests {
    let plain = DiagnosticRenderer(useColor: false)

    @Test("renders the rustc/Hurl layout with label and help")
    func fullLayout() {
        let diagnostic = Diagnostic(
            .error, "undeclared namespace prefix 'v'",
            at: SourceLocation(file: "Specs/veeam-em/tasks.yaml", line: 14, column: 34),
            sourceLine: #"            - { query: "string(/v:Task/v:State)", equals: Running }"#,
            label: "declare it under `namespaces:`", help: "did you mean `em`?")
        #expect(plain.render(diagnostic) == """
            error: undeclared namespace prefix 'v'
              --> Specs/veeam-em/tasks.yaml:14:34
               |
            14 |             - { query: "string(/v:Task/v:State)", equals: Running }
               |                                  ^ declare it under `namespaces:`
               = help: did you mean `em`?
            """)
    }

    @Test("the gutter follows the width of the line number; width gives the caret count")
    func gutterAndWidth() {
        let one = Diagnostic(
            .error, "unknown key `stauts`", at: SourceLocation(file: "a.yaml", line: 7, column: 3),
            sourceLine: "  stauts: 200", width: 6)
        #expect(plain.render(one) == """
            error: unknown key `stauts`
             --> a.yaml:7:3
              |
            7 |   stauts: 200
              |   ^^^^^^
            """)
        let three = Diagnostic(
            .warning, "slow", at: SourceLocation(file: "a.yaml", line: 123, column: 1), sourceLine: "x: 1",
            width: 4, help: "speed it up")
        #expect(plain.render(three) == """
            warning: slow
               --> a.yaml:123:1
                |
            123 | x: 1
                | ^^^^
                = help: speed it up
            """)
    }

    @Test("tabs are shown as spaces and the caret moves with them")
    func tabs() {
        let diagnostic = Diagnostic(
            .error, "bad", at: SourceLocation(file: "t.yaml", line: 2, column: 4), sourceLine: "\ta\tbc: 1", width: 2)
        #expect(plain.render(diagnostic) == """
            error: bad
             --> t.yaml:2:4
              |
            2 |     a    bc: 1
              |          ^^
            """)
    }

    @Test("a caret under a tab covers the whole tab")
    func caretOnTab() {
        let diagnostic = Diagnostic(
            .error, "tab", at: SourceLocation(file: "t.yaml", line: 1, column: 2), sourceLine: "a\tb")
        #expect(plain.render(diagnostic).hasSuffix("  | " + " " + "^^^^"))
    }

    @Test("a diagnostic without location is one line; one without source line has no snippet")
    func partial() {
        #expect(plain.render(Diagnostic(.error, "no such file or directory: x.yaml", help: "ignored")) ==
            "error: no such file or directory: x.yaml")
        let noLine = Diagnostic(
            .error, "file too large", at: SourceLocation(file: "big.yaml", line: 1, column: 1), help: "split it")
        #expect(plain.render(noLine) == """
            error: file too large
             --> big.yaml:1:1
              = help: split it
            """)
    }

    @Test("a caret past the end of the line and an empty line render cleanly")
    func pastEnd() {
        let diagnostic = Diagnostic(
            .error, "unexpected end", at: SourceLocation(file: "e.yaml", line: 3, column: 6), sourceLine: "ab")
        #expect(plain.render(diagnostic) == """
            error: unexpected end
             --> e.yaml:3:6
              |
            3 | ab
              |      ^
            """)
        let empty = Diagnostic(.note, "here", at: SourceLocation(file: "e.yaml", line: 4, column: 1), sourceLine: "")
        #expect(plain.render(empty) == """
            note: here
             --> e.yaml:4:1
              |
            4 |
              | ^
            """)
    }

    @Test("control characters from files cannot reach the terminal")
    func sanitized() {
        let diagnostic = Diagnostic(
            .error, "key `\u{1B}[31mred`", at: SourceLocation(file: "c.yaml", line: 1, column: 1),
            sourceLine: "\u{7}bell")
        let text = plain.render(diagnostic)
        #expect(!text.unicodeScalars.contains("\u{1B}"))
        #expect(!text.unicodeScalars.contains("\u{7}"))
        #expect(text.contains("\u{FFFD}bell"))
    }

    @Test("colour adds ANSI codes around the parts, and only then")
    func colour() {
        let diagnostic = Diagnostic(
            .error, "bad", at: SourceLocation(file: "c.yaml", line: 1, column: 1), sourceLine: "x", label: "here",
            help: "fix")
        let coloured = DiagnosticRenderer(useColor: true).render(diagnostic)
        #expect(coloured.hasPrefix("\u{1B}[31m\u{1B}[1merror\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[31m\u{1B}[1m^ here\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[34m\u{1B}[1m--> \u{1B}[0m"))
        let stripped = coloured.replacingANSI()
        #expect(stripped == plain.render(diagnostic))
        #expect(!plain.render(diagnostic).contains("\u{1B}"))
    }
}

extension String {
    /// The text without ANSI SGR sequences (`ESC [ … m`).
    func replacingANSI() -> String {
        var result = ""
        var inEscape = false
        for scalar in unicodeScalars {
            if inEscape {
                if scalar == "m" { inEscape = false }
                continue
            }
            if scalar == "\u{1B}" {
                inEscape = true
                continue
            }
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
