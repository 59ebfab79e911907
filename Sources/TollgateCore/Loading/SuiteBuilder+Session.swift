import Foundation
import TollgateFrontEnd

/// The declarative profile's `session:` block (``SessionDefinition``), in a scenario file or in a
/// `tollgate.yaml` beside the suite. Checked with the same machinery as steps: the logon and logoff are
/// `request:` mappings, the token is a capture source, `status` is a step's `expect.status`.
extension SuiteBuilder {
    /// The keys of `session:`.
    static let sessionKeys = ["logoff", "logon", "token", "send", "rejected"]
    /// The keys of `logon:` and `logoff:`.
    static let sessionRequestKeys = ["request", "status"]
    /// The top-level keys of a `tollgate.yaml`.
    static let sessionFileKeys = ["session", "namespaces", "variables"]

    /// Checks a `tollgate.yaml` (top level: `session:`, optional `namespaces:` and `variables:`).
    func buildSessionFile(root: YAMLNode) -> SessionDefinition? {
        guard case .mapping = root else {
            error(
                "the top level of \(SessionDefinition.fileName) must be a mapping, found \(root.kindDescription)",
                at: root, help: "start the file with `session:`")
            return nil
        }
        guard
            let fields = fields(
                root, of: .sessionFile, allowed: Self.sessionFileKeys, required: ["session"],
                hints: ["scenarios": "scenarios go in their own files; \(SessionDefinition.fileName) holds the session"])
        else { return nil }
        if let node = fields.value("namespaces") { readNamespaces(node) }
        if let node = fields.value("variables") { readVariables(node) }
        return fields.entry("session").flatMap { readSession($0) }
    }

    /// `session:` — call after `namespaces:` and `variables:` are read.
    func readSession(_ entry: MappingFields.Entry) -> SessionDefinition? {
        if case .scalar = entry.value, let text = scalar(entry.value)?.text, SessionMode(rawValue: text) != nil {
            error(
                "a top-level `session:` describes how the run logs on, found `\(text)`", at: entry.value,
                help: "`session: \(text)` belongs to a scenario: put it under the scenario")
            return nil
        }
        guard
            let fields = fields(
                entry.value, of: .session, allowed: Self.sessionKeys, required: ["logon", "token", "send"])
        else { return nil }
        let base = Set(fileVariables.keys).union(options.externalVariables).union(LoadOptions.builtInVariables)

        knownVariables = base.union(SessionDefinition.logonVariables)
        let logon = fields.entry("logon").flatMap { readSessionRequest($0) }

        var token: Capture?
        if let tokenEntry = fields.entry("token") {
            token = readCapture(tokenEntry)
            token?.isSecret = true
        }

        knownVariables = base.union([SessionDefinition.tokenVariable])
        var send: [(name: String, value: Template)] = []
        if let node = fields.value("send") {
            let items = pairs(node, label: "`send` maps header names to values, e.g. `Authorization: Bearer {{token}}`")
            for item in items ?? [] {
                checkHeaderName(item)
                if let value = template(item.value) { send.append((item.key, value)) }
            }
            if let items, items.isEmpty {
                error("`send` is empty", at: node, help: "write the header that carries the token, e.g. `Authorization: Bearer {{token}}`")
            } else if let items, send.count == items.count,
                send.allSatisfy({ Set($0.value.variableNames).isSubset(of: knownVariables) }),
                !send.contains(where: { $0.value.variableNames.contains(SessionDefinition.tokenVariable) })
            {
                error(
                    "`send` never uses `{{token}}`", at: node,
                    help: "the token must go somewhere, e.g. `Authorization: Bearer {{token}}`")
            }
        }
        let logoff = fields.entry("logoff").flatMap { readSessionRequest($0) }
        var rejected = [401]
        if let node = fields.value("rejected"), let statuses = readStatus(node) { rejected = statuses.value }
        knownVariables = base

        guard let logon, let token, !send.isEmpty else { return nil }
        var definition = SessionDefinition(
            logon: logon.request, token: token, send: send, rejectedStatuses: rejected, variables: fileVariables,
            location: entry.keyLocation)
        if let statuses = logon.statuses { definition.logonStatuses = statuses }
        if let logoff {
            definition.logoff = logoff.request
            if let statuses = logoff.statuses { definition.logoffStatuses = statuses }
        }
        return definition
    }

    /// `logon:` / `logoff:` — `request:` (as in a step) and the `status` meaning success.
    private func readSessionRequest(_ entry: MappingFields.Entry) -> (request: RequestSpec, statuses: [Int]?)? {
        guard
            let fields = fields(
                entry.value, of: entry.key == "logon" ? .logon : .logoff, allowed: Self.sessionRequestKeys,
                required: ["request"], hints: ["method": "`method` belongs under `request:`", "path": "`path` belongs under `request:`"])
        else { return nil }
        let request = fields.entry("request").flatMap { readRequest($0) }
        let statuses = fields.value("status").flatMap { readStatus($0) }?.value
        return request.map { ($0, statuses) }
    }
}
