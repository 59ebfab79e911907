import TollgateFrontEnd

/// Top-level sections, scenarios and steps.
extension SuiteBuilder {
    /// `namespaces:` — prefix → URI.
    func readNamespaces(_ node: YAMLNode) {
        guard let entries = pairs(node, label: "`namespaces` maps prefixes to URIs") else { return }
        for entry in entries {
            guard let (uri, _) = scalar(entry.value, expected: "a namespace URI") else { continue }
            if let problem = namespaceBindingProblem(prefix: entry.key, uri: uri) {
                if uri.isEmpty {
                    error("empty namespace URI for prefix `\(entry.key)`", at: entry.value, label: problem)
                } else {
                    let message =
                        entry.key.isEmpty ? "empty namespace prefix" : "invalid namespace prefix `\(entry.key)`"
                    error(message, at: entry.keyLocation, width: entry.keyWidth, label: problem)
                }
                continue
            }
            namespaces[entry.key] = uri
        }
    }

    /// `variables:` — name → scalar, kept as text.
    func readVariables(_ node: YAMLNode) {
        guard let entries = pairs(node, label: "`variables` maps names to values") else { return }
        for entry in entries {
            if !TemplateParser.isValidName(entry.key) {
                error(
                    "invalid variable name `\(entry.key)`", at: entry.keyLocation, width: entry.keyWidth,
                    help: "a name starts with a letter or `_` and goes on with letters, digits, `_`, `.` or `-`")
                continue
            }
            guard
                let (text, positions) = scalar(
                    entry.value, expected: "a value (string, number or boolean)",
                    help: entry.value.isNull ? "write `\(entry.key): \"\"` for an empty value" : nil)
            else { continue }
            fileVariables[entry.key] = Located(text, at: positions.valueStart)
        }
    }

    /// `scenarios:` — a non-empty list with unique names.
    func readScenarios(_ node: YAMLNode) -> [Scenario] {
        guard let items = list(node, label: "`scenarios` is a list of scenarios") else { return [] }
        if items.isEmpty {
            error("`scenarios` is empty", at: node, help: "add at least one scenario with `name:` and `steps:`")
        }
        var seen: [String: Int] = [:]
        var seenIDs: [String: Int] = [:]
        return items.compactMap { readScenario($0, seenNames: &seen, seenIDs: &seenIDs) }
    }

    /// One scenario; its steps are checked in run order (setup, steps, teardown) for variables.
    func readScenario(_ node: YAMLNode, seenNames: inout [String: Int], seenIDs: inout [String: Int]) -> Scenario? {
        guard
            let fields = fields(
                node, of: .scenario, allowed: Keys.scenario, required: ["name", "steps"],
                hints: Keys.hintsInScenario)
        else { return nil }
        var name: String?
        var nameIsDuplicate = false
        if let nameNode = fields.value("name"), let located = string(nameNode) {
            name = located.value
            if let line = seenNames[located.value] {
                nameIsDuplicate = true
                error(
                    "duplicate scenario name `\(located.value)`", at: nameNode,
                    label: "already used at line \(line)",
                    help: "scenario names are unique in a file: they name the JUnit test cases")
            } else {
                seenNames[located.value] = located.location.line
            }
        }
        var explicitID: String?
        if let idNode = fields.value("id"), let located = string(idNode) {
            if let problem = ScenarioID.problem(with: located.value) {
                error("invalid scenario id `\(located.value)`", at: idNode, label: problem)
            } else {
                explicitID = located.value
            }
        }
        var tags: [String] = []
        if let tagsNode = fields.value("tags") {
            let items = list(tagsNode, help: tagsNode.isNull ? nil : "write `tags: [smoke, agents]`") ?? []
            tags = items.compactMap { string($0)?.value }
        }
        var session = SessionMode.shared
        if let sessionNode = fields.value("session"), let text = scalar(sessionNode)?.text {
            if let mode = SessionMode(rawValue: text) {
                session = mode
            } else {
                error(
                    "unknown session mode `\(text)`", at: sessionNode,
                    help: "`session` is \(Suggestion.list(SessionMode.allCases.map(\.rawValue)))")
            }
        }
        var skipReason: String?
        if let skipNode = fields.value("skip") {
            skipReason = scalar(
                skipNode, expected: "the reason for skipping", help: "write `skip: \"why it is skipped\"`")?.text
            if case .scalar(let scalar) = skipNode, scalar.isPlain, Self.boolean(scalar.string) != nil {
                error(
                    "expected the reason for skipping, found a boolean", at: skipNode,
                    help: "write `skip: \"why it is skipped\"`")
            }
        }
        knownVariables = Set(fileVariables.keys)
            .union(options.externalVariables).union(LoadOptions.builtInVariables)
        let setup = fields.value("setup").map { readSteps($0, section: "setup") } ?? []
        let steps = fields.value("steps").map { readSteps($0, section: "steps", nonEmpty: true) } ?? []
        let teardown = fields.value("teardown").map { readSteps($0, section: "teardown") } ?? []
        guard let name else { return nil }
        let id = explicitID ?? ScenarioID.derived(file: source.path, name: name)
        if let line = seenIDs[id], !nameIsDuplicate, let idNode = fields.value("id") ?? fields.value("name") {
            error(
                "duplicate scenario id `\(id)`", at: idNode, label: "already used at line \(line)",
                help: explicitID == nil
                    ? "the id is derived from the name; give one of the scenarios an explicit `id:`"
                    : "scenario ids are unique in a run: the run record and its comparisons key on them")
        } else {
            seenIDs[id] = fields.location.line
        }
        return Scenario(
            id: id, name: name, location: fields.location, tags: tags, session: session, skipReason: skipReason,
            setup: setup, steps: steps, teardown: teardown)
    }

    /// A list of steps; captures become known to the following steps.
    func readSteps(_ node: YAMLNode, section: String, nonEmpty: Bool = false) -> [Step] {
        guard let items = list(node, label: "`\(section)` is a list of steps") else { return [] }
        if nonEmpty, items.isEmpty {
            error("`\(section)` is empty", at: node, help: "add at least one step with a `request:`")
        }
        return items.compactMap { readStep($0) }
    }

    /// One step.
    func readStep(_ node: YAMLNode) -> Step? {
        guard
            let fields = fields(
                node, of: .step, allowed: Keys.step, required: ["request"], hints: Keys.hintsInStep)
        else { return nil }
        let name = fields.value("name").flatMap { string($0) }?.value
        let request = fields.entry("request").flatMap { readRequest($0) }
        let poll = fields.entry("poll").flatMap { readPoll($0) }
        let expect = fields.value("expect").map { readExpect($0) } ?? Expectations()
        let (captures, captureNames) = fields.value("capture").map { readCaptures($0) } ?? ([], [])
        knownVariables.formUnion(captureNames)
        guard let request else { return nil }
        let target: String
        switch request.target {
        case .path(let template), .url(let template): target = template.source
        }
        return Step(
            name: name ?? "\(request.method.value) \(target)", location: fields.location, request: request,
            poll: poll, expect: expect, captures: captures)
    }

}
