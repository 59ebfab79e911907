import CYaml

/// libyaml's error state (reader, scanner or parser) as one diagnostic, with hints for the mistakes
/// people make most.
struct YAMLParserProblem {
    /// The parser after `yaml_parser_parse` failed.
    let parser: yaml_parser_t
    /// The file being read.
    let source: SourceFile

    /// The diagnostic.
    var diagnostic: Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        switch parser.error {
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            let context = parser.context.map { String(cString: $0) }
            return diagnostic(
                "invalid YAML: \(problem)", line: Int(parser.problem_mark.line) + 1,
                column: Int(parser.problem_mark.column) + 1, label: Self.label(for: problem),
                help: context.map {
                    Self.describe($0, line: Int(parser.context_mark.line) + 1, column: Int(parser.context_mark.column) + 1)
                })
        case YAML_READER_ERROR:
            let position = SourceFile.position(ofByte: Int(parser.problem_offset), in: Array(source.text.utf8))
            return diagnostic("invalid YAML input: \(problem)", line: position.line, column: position.column)
        case YAML_MEMORY_ERROR:
            return diagnostic("cannot read YAML: out of memory", line: 1, column: 1)
        default:
            return diagnostic("cannot read YAML: \(problem)", line: 1, column: 1)
        }
    }

    /// "in the block mapping that starts at line 4, column 9" from libyaml's "while parsing a block mapping".
    static func describe(_ context: String, line: Int, column: Int) -> String {
        var what = context
        for prefix in ["while parsing ", "while scanning "] where what.hasPrefix(prefix) {
            what.removeFirst(prefix.count)
        }
        for article in ["a ", "an "] where what.hasPrefix(article) {
            what = "the " + what.dropFirst(article.count)
        }
        return "in \(what) that starts at line \(line), column \(column)"
    }

    /// A hint for the libyaml problems people hit most.
    static func label(for problem: String) -> String? {
        switch problem {
        case "did not find expected key", "did not find expected '-' indicator":
            return "check the indentation of this line"
        case "mapping values are not allowed in this context":
            return "quote a value that contains `: `"
        case "found a tab character that violates indentation":
            return "indent with spaces, not tabs"
        default:
            return nil
        }
    }

    private func diagnostic(
        _ message: String, line: Int, column: Int, label: String? = nil, help: String? = nil
    ) -> Diagnostic {
        Diagnostic(
            .error, message, at: source.location(line: max(1, line), column: max(1, column)),
            sourceLine: source.line(line), label: label, help: help)
    }
}
