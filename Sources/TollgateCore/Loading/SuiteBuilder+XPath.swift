import TollgateXML
import TollgateFrontEnd

/// Compiling and checking XPath expressions at load time.
extension SuiteBuilder {
    /// Compiles an XPath written in `node` with the file's namespaces; errors point at the exact column.
    func xpath(_ node: YAMLNode) -> XPathQuery? {
        guard let (text, positions) = scalar(node, expected: "an XPath expression") else { return nil }
        if text.allSatisfy(\.isWhitespace) {
            error("empty XPath expression", at: node)
            return nil
        }
        do {
            let expression = try XPathExpression(text, namespaces: namespaces)
            let undefined = expression.variableReferences.filter { !knownVariables.contains($0.name) }
            for reference in undefined {
                let suggestion = Suggestion.closest(to: reference.name, in: knownVariables.sorted())
                error(
                    "undefined variable `$\(reference.name)`",
                    at: positions.location(ofUTF8Offset: reference.offset, in: text),
                    width: reference.name.unicodeScalars.count + 1, label: "not defined at this point",
                    help: suggestion.map { "did you mean `$\($0)`?" }
                        ?? "define it under `variables:`, capture it in an earlier step, or pass --var \(reference.name)=VALUE")
            }
            guard undefined.isEmpty else { return nil }
            return XPathQuery(source: text, location: positions.valueStart, expression: expression)
        } catch {
            reportXPathError(error, expression: text, positions: positions)
            return nil
        }
    }

    private func reportXPathError(_ failure: XMLError, expression: String, positions: ScalarPositions) {
        switch failure {
        case let .undeclaredPrefix(prefix, offset):
            let start = Self.prefixStart(prefix, near: offset, in: expression)
            let declared = namespaces.keys.sorted()
            let suggestion =
                declared.count == 1 ? declared.first : Suggestion.closest(to: prefix, in: declared)
            error(
                "undeclared namespace prefix '\(prefix)'", at: positions.location(ofUTF8Offset: start, in: expression),
                width: prefix.unicodeScalars.count, label: "declare it under `namespaces:`",
                help: suggestion.map { "did you mean `\($0)`?" })
        case let .invalidExpression(message, offset):
            let location = offset.map { positions.location(ofUTF8Offset: $0, in: expression) }
            error(
                "invalid XPath: \(message)", at: location ?? positions.tokenStart,
                width: location == nil ? max(1, positions.tokenWidth) : 1)
        default:
            error("invalid XPath: \(failure)", at: positions.valueStart)
        }
    }

    /// The UTF-8 offset where `prefix:` starts, whether the reported offset is at the prefix, its colon
    /// or the local name after it.
    static func prefixStart(_ prefix: String, near offset: Int, in expression: String) -> Int {
        let bytes = Array(expression.utf8)
        let needle = Array(prefix.utf8) + [UInt8(ascii: ":")]
        func matches(at start: Int) -> Bool {
            start >= 0 && start + needle.count <= bytes.count && Array(bytes[start..<(start + needle.count)]) == needle
        }
        for candidate in [offset, offset - needle.count + 1, offset - needle.count] where matches(at: candidate) {
            return candidate
        }
        var start = min(offset, bytes.count - needle.count)
        while start >= 0 {
            if matches(at: start) { return start }
            start -= 1
        }
        return max(0, offset)
    }

    /// Checks that a namespace binding is usable in XPath (as the XPath compiler sees it).
    func namespaceBindingProblem(prefix: String, uri: String) -> String? {
        do {
            _ = try XPathExpression("true()", namespaces: [prefix: uri])
            return nil
        } catch {
            if case let .invalidNamespaceBinding(_, message) = error { return message }
            return "\(error)"
        }
    }
}
