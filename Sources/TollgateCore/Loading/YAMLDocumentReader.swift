import Yams

/// Composes a scenario file's YAML node tree (with positions) and turns YAML errors into diagnostics.
///
/// libyaml stops at the first syntax error, so a syntax error is the only diagnostic of its file.
/// Duplicate keys are different: Yams rejects the whole document for them, which would hide every
/// other problem. The reader therefore finds the repeated key in the text, reports it, replaces the
/// repeated key (not the first one) by a private placeholder of the same length, so every position
/// stays the same, and composes again. Checks skip the placeholder keys (`maskedKeys`).
struct YAMLDocumentReader {
    /// The composed document.
    struct Output {
        /// The root node, nil when the text has no document or cannot be composed.
        var root: Node?
        /// Placeholder keys that stand for reported duplicates; mapping checks ignore them.
        var maskedKeys: Set<String> = []
        /// Syntax errors and duplicate keys.
        var diagnostics: [Diagnostic] = []
    }

    /// The file being read.
    let source: SourceFile

    /// More duplicates than this in one file are not worth recovering from one by one.
    private static let maximumRecoveries = 200
    /// First scalar of the placeholders (Unicode private use area, allowed in YAML).
    private static let placeholderBase: UInt32 = 0xE000

    /// Composes the document.
    func read() -> Output {
        var output = Output()
        if let problem = YAMLNestingCheck.check(source.lineScalars) {
            output.diagnostics.append(diagnostic(
                problem.message, line: problem.line, column: problem.column,
                help: "scenario files nest a few levels deep; this looks generated or corrupted"))
            return output
        }
        var scalars = Array(source.text.unicodeScalars)
        for attempt in 0...Self.maximumRecoveries {
            let text = String(String.UnicodeScalarView(scalars))
            do {
                let parser = try Parser(yaml: text, resolver: .default, constructor: .default, encoding: .utf8)
                output.root = try parser.singleRoot()
                return output
            } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
                guard attempt < Self.maximumRecoveries, let key = duplicates.first,
                    let repeated = findRepeatedKey(key, after: context.mark, in: scalars)
                else {
                    output.diagnostics.append(diagnostic(
                        "duplicate key `\(duplicates.first ?? "?")`", line: context.mark.line,
                        column: context.mark.column, label: "this key appears more than once in its mapping"))
                    return output
                }
                output.diagnostics.append(Diagnostic(
                    .error, "duplicate key `\(key)`",
                    at: source.location(line: repeated.line + 1, column: repeated.tokenStart + 1),
                    sourceLine: source.line(repeated.line + 1),
                    width: repeated.tokenLength,
                    label: "`\(key)` is already set at line \(context.mark.line)",
                    help: "keep one of them"
                ))
                let placeholder = placeholder(number: attempt, length: repeated.contentLength)
                output.maskedKeys.insert(String(String.UnicodeScalarView(placeholder)))
                scalars.replaceSubrange(
                    repeated.contentOffset..<(repeated.contentOffset + repeated.contentLength), with: placeholder)
            } catch let error as YamlError {
                output.diagnostics.append(diagnostic(for: error, text: text))
                return output
            } catch {
                output.diagnostics.append(Diagnostic(
                    .error, "cannot read YAML: \(error)", at: source.location(line: 1, column: 1)))
                return output
            }
        }
        return output
    }

    // MARK: YAML errors

    private func diagnostic(for error: YamlError, text: String) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _):
            return diagnostic(
                "invalid YAML: \(problem)", line: mark.line, column: mark.column, label: Self.label(for: problem),
                help: context.map(Self.describe))
        case let .composer(context, problem, mark, _):
            if problem == "but found another document" {
                return diagnostic(
                    "a scenario file holds one YAML document, found a second one", line: mark.line,
                    column: mark.column, label: "second document",
                    help: "remove the `---` separator or split the file in two")
            }
            return diagnostic(
                "invalid YAML: \(problem)", line: mark.line, column: mark.column, help: context.map(Self.describe))
        case let .reader(problem, offset, _, _):
            let (line, column) = position(ofCharacter: offset ?? 0, in: text)
            return diagnostic("invalid YAML input: \(problem)", line: line, column: column)
        default:
            return diagnostic("cannot read YAML: \(error)", line: 1, column: 1)
        }
    }

    /// "in the block mapping that starts at line 4, column 9" from libyaml's "while parsing a block mapping".
    private static func describe(_ context: YamlError.Context) -> String {
        var what = context.text
        for prefix in ["while parsing ", "while scanning "] where what.hasPrefix(prefix) {
            what.removeFirst(prefix.count)
        }
        for article in ["a ", "an "] where what.hasPrefix(article) {
            what = "the " + what.dropFirst(article.count)
        }
        return "in \(what) that starts at line \(context.mark.line), column \(context.mark.column)"
    }

    /// A hint for the libyaml problems people hit most.
    private static func label(for problem: String) -> String? {
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

    private func position(ofCharacter offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for (index, character) in text.enumerated() {
            if index >= offset { break }
            if character.unicodeScalars.contains(where: SourceFile.isLineBreak) {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return (line, column)
    }

    // MARK: Duplicate keys

    /// Where a repeated key is written: its line (0-based), token start column (0-based) and length,
    /// and the key text's offset and length in the whole text (inside quotes when quoted).
    struct RepeatedKey {
        var line: Int
        var tokenStart: Int
        var tokenLength: Int
        var contentOffset: Int
        var contentLength: Int
    }

    private func placeholder(number: Int, length: Int) -> [Unicode.Scalar] {
        let first = Unicode.Scalar(Self.placeholderBase + UInt32(number % 6000) + 1) ?? "_"
        let rest = Unicode.Scalar(Self.placeholderBase) ?? "_"
        return [first] + Array(repeating: rest, count: max(0, length - 1))
    }

    /// Finds the next occurrence of `key` in the same mapping as the occurrence at `mark`.
    func findRepeatedKey(_ key: String, after mark: Mark, in scalars: [Unicode.Scalar]) -> RepeatedKey? {
        let lines = LineTable(scalars)
        let lineIndex = mark.line - 1
        let column = mark.column - 1
        guard lines.indices.contains(lineIndex) else { return nil }
        let keyScalars = Array(key.unicodeScalars)
        let line = lines.scalars(lineIndex, in: scalars)
        guard let first = matchKey(keyScalars, in: line, at: column) else { return nil }
        let before = line[..<min(column, line.count)].last(where: { $0 != " " && $0 != "\t" })
        if before == "{" || before == "," {
            return findInFlow(keyScalars, lines: lines, scalars: scalars, line: lineIndex, from: first.end)
        }
        return findInBlock(keyScalars, lines: lines, scalars: scalars, line: lineIndex, column: column)
            ?? findInFlow(keyScalars, lines: lines, scalars: scalars, line: lineIndex, from: first.end)
    }

    private func findInBlock(
        _ key: [Unicode.Scalar], lines: LineTable, scalars: [Unicode.Scalar], line start: Int, column: Int
    ) -> RepeatedKey? {
        for lineIndex in (start + 1)..<lines.count {
            let line = lines.scalars(lineIndex, in: scalars)
            guard let indent = line.firstIndex(where: { $0 != " " }) else { continue }
            if line[indent] == "#" { continue }
            if indent < column { return nil }
            if indent == column, let match = matchKey(key, in: line, at: indent) {
                return repeated(match, line: lineIndex, lines: lines)
            }
        }
        return nil
    }

    private func findInFlow(
        _ key: [Unicode.Scalar], lines: LineTable, scalars: [Unicode.Scalar], line start: Int, from column: Int
    ) -> RepeatedKey? {
        var depth = 0
        var quote: Unicode.Scalar?
        var expectKey = false
        var lineIndex = start
        var index = column
        while lineIndex < lines.count {
            let line = lines.scalars(lineIndex, in: scalars)
            while index < line.count {
                let scalar = line[index]
                if let open = quote {
                    if open == "\"", scalar == "\\" {
                        index += 2
                        continue
                    }
                    if scalar == open {
                        if open == "'", index + 1 < line.count, line[index + 1] == "'" {
                            index += 2
                            continue
                        }
                        quote = nil
                    }
                    index += 1
                    continue
                }
                if scalar == " " || scalar == "\t" {
                    index += 1
                    continue
                }
                if expectKey, depth == 0, let match = matchKey(key, in: line, at: index) {
                    return repeated(match, line: lineIndex, lines: lines)
                }
                expectKey = false
                switch scalar {
                case "\"", "'": quote = scalar
                case "{", "[": depth += 1
                case "}", "]":
                    if depth == 0 { return nil }
                    depth -= 1
                case ",": expectKey = depth == 0
                case "#":
                    if index == 0 || line[index - 1] == " " || line[index - 1] == "\t" { index = line.count }
                default: break
                }
                index += 1
            }
            lineIndex += 1
            index = 0
        }
        return nil
    }

    /// A key written at `column` (plain, or in single or double quotes) followed by `:`.
    private func matchKey(
        _ key: [Unicode.Scalar], in line: [Unicode.Scalar], at column: Int
    ) -> KeyMatch? {
        guard column < line.count else { return nil }
        var contentStart = column
        var quote: Unicode.Scalar?
        if line[column] == "\"" || line[column] == "'" {
            quote = line[column]
            contentStart += 1
        }
        let contentEnd = contentStart + key.count
        guard contentEnd <= line.count, Array(line[contentStart..<contentEnd]) == key else { return nil }
        var end = contentEnd
        if let quote {
            guard end < line.count, line[end] == quote else { return nil }
            end += 1
        }
        var colon = end
        while colon < line.count, line[colon] == " " || line[colon] == "\t" { colon += 1 }
        guard colon < line.count, line[colon] == ":" else { return nil }
        let after = colon + 1
        if quote == nil, after < line.count, ![" ", "\t", ",", "}", "]"].contains(line[after]) {
            return nil
        }
        return KeyMatch(tokenStart: column, contentStart: contentStart, contentLength: key.count, end: end)
    }

    /// A key token found in a line (0-based columns).
    private struct KeyMatch {
        var tokenStart: Int
        var contentStart: Int
        var contentLength: Int
        var end: Int
    }

    private func repeated(_ match: KeyMatch, line: Int, lines: LineTable) -> RepeatedKey {
        RepeatedKey(
            line: line, tokenStart: match.tokenStart, tokenLength: match.end - match.tokenStart,
            contentOffset: lines.starts[line] + match.contentStart, contentLength: match.contentLength)
    }
}

/// Line start offsets in a flat scalar array (line breaks as in ``SourceFile``).
struct LineTable {
    /// Offset of each line's first scalar.
    var starts: [Int] = []
    /// Offset one past each line's last scalar (before its break).
    var ends: [Int] = []

    init(_ scalars: [Unicode.Scalar]) {
        var start = 0
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if SourceFile.isLineBreak(scalar) {
                starts.append(start)
                ends.append(index)
                if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
                start = index + 1
            }
            index += 1
        }
        starts.append(start)
        ends.append(scalars.count)
    }

    var count: Int { starts.count }
    var indices: Range<Int> { starts.indices }

    /// The scalars of a line, re-indexed from 0 (column = index).
    func scalars(_ line: Int, in all: [Unicode.Scalar]) -> [Unicode.Scalar] {
        Array(all[starts[line]..<ends[line]])
    }
}
