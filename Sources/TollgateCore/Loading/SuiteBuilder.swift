import Foundation
import TollgateFrontEnd

/// Builds a ``Suite`` from a composed YAML document, checking everything on the way.
///
/// Every problem becomes a diagnostic and checking goes on, so one load reports all the errors of a file.
/// The model built from a file with errors is discarded by the caller.
final class SuiteBuilder {
    /// The file being checked.
    let source: SourceFile
    /// The loader's options.
    let options: LoadOptions
    /// Everything found so far.
    private(set) var diagnostics: [Diagnostic] = []
    /// The file's valid namespace bindings, used to compile every XPath.
    var namespaces: [String: String] = [:]
    /// The file's `variables:`.
    var fileVariables: [String: Located<String>] = [:]
    /// Variable names known at the point being checked (file, outside, built-in, earlier captures).
    var knownVariables: Set<String> = []

    /// Creates a builder for one file.
    init(source: SourceFile, options: LoadOptions) {
        self.source = source
        self.options = options
    }

    /// Checks the document and returns its suite (meaningful only when no error was reported).
    func build(root: YAMLNode) -> Suite? {
        guard case .mapping = root else {
            error(
                "the top level of a scenario file must be a mapping, found \(root.kindDescription)", at: root,
                help: "start the file with `scenarios:` (and optionally `name:`, `namespaces:`, `variables:`)")
            return nil
        }
        guard
            let fields = fields(
                root, of: .file, allowed: Keys.suite, required: ["scenarios"], hints: Keys.hintsAtTopLevel)
        else { return nil }
        let name = fields.value("name").flatMap { string($0) }?.value
        if let node = fields.value("namespaces") { readNamespaces(node) }
        if let node = fields.value("variables") { readVariables(node) }
        let session = fields.entry("session").flatMap { readSession($0) }
        let scenarios = fields.value("scenarios").map { readScenarios($0) } ?? []
        let defaultName = URL(fileURLWithPath: source.path).deletingPathExtension().lastPathComponent
        return Suite(
            name: name ?? defaultName, file: source.path, namespaces: namespaces, variables: fileVariables,
            scenarios: scenarios, sourceLines: source.lines, session: session)
    }

    // MARK: Diagnostics

    /// Records a diagnostic made elsewhere.
    func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Records an error at a location.
    func error(
        _ message: String, at location: SourceLocation, width: Int = 1, label: String? = nil, help: String? = nil
    ) {
        diagnostics.append(Diagnostic(
            .error, message, at: location, sourceLine: source.line(location.line), width: width, label: label,
            help: help))
    }

    /// Records an error pointing at a whole node: the scalar token, a collection written on one line
    /// (`[a, b]`), or the start of a longer collection.
    func error(_ message: String, at node: YAMLNode, label: String? = nil, help: String? = nil) {
        let width = node.scalar != nil || node.span.isOneLine ? source.caretWidth(node.span) : 1
        error(message, at: node.location, width: width, label: label, help: help)
    }

    /// Records "expected X, found Y".
    func typeError(expected: String, found node: YAMLNode, label: String? = nil, help: String? = nil) {
        error("expected \(expected), found \(node.kindDescription)", at: node, label: label, help: help)
    }

    // MARK: Mappings

    /// Where a mapping sits in the format, for messages ("unknown step key").
    enum Context: String {
        case file = "top-level"
        case scenario, step, request, poll, expect, capture, auth
        case session, logon, logoff
        case sessionFile = "session file"
        case requestBody = "request body"
        case assertion = "assertion"
        case headerCheck = "header check"
        case bodyCheck = "body check"

        /// "a step", "an assertion", "the file".
        var withArticle: String {
            switch self {
            case .file: return "the file"
            case .auth: return "`auth`"
            case .assertion, .expect: return "an \(rawValue)"
            default: return "a \(rawValue)"
            }
        }
    }

    /// Checks a mapping of fixed keys: unknown keys (with a suggestion), missing required keys.
    func fields(
        _ node: YAMLNode, of context: Context, allowed: [String], required: [String] = [],
        hints: [String: String] = [:]
    ) -> MappingFields? {
        guard let entries = pairs(node, expected: "a mapping") else { return nil }
        var known: [MappingFields.Entry] = []
        var suggested: Set<String> = []
        for entry in entries {
            guard allowed.contains(entry.key) else {
                let help: String
                if let hint = hints[entry.key] {
                    help = hint
                } else if let suggestion = Suggestion.closest(to: entry.key, in: allowed) {
                    help = "did you mean `\(suggestion)`?"
                    suggested.insert(suggestion)
                } else {
                    help = "\(context.withArticle) takes \(Suggestion.list(allowed))"
                }
                error(
                    "unknown key `\(entry.key)`", at: entry.keyLocation, width: entry.keyWidth,
                    label: "unknown \(context.rawValue) key", help: help)
                continue
            }
            known.append(entry)
        }
        let fields = MappingFields(location: node.location, entries: known, suggested: suggested)
        let written = Set(entries.map(\.key))
        for key in required where !written.contains(key) && !suggested.contains(key) {
            error("missing required key `\(key)`", at: fields.location, label: "\(context.withArticle) needs `\(key)`")
        }
        return fields
    }

    /// The entries of any mapping (keys must be scalars); nil, with an error, for other nodes.
    func pairs(_ node: YAMLNode, expected: String = "a mapping", label: String? = nil) -> [MappingFields.Entry]? {
        guard case .mapping(let mapping) = node else {
            typeError(expected: expected, found: node, label: label)
            return nil
        }
        var entries: [MappingFields.Entry] = []
        for (key, value) in mapping {
            guard case .scalar(let keyScalar) = key else {
                error("a key must be a name, found \(key.kindDescription)", at: key)
                continue
            }
            let positions = ScalarPositions(keyScalar, in: source)
            entries.append(MappingFields.Entry(
                key: keyScalar.string, keyLocation: positions.tokenStart, keyWidth: positions.tokenWidth,
                value: value))
        }
        return entries
    }

    /// The items of a list; nil, with an error, for other nodes.
    func list(_ node: YAMLNode, label: String? = nil, help: String? = nil) -> [YAMLNode]? {
        guard case .sequence(let sequence) = node else {
            typeError(expected: "a list", found: node, label: label, help: help)
            return nil
        }
        return Array(sequence)
    }

    // MARK: Scalars

    /// A scalar's text and positions; nil, with an error, for collections and `null`.
    func scalar(_ node: YAMLNode, expected: String = "a string", label: String? = nil, help: String? = nil)
        -> (text: String, positions: ScalarPositions)?
    {
        guard case .scalar(let scalar) = node, !node.isNull else {
            typeError(expected: expected, found: node, label: label, help: help)
            return nil
        }
        return (scalar.string, ScalarPositions(scalar, in: source))
    }

    /// A scalar's text, located at its first character.
    func string(_ node: YAMLNode, label: String? = nil) -> Located<String>? {
        guard let (text, positions) = scalar(node, label: label) else { return nil }
        return Located(text, at: positions.valueStart)
    }

    /// `true` or `false`.
    func bool(_ node: YAMLNode, label: String? = nil) -> Bool? {
        if let text = scalar(node, expected: "`true` or `false`", label: label)?.text {
            if let value = Self.boolean(text) { return value }
            error("expected `true` or `false`, found `\(text)`", at: node, label: label)
        }
        return nil
    }

    /// A whole number (written without quotes or as digits in quotes).
    func integer(_ node: YAMLNode, expected: String = "a whole number", label: String? = nil) -> Int? {
        guard let text = scalar(node, expected: expected, label: label)?.text else { return nil }
        guard Self.isDecimalNumber(text), let value = Int(text.hasPrefix("+") ? String(text.dropFirst()) : text)
        else {
            error("expected \(expected), found `\(text)`", at: node, label: label)
            return nil
        }
        return value
    }

    /// A number (integer or decimal).
    func number(_ node: YAMLNode, label: String? = nil) -> Double? {
        guard let text = scalar(node, expected: "a number", label: label)?.text else { return nil }
        guard Self.isDecimalNumber(text), let value = Double(text) else {
            error("expected a number, found `\(text)`", at: node, label: label)
            return nil
        }
        return value
    }

    /// `true`/`True`/`TRUE` and the same for false (YAML's `yes`/`on` are not booleans here).
    static func boolean(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// `-12`, `3`, `+4.5`, `1e3`, `.5` — a decimal number as written in a file.
    static func isDecimalNumber(_ text: String) -> Bool {
        var scalars = Array(text.unicodeScalars)[...]
        if let first = scalars.first, first == "-" || first == "+" { scalars = scalars.dropFirst() }
        let integer = scalars.prefix { $0.isASCIIDigit }
        scalars = scalars.dropFirst(integer.count)
        var fraction: ArraySlice<Unicode.Scalar> = []
        if scalars.first == "." {
            scalars = scalars.dropFirst()
            fraction = scalars.prefix { $0.isASCIIDigit }
            scalars = scalars.dropFirst(fraction.count)
        }
        guard !integer.isEmpty || !fraction.isEmpty else { return false }
        if let e = scalars.first, e == "e" || e == "E" {
            scalars = scalars.dropFirst()
            if let sign = scalars.first, sign == "-" || sign == "+" { scalars = scalars.dropFirst() }
            let exponent = scalars.prefix { $0.isASCIIDigit }
            guard !exponent.isEmpty else { return false }
            scalars = scalars.dropFirst(exponent.count)
        }
        return scalars.isEmpty
    }
}
