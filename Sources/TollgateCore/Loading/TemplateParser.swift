/// Parses the `{{name}}` placeholders of a scenario string into a ``Template``.
///
/// Spaces inside the braces are allowed (`{{ job_url }}`); the placeholder's location points at the name.
struct TemplateParser {
    /// The file the text is written in (for diagnostics).
    let source: SourceFile

    /// The parsed template and the problems found (unterminated `{{`, empty or invalid names).
    func parse(_ value: String, positions: ScalarPositions) -> (template: Template, problems: [Diagnostic]) {
        let scalars = Array(value.unicodeScalars)
        var segments: [Template.Segment] = []
        var problems: [Diagnostic] = []
        var literal = String.UnicodeScalarView()
        func flush() {
            if !literal.isEmpty { segments.append(.literal(String(literal))) }
            literal = String.UnicodeScalarView()
        }
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "{", index + 1 < scalars.count, scalars[index + 1] == "{" else {
                literal.append(scalars[index])
                index += 1
                continue
            }
            guard let close = Self.closingBraces(in: scalars, from: index + 2) else {
                problems.append(diagnostic(
                    "unterminated `{{`", at: positions.location(ofScalar: index), width: 2,
                    label: "no `}}` after this", help: "variables are written `{{name}}`"))
                literal.append(contentsOf: scalars[index...])
                break
            }
            let inner = scalars[(index + 2)..<close]
            let leading = inner.prefix { $0 == " " }.count
            let trailing = inner.reversed().prefix { $0 == " " }.count
            let nameScalars = inner.dropFirst(leading).dropLast(min(trailing, inner.count - leading))
            let name = String(String.UnicodeScalarView(nameScalars))
            if name.isEmpty {
                problems.append(diagnostic(
                    "empty placeholder `{{}}`", at: positions.location(ofScalar: index), width: close + 2 - index,
                    label: "no variable name", help: "write `{{name}}`"))
            } else if !Self.isValidName(name) {
                problems.append(diagnostic(
                    "invalid variable name `\(name)`", at: positions.location(ofScalar: index + 2 + leading),
                    width: nameScalars.count, label: nil,
                    help: "a name starts with a letter or `_` and goes on with letters, digits, `_`, `.` or `-`"))
            } else {
                flush()
                segments.append(.variable(name: name, location: positions.location(ofScalar: index + 2 + leading)))
            }
            index = close + 2
        }
        flush()
        let template = Template(source: value, location: positions.valueStart, segments: segments)
        return (template, problems)
    }

    /// `[A-Za-z_][A-Za-z0-9_.-]*`
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCIILetter || first == "_" else { return false }
        return name.unicodeScalars.allSatisfy {
            $0.isASCIILetter || $0.isASCIIDigit || "_.-".unicodeScalars.contains($0)
        }
    }

    private static func closingBraces(in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start
        while index + 1 < scalars.count {
            if scalars[index] == "}", scalars[index + 1] == "}" { return index }
            index += 1
        }
        return nil
    }

    private func diagnostic(
        _ message: String, at location: SourceLocation, width: Int, label: String?, help: String?
    ) -> Diagnostic {
        Diagnostic(
            .error, message, at: location, sourceLine: source.line(location.line), width: width, label: label,
            help: help)
    }
}
