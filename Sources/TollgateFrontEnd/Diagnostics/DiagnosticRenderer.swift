/// Renders a ``Diagnostic`` the way rustc and Hurl do:
///
/// ```
/// error: undeclared namespace prefix 'v'
///   --> Specs/tasks.yaml:14:33
///    |
/// 14 |             - { query: "string(/v:Task/v:State)", equals: Running }
///    |                                 ^ declare it under `namespaces:`
///    = help: did you mean `em`?
/// ```
///
/// The gutter is as wide as the line number. Tabs in the source line are shown as four spaces and the
/// caret moves with them; control characters are shown as U+FFFD so a file cannot drive the terminal.
/// A diagnostic without a location renders as its first line only. No trailing newline.
public struct DiagnosticRenderer: Sendable {
    /// Whether to add ANSI colours.
    public var useColor: Bool

    /// Spaces a tab is shown as.
    static let tabWidth = 4

    /// Creates a renderer.
    public init(useColor: Bool) {
        self.useColor = useColor
    }

    /// The diagnostic as text (several lines, no trailing newline).
    public func render(_ diagnostic: Diagnostic) -> String {
        let severity = diagnostic.severity.rawValue
        let accent = accentColor(diagnostic.severity)
        var lines = [paint(severity, accent + Style.bold) + paint(": " + Self.sanitize(diagnostic.message), Style.bold)]
        guard let location = diagnostic.location else { return lines[0] }
        let gutter = String(repeating: " ", count: String(max(0, location.line)).count)
        lines.append(gutter + paint("--> ", Style.blue + Style.bold) + Self.sanitize(location.description))
        if let sourceLine = diagnostic.sourceLine {
            let bar = paint("|", Style.blue + Style.bold)
            let (shown, caretPad, caretCount) = Self.layout(
                line: sourceLine, column: location.column, width: diagnostic.width)
            lines.append(gutter + " " + bar)
            lines.append(paint(String(location.line), Style.blue + Style.bold) + " " + bar
                + (shown.isEmpty ? "" : " " + shown))
            var marker = String(repeating: "^", count: caretCount)
            if let label = diagnostic.label, !label.isEmpty { marker += " " + Self.sanitize(label) }
            let padding = String(repeating: " ", count: caretPad)
            lines.append(gutter + " " + bar + " " + padding + paint(marker, accent + Style.bold))
        }
        if let help = diagnostic.help, !help.isEmpty {
            lines.append(gutter + " " + paint("= help:", Style.bold) + " " + Self.sanitize(help))
        }
        return lines.joined(separator: "\n")
    }

    /// The line as shown (tabs expanded, controls replaced, trailing spaces dropped), the number of
    /// spaces before the caret and the number of carets.
    static func layout(line: String, column: Int, width: Int) -> (shown: String, pad: Int, carets: Int) {
        var shown = ""
        var pad = 0
        var carets = 0
        let scalars = Array(line.unicodeScalars)
        let first = max(1, column) - 1
        let last = first + max(1, width)
        for (index, scalar) in scalars.enumerated() {
            let text: String
            if scalar == "\t" {
                text = String(repeating: " ", count: tabWidth)
            } else {
                text = isControl(scalar) ? "\u{FFFD}" : String(scalar)
            }
            shown += text
            if index < first {
                pad += text.count
            } else if index < last {
                carets += text.count
            }
        }
        if first > scalars.count { pad += first - scalars.count }
        return (trimTrailingSpaces(shown), pad, max(1, carets))
    }

    /// Replaces control characters (C0 but tab, DEL, C1) by U+FFFD.
    static func sanitize(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(isControl(scalar) && scalar != "\t" ? "\u{FFFD}" : scalar)
        }
        return String(result)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    private static func trimTrailingSpaces(_ text: String) -> String {
        var result = text
        while result.last == " " { result.removeLast() }
        return result
    }

    // MARK: Colours

    private enum Style {
        static let reset = "\u{1B}[0m"
        static let bold = "\u{1B}[1m"
        static let red = "\u{1B}[31m"
        static let yellow = "\u{1B}[33m"
        static let blue = "\u{1B}[34m"
        static let cyan = "\u{1B}[36m"
    }

    private func accentColor(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: return Style.red
        case .warning: return Style.yellow
        case .note: return Style.cyan
        }
    }

    private func paint(_ text: String, _ style: String) -> String {
        useColor ? style + text + Style.reset : text
    }
}
