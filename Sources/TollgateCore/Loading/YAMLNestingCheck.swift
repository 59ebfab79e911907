/// Rejects absurdly deep YAML before it reaches the composer, which recurses once per level and would
/// overflow the stack on input like four megabytes of `[`.
///
/// The scan is cheap and conservative: flow brackets are counted outside quotes, comments and block
/// scalars (in block context only where a value starts), and block depth is estimated by the column
/// where a line's content starts after its indentation and `- `/`? ` indicators. Real scenario files
/// stay far below both limits.
struct YAMLNestingCheck {
    /// Deepest flow nesting (`[` / `{`) accepted.
    static let maximumFlowDepth = 64
    /// Deepest content column accepted (indentation plus sequence indicators).
    static let maximumIndent = 400

    /// What is too deep, and where (1-based).
    struct Problem: Equatable {
        var message: String
        var line: Int
        var column: Int
    }

    /// The first place the text nests too deeply, if any.
    static func check(_ lines: [[Unicode.Scalar]]) -> Problem? {
        var depth = 0
        var quote: Unicode.Scalar?
        var blockScalarParentIndent: Int?
        for (lineIndex, line) in lines.enumerated() {
            let indent = line.prefix { $0 == " " }.count
            let isBlank = indent == line.count
            if let parent = blockScalarParentIndent {
                if isBlank || indent > parent { continue }
                blockScalarParentIndent = nil
            }
            var index = indent
            if quote == nil, depth == 0 {
                while index < line.count, line[index] == "-" || line[index] == "?",
                    index + 1 == line.count || line[index + 1] == " "
                {
                    index += 2
                }
                if index > maximumIndent {
                    return Problem(
                        message: "nesting too deep: content starts after column \(maximumIndent)",
                        line: lineIndex + 1, column: min(index, line.count) + 1)
                }
            }
            var valueStart = true
            var lastSignificant: Unicode.Scalar?
            while index < line.count {
                let scalar = line[index]
                if let open = quote {
                    if open == "\"", scalar == "\\" {
                        index += 2
                        continue
                    }
                    if open == "'", scalar == "'", index + 1 < line.count, line[index + 1] == "'" {
                        index += 2
                        continue
                    }
                    if scalar == open { quote = nil }
                    index += 1
                    continue
                }
                switch scalar {
                case " ", "\t":
                    index += 1
                    continue
                case "#" where index == 0 || line[index - 1] == " " || line[index - 1] == "\t":
                    index = line.count
                    continue
                case "\"", "'":
                    if depth > 0 || valueStart { quote = scalar }
                case "[", "{":
                    if depth > 0 || valueStart {
                        depth += 1
                        if depth > maximumFlowDepth {
                            return Problem(
                                message: "nesting too deep: more than \(maximumFlowDepth) levels of `[` or `{`",
                                line: lineIndex + 1, column: index + 1)
                        }
                    }
                case "]", "}":
                    if depth > 0 { depth -= 1 }
                default:
                    break
                }
                lastSignificant = scalar
                valueStart = depth > 0
                    ? (scalar == "[" || scalar == "{" || scalar == ",")
                    : (scalar == ":" || scalar == "-" || scalar == "?")
                index += 1
            }
            if depth == 0, quote == nil, lastSignificant != nil, isBlockScalarIndicatorEnd(line) {
                blockScalarParentIndent = indent
            }
        }
        return nil
    }

    /// True when the line ends with `|` or `>` (and optional chomping/indent indicators) after `: ` or `- `.
    private static func isBlockScalarIndicatorEnd(_ line: [Unicode.Scalar]) -> Bool {
        var end = line.count
        if let hash = commentStart(line) { end = hash }
        while end > 0, line[end - 1] == " " || line[end - 1] == "\t" { end -= 1 }
        var index = end
        while index > 0, "+-0123456789".unicodeScalars.contains(line[index - 1]) { index -= 1 }
        guard index > 0, line[index - 1] == "|" || line[index - 1] == ">" else { return false }
        let before = index - 1
        return before == 0 || line[before - 1] == " "
    }

    private static func commentStart(_ line: [Unicode.Scalar]) -> Int? {
        var quote: Unicode.Scalar?
        for (index, scalar) in line.enumerated() {
            if let open = quote {
                if scalar == open { quote = nil }
                continue
            }
            if scalar == "\"" || scalar == "'" { quote = scalar }
            if scalar == "#", index == 0 || line[index - 1] == " " { return index }
        }
        return nil
    }
}
