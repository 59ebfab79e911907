import Foundation
import TollgateFrontEnd

/// `request:` and the templates in it.
extension SuiteBuilder {
    /// The request of a step.
    func readRequest(_ entry: MappingFields.Entry) -> RequestSpec? {
        guard let fields = fields(entry.value, of: .request, allowed: Keys.request) else { return nil }
        var method = Located("GET", at: entry.keyLocation)
        if let node = fields.value("method"), let (text, positions) = scalar(node, expected: "an HTTP method") {
            if Keys.methods.contains(text) {
                method = Located(text, at: positions.valueStart)
            } else {
                let upper = text.uppercased()
                error(
                    "unknown HTTP method `\(text)`", at: node,
                    help: Keys.methods.contains(upper)
                        ? "did you mean `\(upper)`?" : "a method is one of \(Keys.methods.joined(separator: " "))")
            }
        }
        let target = readTarget(fields)
        var query: [(name: String, value: Template)] = []
        if let node = fields.value("query") {
            for item in pairs(node, label: "`query` maps parameter names to values") ?? [] {
                if let value = template(item.value) { query.append((item.key, value)) }
            }
        }
        var headers: [(name: String, value: Template)] = []
        if let node = fields.value("headers") {
            for item in pairs(node, label: "`headers` maps header names to values") ?? [] {
                checkHeaderName(item)
                if let value = template(item.value) { headers.append((item.key, value)) }
            }
        }
        let body = fields.value("body").flatMap { readRequestBody($0) }
        let auth = fields.value("auth").flatMap { readAuth($0) } ?? .session
        guard let target else { return nil }
        return RequestSpec(
            method: method, target: target, query: query, headers: headers, body: body, auth: auth,
            location: entry.keyLocation)
    }

    /// Exactly one of `path` (starts with `/`) and `url` (absolute).
    private func readTarget(_ fields: MappingFields) -> RequestSpec.Target? {
        let path = fields.entry("path")
        let url = fields.entry("url")
        if let path, let url {
            let second = path.keyLocation < url.keyLocation ? url : path
            error(
                "both `path` and `url` are given", at: second.keyLocation, width: second.keyWidth,
                label: "a request has exactly one of them",
                help: "`path` is relative to --base-url; `url` is absolute, e.g. a captured Href")
            return nil
        }
        if let path {
            guard let template = template(path.value) else { return nil }
            if case .literal(let text)? = template.segments.first, !text.hasPrefix("/") {
                let absolute = text.lowercased().hasPrefix("http://") || text.lowercased().hasPrefix("https://")
                error(
                    "a path starts with `/`", at: template.location,
                    width: max(1, template.source.unicodeScalars.count),
                    help: absolute ? "use `url:` for an absolute URL" : "write `/\(text)`")
            }
            return .path(template)
        }
        if let url {
            guard let template = template(url.value) else { return nil }
            if case .literal(let text)? = template.segments.first {
                let lower = text.lowercased()
                let schemeWritten = lower.hasPrefix("http://") || lower.hasPrefix("https://")
                let schemeContinues = template.segments.count > 1
                    && ("http://".hasPrefix(lower) || "https://".hasPrefix(lower))
                if !schemeWritten, !schemeContinues {
                    error(
                        "a url is absolute (`http://…` or `https://…`)", at: template.location,
                        width: max(1, template.source.unicodeScalars.count),
                        help: text.hasPrefix("/")
                            ? "use `path:` for a path relative to --base-url" : "start it with `https://`")
                }
            }
            return .url(template)
        }
        if !fields.suggested.isDisjoint(with: ["path", "url"]) { return nil }
        error("missing `path` or `url`", at: fields.location, label: "this request has no target",
              help: "add `path: /api/…` (relative to --base-url) or `url: \"{{captured_href}}\"`")
        return nil
    }

    /// `body:` — inline text or `{ file: relative/path }`.
    private func readRequestBody(_ node: YAMLNode) -> RequestSpec.Body? {
        if case .mapping = node {
            guard let fields = fields(node, of: .requestBody, allowed: Keys.requestBody, required: ["file"]),
                let fileNode = fields.value("file")
            else { return nil }
            guard let path = existingFile(fileNode, what: "body file") else { return nil }
            return .file(path: path.value, location: path.location)
        }
        guard case .scalar = node else {
            typeError(expected: "text or `{ file: path }`", found: node)
            return nil
        }
        return template(node).map { .inline($0) }
    }

    /// `auth:` — `session`, `none`, `basic` or `{ user, password }`.
    private func readAuth(_ node: YAMLNode) -> RequestSpec.Auth? {
        if case .mapping = node {
            guard let fields = fields(node, of: .auth, allowed: Keys.auth, required: ["user", "password"]),
                let user = fields.value("user").flatMap({ template($0) }),
                let password = fields.value("password").flatMap({ template($0) })
            else { return nil }
            return .basic(user: user, password: password)
        }
        guard let text = scalar(node, expected: "`session`, `none`, `basic` or `{ user, password }`")?.text else {
            return nil
        }
        switch text {
        case "session": return .session
        case "none": return RequestSpec.Auth.none
        case "basic": return .runCredentials
        default:
            let suggestion = Suggestion.closest(to: text, in: ["session", "none", "basic"])
            error(
                "unknown auth `\(text)`", at: node,
                help: suggestion.map { "did you mean `\($0)`?" }
                    ?? "`auth` is `session`, `none`, `basic` or `{ user: …, password: … }`")
            return nil
        }
    }

    /// HTTP field names are tokens (RFC 9110 §5.1).
    func checkHeaderName(_ entry: MappingFields.Entry) {
        if !Self.isValidHeaderName(entry.key) {
            error(
                "invalid header name `\(entry.key)`", at: entry.keyLocation, width: entry.keyWidth,
                help: "a header name has letters, digits and ! # $ % & ' * + - . ^ _ ` | ~, and no spaces")
        }
    }

    /// A non-empty RFC 9110 token.
    static func isValidHeaderName(_ name: String) -> Bool {
        !name.isEmpty
            && name.unicodeScalars.allSatisfy {
                $0.isASCIILetter || $0.isASCIIDigit || "!#$%&'*+-.^_`|~".unicodeScalars.contains($0)
            }
    }

    /// A path written in the file that must name an existing file; the result is absolute.
    func existingFile(_ node: YAMLNode, what: String) -> Located<String>? {
        guard let (text, positions) = scalar(node, expected: "a file path") else { return nil }
        let resolved = source.resolve(text)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory) else {
            error(
                "\(what) `\(text)` not found", at: node, label: "no such file",
                help: "paths are relative to the scenario file's folder")
            return nil
        }
        if isDirectory.boolValue {
            error("\(what) `\(text)` is a directory", at: node, label: "not a file")
            return nil
        }
        return Located(resolved, at: positions.valueStart)
    }

    /// A string with `{{variables}}`: placeholders parsed and checked against the known names.
    func template(_ node: YAMLNode) -> Template? {
        guard let (text, positions) = scalar(node) else { return nil }
        let (template, problems) = TemplateParser(source: source).parse(text, positions: positions)
        for problem in problems { report(problem) }
        for segment in template.segments {
            guard case .variable(let name, let location) = segment, !knownVariables.contains(name) else { continue }
            let suggestion = Suggestion.closest(to: name, in: knownVariables.sorted())
            error(
                "undefined variable `\(name)`", at: location, width: name.unicodeScalars.count,
                label: "not defined at this point",
                help: suggestion.map { "did you mean `\($0)`?" }
                    ?? "define it under `variables:`, capture it in an earlier step, or pass --var \(name)=VALUE")
        }
        return problems.isEmpty ? template : nil
    }
}
