import Foundation
import TollgateFrontEnd

/// `poll:`, `expect:` and their predicates.
extension SuiteBuilder {
    /// The poll of a step.
    func readPoll(_ entry: MappingFields.Entry) -> PollSpec? {
        guard let fields = fields(entry.value, of: .poll, allowed: Keys.poll, required: ["until"]) else { return nil }
        let until = fields.value("until").flatMap { xpath($0) }
        let failWhen = fields.value("fail-when").flatMap { xpath($0) }
        var bodyKind = PollSpec.BodyKind.xml
        if let node = fields.value("body"), let text = scalar(node, expected: "`xml` or `json`")?.text {
            switch text {
            case "xml": bodyKind = .xml
            case "json": bodyKind = .json
            default: error("unknown poll body `\(text)`", at: node, help: "`body` is `xml` (the default) or `json`")
            }
        }
        let interval = fields.value("interval").flatMap { duration($0) } ?? .milliseconds(500)
        var timeout = Duration.seconds(60)
        if let node = fields.value("timeout"), let value = duration(node) {
            if value <= .zero {
                error("a poll timeout must be longer than 0", at: node)
            }
            timeout = value
        }
        guard let until else { return nil }
        return PollSpec(
            until: until, failWhen: failWhen, bodyKind: bodyKind, interval: interval, timeout: timeout,
            location: entry.keyLocation)
    }

    /// `200ms`, `1.5s`, `2m`.
    func duration(_ node: YAMLNode) -> Duration? {
        guard let text = scalar(node, expected: "a duration like `500ms`, `2s` or `1m`")?.text else { return nil }
        switch DurationParser.parse(text) {
        case .success(let value):
            return value
        case .failure(.missingUnit):
            error(
                "duration `\(text)` has no unit", at: node, label: "seconds? milliseconds?",
                help: "write `\(text)s` or `\(text)ms` (units: ms, s, m)")
        case .failure(.tooLong):
            error("duration `\(text)` is too long", at: node, help: "the longest duration is one day (`1440m`)")
        case .failure(.malformed):
            error(
                "invalid duration `\(text)`", at: node,
                help: "a duration is a number and a unit: `200ms`, `1.5s`, `2m`")
        }
        return nil
    }

    /// The expectations of a step.
    func readExpect(_ node: YAMLNode) -> Expectations {
        var expect = Expectations()
        guard let expectFields = fields(node, of: .expect, allowed: Keys.expect) else { return expect }
        expect.status = expectFields.value("status").flatMap { readStatus($0) }
        if let node = expectFields.value("headers") {
            for entry in pairs(node, label: "`headers` maps header names to checks") ?? [] {
                checkHeaderName(entry)
                if let check = readHeaderCheck(entry) { expect.headers.append(check) }
            }
        }
        if let node = expectFields.value("xpath") { expect.xpath = readAssertions(node, section: "xpath") }
        if let node = expectFields.value("json") { expect.json = readAssertions(node, section: "json") }
        if let node = expectFields.value("body") {
            for item in list(node, label: "`body` is a list of checks", help: "write `body: [{ contains: \"…\" }]`")
                ?? []
            {
                guard let itemFields = fields(item, of: .bodyCheck, allowed: Keys.predicates),
                    let predicate = readPredicate(itemFields, in: .bodyCheck, allowCount: false)
                else { continue }
                expect.body.append(BodyExpectation(predicate: predicate, location: itemFields.location))
            }
        }
        if let node = expectFields.value("schema") {
            expect.schema = existingFile(node, what: "schema file")
        }
        return expect
    }

    /// `status: 200` or `status: [200, 204]`.
    func readStatus(_ node: YAMLNode) -> Located<[Int]>? {
        let location = node.location
        if case .sequence(let items) = node {
            if items.isEmpty {
                error("`status` is an empty list", at: node, help: "list the accepted codes, e.g. `[200, 204]`")
                return nil
            }
            let codes = items.compactMap { statusCode($0) }
            return codes.count == items.count ? Located(codes, at: location) : nil
        }
        return statusCode(node).map { Located([$0], at: location) }
    }

    private func statusCode(_ node: YAMLNode) -> Int? {
        guard let text = scalar(node, expected: "a status code (100–599)")?.text else { return nil }
        guard let code = Int(text), text.unicodeScalars.allSatisfy(\.isASCIIDigit), (100...599).contains(code) else {
            error("invalid status code `\(text)`", at: node, help: "a status code is a number from 100 to 599")
            return nil
        }
        return code
    }

    /// `Name: exact value` or `Name: { PREDICATE }`.
    private func readHeaderCheck(_ entry: MappingFields.Entry) -> HeaderExpectation? {
        switch entry.value {
        case .mapping:
            guard let fields = fields(entry.value, of: .headerCheck, allowed: Keys.predicates),
                let predicate = readPredicate(fields, in: .headerCheck, allowCount: false)
            else { return nil }
            return HeaderExpectation(name: entry.key, predicate: predicate, location: entry.keyLocation)
        case .scalar:
            guard let text = scalar(entry.value, expected: "the exact header value or a check")?.text else {
                return nil
            }
            return HeaderExpectation(name: entry.key, predicate: .equals(.string(text)), location: entry.keyLocation)
        default:
            typeError(
                expected: "the exact header value or `{ PREDICATE }`", found: entry.value,
                help: "write `\(entry.key): { matches: \"…\" }`")
            return nil
        }
    }

    /// A list of `{ query: XPATH, PREDICATE }`.
    private func readAssertions(_ node: YAMLNode, section: String) -> [Assertion] {
        var assertions: [Assertion] = []
        let help = "write `\(section): [{ query: \"…\", equals: … }]`"
        for item in list(node, label: "`\(section)` is a list of assertions", help: help) ?? [] {
            guard let fields = fields(item, of: .assertion, allowed: Keys.assertion, required: ["query"]) else {
                continue
            }
            let query = fields.value("query").flatMap { xpath($0) }
            let predicate = readPredicate(fields, in: .assertion, allowCount: true)
            if let query, let predicate {
                assertions.append(Assertion(query: query, predicate: predicate, location: fields.location))
            }
        }
        return assertions
    }

    /// The one predicate of a check.
    func readPredicate(_ fields: MappingFields, in context: Context, allowCount: Bool) -> Predicate? {
        let written = fields.entries.filter { Keys.predicates.contains($0.key) }
        let allowed = allowCount ? Keys.predicates : Keys.predicates.filter { $0 != "count" }
        guard
            let entry = onlyEntry(
                written, in: fields, noun: "predicate", choices: allowed, suggestedAmong: Keys.predicates,
                missingLabel: "\(context.withArticle) needs one predicate",
                extraLabel: "\(context.withArticle) takes one predicate",
                extraHelp: "split it into separate checks, one predicate each")
        else { return nil }
        let node = entry.value
        switch entry.key {
        case "equals": return expectedValue(node).map { .equals($0) }
        case "not-equals": return expectedValue(node).map { .notEquals($0) }
        case "count":
            guard allowCount else {
                error(
                    "`count` needs an XPath node-set", at: entry.keyLocation, width: entry.keyWidth,
                    label: "not available in \(context.withArticle)",
                    help: "use \(Suggestion.list(["exists", "matches", "equals"])), or `count` under `xpath:`")
                return nil
            }
            guard let count = integer(node, expected: "a node count") else { return nil }
            if count < 0 {
                error("a count cannot be negative", at: node)
                return nil
            }
            return .count(count)
        case "exists": return bool(node).map { .exists($0) }
        case "matches":
            guard let (pattern, _) = scalar(node, expected: "a regular expression") else { return nil }
            return checkRegex(pattern, node: node).map { .matches($0) }
        case "contains": return scalar(node, expected: "text").map { .contains($0.text) }
        case "lt": return number(node).map { .lessThan($0) }
        case "le": return number(node).map { .lessOrEqual($0) }
        case "gt": return number(node).map { .greaterThan($0) }
        case "ge": return number(node).map { .greaterOrEqual($0) }
        default: return nil
        }
    }

    /// A value typed by how it is written: plain number → number, plain true/false → boolean, else string.
    func expectedValue(_ node: YAMLNode) -> ExpectedValue? {
        guard case .scalar(let scalar) = node, !node.isNull else {
            typeError(
                expected: "a value", found: node,
                help: node.isNull ? "write `\"\"` for an empty string, or quote `\"null\"`" : nil)
            return nil
        }
        if scalar.isPlain {
            if let flag = Self.boolean(scalar.string) { return .boolean(flag) }
            if Self.isDecimalNumber(scalar.string), let value = Double(scalar.string) { return .number(value) }
        }
        guard scalar.string.contains("{{") else { return .string(scalar.string) }
        return template(node).map { .template($0) }
    }

    /// Compiles a regular expression, once for the whole run; nil, with an error, when it is invalid.
    func checkRegex(_ pattern: String, node: YAMLNode) -> RegularExpression? {
        do {
            return RegularExpression(pattern: pattern, compiled: try NSRegularExpression(pattern: pattern))
        } catch {
            self.error(
                "invalid regular expression `\(pattern)`", at: node,
                help: "NSRegularExpression (ICU) syntax; escape a literal `(`, `[`, `.`, `*`, `+`, `?` with `\\`")
            return nil
        }
    }

    /// The one entry a mapping must have among several alternatives (one predicate, one capture
    /// source): reports it missing (unless a misspelt key was already reported with a suggestion)
    /// or doubled, and returns nil then.
    func onlyEntry(
        _ written: [MappingFields.Entry], in fields: MappingFields, noun: String, choices: [String],
        suggestedAmong alternatives: [String]? = nil, missingLabel: String, extraLabel: String, extraHelp: String
    ) -> MappingFields.Entry? {
        guard let first = written.first else {
            if !fields.suggested.isDisjoint(with: alternatives ?? choices) { return nil }
            error("missing \(noun)", at: fields.location, label: missingLabel, help: "add one of \(Suggestion.list(choices))")
            return nil
        }
        if written.count > 1 {
            let second = written[1]
            error(
                "more than one \(noun): \(Suggestion.list(written.map(\.key), conjunction: "and"))",
                at: second.keyLocation, width: second.keyWidth, label: extraLabel, help: extraHelp)
            return nil
        }
        return first
    }
}
