/// Renders a ``Finding`` as the full text shown on the console and inside JUnit `<failure>`/`<error>`:
/// the diagnostic with its caret, the notes, then the request and response excerpt.
public struct FindingRenderer: Sendable {
    private let diagnostics: DiagnosticRenderer

    /// Creates a renderer; colour only for terminals.
    public init(useColor: Bool) {
        diagnostics = DiagnosticRenderer(useColor: useColor)
    }

    /// The whole finding as text (no trailing newline).
    public func render(_ finding: Finding) -> String {
        var lines: [String] = []
        if let diagnostic = finding.diagnostic {
            lines.append(diagnostics.render(diagnostic))
        } else {
            lines.append(finding.message)
        }
        for note in finding.notes {
            lines.append("  = note: \(note)")
        }
        if let exchange = finding.exchange {
            lines.append(render(exchange))
        }
        return lines.joined(separator: "\n")
    }

    /// One exchange: `>` lines for the request, `<` lines for the response.
    public func render(_ exchange: Exchange) -> String {
        let timing = "attempt \(exchange.attempt), at \(TimeFormatting.human(exchange.offset)), "
            + "took \(TimeFormatting.human(exchange.duration))"
        var lines = ["  request (\(timing)):"]
        lines.append("    > \(exchange.request.method) \(exchange.request.url)")
        lines += exchange.request.headers.map { "    > \($0.name): \($0.value)" }
        if let body = exchange.request.bodyExcerpt, !body.isEmpty {
            lines.append("    >")
            lines += Self.indent(body, prefix: "    > ")
        }
        guard let response = exchange.response else {
            lines.append("  no response")
            return lines.joined(separator: "\n")
        }
        lines.append("  response (\(response.bodySize) bytes):")
        lines.append("    < HTTP \(response.status) \(response.reason)")
        lines += response.headers.map { "    < \($0.name): \($0.value)" }
        if !response.bodyExcerpt.isEmpty {
            lines.append("    <")
            lines += Self.indent(response.bodyExcerpt, prefix: "    < ")
        }
        return lines.joined(separator: "\n")
    }

    private static func indent(_ text: String, prefix: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }
    }
}
