import Foundation
import TollgateFrontEnd

/// `capture:`.
extension SuiteBuilder {
    /// The captures of a step, and every well-formed name it captures (known to later steps even when
    /// the capture itself has an error, so one mistake is reported once).
    func readCaptures(_ node: YAMLNode) -> (captures: [Capture], names: [String]) {
        var captures: [Capture] = []
        var names: [String] = []
        for entry in pairs(node, label: "`capture` maps variable names to sources") ?? [] {
            guard TemplateParser.isValidName(entry.key) else {
                error(
                    "invalid variable name `\(entry.key)`", at: entry.keyLocation, width: entry.keyWidth,
                    help: "a name starts with a letter or `_` and goes on with letters, digits, `_`, `.` or `-`")
                continue
            }
            names.append(entry.key)
            if let capture = readCapture(entry) { captures.append(capture) }
        }
        return (captures, names)
    }

    /// One capture (`name: source`); also the declarative session's `token:`.
    func readCapture(_ entry: MappingFields.Entry) -> Capture? {
        switch entry.value {
        case .scalar:
            guard let query = xpath(entry.value) else { return nil }
            return Capture(name: entry.key, source: .xpath(query), location: entry.keyLocation)
        case .mapping:
            guard let fields = fields(entry.value, of: .capture, allowed: Keys.capture) else { return nil }
            let sources = fields.entries.filter { Keys.captureSources.contains($0.key) }
            let isSecret = fields.value("secret").flatMap { bool($0) } ?? false
            guard
                let sourceEntry = onlyEntry(
                    sources, in: fields, noun: "capture source", choices: Keys.captureSources,
                    missingLabel: "what should `\(entry.key)` capture?",
                    extraLabel: "a capture takes one source", extraHelp: "capture into two variables instead")
            else { return nil }
            let group = fields.entry("group")
            if let group, sourceEntry.key != "regex" {
                error(
                    "`group` only applies to `regex`", at: group.keyLocation, width: group.keyWidth,
                    help: "remove it")
            }
            let source: Capture.Source
            switch sourceEntry.key {
            case "xpath":
                guard let query = xpath(sourceEntry.value) else { return nil }
                source = .xpath(query)
            case "json":
                guard let query = xpath(sourceEntry.value) else { return nil }
                source = .json(query)
            case "header":
                guard let name = scalar(sourceEntry.value, expected: "a header name")?.text else { return nil }
                if !Self.isValidHeaderName(name) {
                    error("invalid header name `\(name)`", at: sourceEntry.value)
                    return nil
                }
                source = .header(name)
            default:
                guard let (pattern, _) = scalar(sourceEntry.value, expected: "a regular expression"),
                    let regex = checkRegex(pattern, node: sourceEntry.value)
                else { return nil }
                let groups = regex.compiled?.numberOfCaptureGroups ?? 0
                var index = groups > 0 ? 1 : 0
                if let group, let value = integer(group.value, expected: "a group number") {
                    if value < 0 || value > groups {
                        error(
                            "group \(value) does not exist", at: group.value,
                            label: "the pattern has \(groups) group\(groups == 1 ? "" : "s")",
                            help: "0 is the whole match; 1… are the parenthesised groups")
                        return nil
                    }
                    index = value
                }
                source = .regex(pattern: regex, group: index)
            }
            return Capture(name: entry.key, source: source, isSecret: isSecret, location: entry.keyLocation)
        default:
            typeError(
                expected: "an XPath or a mapping like `{ header: Name }`", found: entry.value,
                help: "a capture is an XPath string, or one of \(Suggestion.list(Keys.captureSources)) in a mapping")
            return nil
        }
    }
}
