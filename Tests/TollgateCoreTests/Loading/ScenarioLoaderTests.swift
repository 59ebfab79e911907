import Foundation
import Testing
@testable import TollgateCore

@Suite("Scenario loading")
struct ScenarioLoaderTests {
    let renderer = DiagnosticRenderer(useColor: false)

    private func load(_ text: String, file: String = "inline.yaml", options: LoadOptions = LoadOptions()) -> LoadResult {
        ScenarioLoader(options: options).load(bytes: Array(text.utf8), file: file)
    }

    private func messages(_ result: LoadResult) -> [String] {
        result.diagnostics.map(\.message)
    }

    @Test("the full example file loads into the expected model")
    func fullExample() throws {
        let path = LoadingFixtures.path("valid/agent-jobs.yaml")
        let result = ScenarioLoader().load(paths: [path])
        #expect(result.diagnostics.map { renderer.render($0) } == [])
        #expect(!result.hasErrors)
        let suite = try #require(result.suites.first)
        #expect(result.suites.count == 1)
        #expect(suite.name == "Agent job schedule")
        #expect(suite.file == path)
        #expect(suite.namespaces == ["em": "http://www.veeam.com/ent/v1.0"])
        #expect(suite.variables["accept"] == Located("application/xml", at: SourceLocation(file: path, line: 6, column: 11)))
        #expect(suite.variables["page_size"]?.value == "50")
        #expect(suite.sourceLines.count == 70)
        #expect(suite.sourceLine(2) == "name: Agent job schedule")
        #expect(suite.scenarios.map(\.name) == [
            "toggling the schedule returns a running UpdateJob task", "logon without credentials is refused",
        ])

        let toggle = suite.scenarios[0]
        #expect(toggle.tags == ["smoke", "agents"])
        #expect(toggle.session == .shared)
        #expect(toggle.skipReason == nil)
        #expect(toggle.location == SourceLocation(file: path, line: 9, column: 5))
        #expect(toggle.setup.count == 1)
        #expect(toggle.steps.count == 2)
        #expect(toggle.teardown.count == 1)

        let list = toggle.setup[0]
        #expect(list.name == "list agent jobs")
        #expect(list.request.method.value == "GET")
        #expect(list.request.target == .path(.literal("/api/agents/jobs", at: SourceLocation(file: path, line: 13, column: 39))))
        #expect(list.request.query.map(\.name) == ["pageSize"])
        #expect(list.request.query.first?.value.variableNames == ["page_size"])
        #expect(list.expect.status?.value == [200, 204])
        #expect(list.expect.headers.map(\.name) == ["Content-Type"])
        #expect(list.expect.headers.first?.predicate == .matches("^application/xml"))
        #expect(list.captures.map(\.name) == ["job_url"])
        if case .xpath(let query)? = list.captures.first?.source {
            #expect(query.source == "string((/em:EntityReferences/em:Ref/@Href)[1])")
            #expect(query.location == SourceLocation(file: path, line: 19, column: 20))
        } else {
            Issue.record("job_url should be an XPath capture")
        }

        let toggleStep = toggle.steps[0]
        #expect(toggleStep.request.method == Located("POST", at: SourceLocation(file: path, line: 23, column: 19)))
        guard case .url(let url) = toggleStep.request.target else {
            Issue.record("toggle it should have a url")
            return
        }
        #expect(url.source == "{{job_url}}?action=toggleScheduleEnabled")
        #expect(url.segments == [
            .variable(name: "job_url", location: SourceLocation(file: path, line: 24, column: 19)),
            .literal("?action=toggleScheduleEnabled"),
        ])
        #expect(toggleStep.request.headers.map(\.name) == ["Accept"])
        #expect(toggleStep.request.body == .file(
            path: LoadingFixtures.path("support/toggle.xml"), location: SourceLocation(file: path, line: 26, column: 25)))
        #expect(toggleStep.request.auth == .session)
        #expect(toggleStep.expect.status?.value == [202])
        #expect(toggleStep.expect.xpath.map(\.predicate) == [
            .equals(.string("Running")), .count(1), .notEquals(.string("Delete")), .greaterOrEqual(0), .exists(false),
        ])
        #expect(toggleStep.expect.xpath[0].query.source == "string(/em:Task/em:State)")
        #expect(toggleStep.expect.xpath[0].query.location == SourceLocation(file: path, line: 30, column: 25))
        #expect(toggleStep.expect.xpath[0].location == SourceLocation(file: path, line: 30, column: 15))
        #expect(toggleStep.expect.body.map(\.predicate) == [.contains("<Task")])
        #expect(toggleStep.expect.schema?.value == LoadingFixtures.path("support/enterprise-manager.xsd"))
        #expect(toggleStep.captures.map(\.name) == ["task_url", "session", "task_id"])
        #expect(toggleStep.captures.map(\.isSecret) == [false, true, false])
        if case .header(let header)? = toggleStep.captures.dropFirst().first?.source {
            #expect(header == "X-RestSvcSessionId")
        } else {
            Issue.record("session should be a header capture")
        }
        if case .regex(let pattern, let group)? = toggleStep.captures.last?.source {
            #expect(pattern == "task-([0-9]+)")
            #expect(group == 1)
        } else {
            Issue.record("task_id should be a regex capture")
        }

        let wait = toggle.steps[1]
        #expect(wait.request.target == .url(Template(
            source: "{{ task_url }}", location: SourceLocation(file: path, line: 43, column: 39),
            segments: [.variable(name: "task_url", location: SourceLocation(file: path, line: 43, column: 42))])))
        let poll = try #require(wait.poll)
        #expect(poll.until.source == "string(/em:Task/em:State) = 'Finished'")
        #expect(poll.failWhen?.source == "/em:Task/em:Result/@Success = 'false'")
        #expect(poll.bodyKind == .xml)
        #expect(poll.interval == .milliseconds(200))
        #expect(poll.timeout == .seconds(90))
        #expect(poll.location == SourceLocation(file: path, line: 44, column: 9))
        #expect(wait.expect.xpath.map(\.predicate) == [
            .equals(.string("true")), .equals(.number(2)), .equals(.boolean(true)),
        ])

        let teardown = toggle.teardown[0]
        #expect(teardown.name == "DELETE {{task_url}}")
        guard case .basic(let user, let password) = teardown.request.auth else {
            Issue.record("teardown should use literal Basic credentials")
            return
        }
        #expect(user.variableNames == ["accept"])
        #expect(password.segments == [.literal("secret")])

        let refused = suite.scenarios[1]
        #expect(refused.session == SessionMode.none)
        #expect(refused.skipReason == "the built-in server always accepts")
        #expect(refused.steps.first?.name == "GET /api/agents/jobs")
        #expect(refused.steps.first?.request.auth == RequestSpec.Auth.none)
        #expect(refused.steps.first?.expect.headers.first?.predicate == .equals(.string("Basic Realm=RestSvc")))
        #expect(refused.steps.first?.expect.json.first?.predicate == .matches("denied|refused"))
    }

    @Test("a file without a name takes its file name")
    func defaultSuiteName() throws {
        let result = load("scenarios:\n  - name: a\n    steps:\n      - request: { path: /x }\n", file: "dir/smoke-test.yml")
        #expect(result.diagnostics.isEmpty)
        #expect(try #require(result.suites.first).name == "smoke-test")
    }

    @Test("every error of a file is reported, in line order")
    func allErrorsInLineOrder() {
        let text = """
            scenarios:
              - name: a
                steps:
                  - request: { method: get, path: /x }
                    expect:
                      stauts: 200
                      xpath:
                        - { query: "string(/v:Task)", equals: x }
                    poll: { until: "true()", interval: 5 }
                  - request: { url: "{{nope}}" }
              - name: a
                tags: smoke
                steps: []
            """
        let result = load(text)
        #expect(result.hasErrors)
        #expect(result.suites.isEmpty)
        #expect(messages(result) == [
            "unknown HTTP method `get`",
            "unknown key `stauts`",
            "undeclared namespace prefix 'v'",
            "duration `5` has no unit",
            "undefined variable `nope`",
            "duplicate scenario name `a`",
            "expected a list, found a string",
            "`steps` is empty",
        ])
        let lines = result.diagnostics.compactMap { $0.location?.line }
        #expect(lines == [4, 6, 8, 9, 10, 11, 12, 13])
    }

    @Test("an XPath fault in a quoted flow-style scalar points at the right column")
    func xpathColumnInFlowStyle() throws {
        let line = #"            - { query: "string(/v:Task/v:State)", equals: Running }"#
        let text = "namespaces: { em: urn:em }\nscenarios:\n  - name: a\n    steps:\n      - request: { path: /x }\n"
            + "        expect:\n          xpath:\n" + line + "\n"
        let result = load(text, file: "Specs/veeam-em/tasks.yaml")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1)
        #expect(diagnostic.location == SourceLocation(file: "Specs/veeam-em/tasks.yaml", line: 8, column: 33))
        #expect(renderer.render(diagnostic) == """
            error: undeclared namespace prefix 'v'
             --> Specs/veeam-em/tasks.yaml:8:33
              |
            8 |             - { query: "string(/v:Task/v:State)", equals: Running }
              |                                 ^ declare it under `namespaces:`
              = help: did you mean `em`?
            """)
    }

    @Test("XPath columns follow escapes, doubled quotes and plain scalars",
          arguments: [
            // (the line with the XPath, the column of the undeclared prefix `v`)
            (#"          until: "concat(\"a\", \"b\", string(/v:x))""#, 48),
            (#"          until: 'concat(''a'', ''b'', string(/v:x))'"#, 48),
            (#"          until: concat('a', 'b', string(/v:x))"#, 43),
            (#"          until: { x: 1 }"#, 18),
          ])
    func xpathColumns(line: String, column: Int) throws {
        let text = "scenarios:\n  - name: a\n    steps:\n      - request: { path: /x }\n        poll:\n" + line + "\n"
        let result = load(text)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.location?.line == 6)
        #expect(diagnostic.location?.column == column, "\(renderer.render(diagnostic))")
    }

    @Test("equals values are typed by how they are written")
    func typedEquals() throws {
        let text = """
            scenarios:
              - name: a
                steps:
                  - request: { path: /x }
                    expect:
                      xpath:
                        - { query: "x", equals: 3 }
                        - { query: "x", equals: "3" }
                        - { query: "x", equals: -1.5 }
                        - { query: "x", equals: true }
                        - { query: "x", equals: 'false' }
                        - { query: "x", equals: yes }
                        - { query: "x", equals: 0x1F }
                        - { query: "x", equals: Running }
                        - { query: "x", not-equals: 1e3 }
            """
        let result = load(text)
        #expect(result.diagnostics.isEmpty)
        let xpath = try #require(result.suites.first?.scenarios.first?.steps.first?.expect.xpath)
        #expect(xpath.map(\.predicate) == [
            .equals(.number(3)), .equals(.string("3")), .equals(.number(-1.5)), .equals(.boolean(true)),
            .equals(.string("false")), .equals(.string("yes")), .equals(.string("0x1F")), .equals(.string("Running")),
            .notEquals(.number(1000)),
        ])
    }

    @Test("captures define variables for later steps only, in setup → steps → teardown order")
    func captureOrder() {
        let text = """
            scenarios:
              - name: a
                setup:
                  - request: { path: "/{{late}}" }
                    capture: { early: "string(/a)" }
                steps:
                  - request: { path: "/{{early}}" }
                    capture: { late: "string(/b)" }
                  - request: { path: "/{{late}}/{{base_url}}/{{outside}}" }
                teardown:
                  - request: { path: "/{{early}}/{{late}}" }
              - name: b
                steps:
                  - request: { path: "/{{early}}" }
            """
        let result = load(text, options: LoadOptions(externalVariables: ["outside"]))
        #expect(messages(result) == ["undefined variable `late`", "undefined variable `early`"])
        #expect(result.diagnostics.compactMap { $0.location?.line } == [4, 14])
    }

    @Test("template placeholders carry the location of their name")
    func templateLocations() throws {
        let text = "variables: { a: 1, b: 2 }\nscenarios:\n  - name: x\n    steps:\n      - request:\n"
            + "          path: /p/{{a}}/q/{{ b }}\n"
        let result = load(text)
        let template = try #require(result.suites.first?.scenarios.first?.steps.first?.request.target)
        #expect(template == .path(Template(
            source: "/p/{{a}}/q/{{ b }}", location: SourceLocation(file: "inline.yaml", line: 6, column: 17),
            segments: [
                .literal("/p/"), .variable(name: "a", location: SourceLocation(file: "inline.yaml", line: 6, column: 22)),
                .literal("/q/"), .variable(name: "b", location: SourceLocation(file: "inline.yaml", line: 6, column: 31)),
            ])))
    }

    @Test("missing paths, empty folders and folder recursion")
    func paths() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tollgate-loading-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("specs/b"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("specs/.hidden"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let valid = "scenarios:\n  - name: a\n    steps:\n      - request: { path: /x }\n"
        try valid.write(to: root.appendingPathComponent("specs/b/two.yml"), atomically: true, encoding: .utf8)
        try valid.write(to: root.appendingPathComponent("specs/a.yaml"), atomically: true, encoding: .utf8)
        try valid.write(to: root.appendingPathComponent("specs/.hidden/x.yaml"), atomically: true, encoding: .utf8)
        try "not yaml".write(to: root.appendingPathComponent("specs/readme.txt"), atomically: true, encoding: .utf8)
        try "scenarios: 3\n".write(to: root.appendingPathComponent("specs/c.yaml"), atomically: true, encoding: .utf8)

        let specs = root.appendingPathComponent("specs").path
        let result = ScenarioLoader().load(paths: [
            specs, root.appendingPathComponent("missing.yaml").path, root.appendingPathComponent("empty").path,
            specs + "/a.yaml",
        ])
        #expect(result.suites.map(\.file) == [specs + "/a.yaml", specs + "/b/two.yml"])
        #expect(result.diagnostics.map(\.message) == [
            "expected a list, found a number",
            "no such file or directory: \(root.path)/missing.yaml",
            "no scenario files (*.yaml, *.yml) in directory \(root.path)/empty",
        ])
        #expect(result.diagnostics.first?.location?.file == specs + "/c.yaml")
    }

    @Test("a file over the default 4 MiB limit is one diagnostic")
    func hugeFile() {
        var bytes = Array("scenarios:\n".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "#"), count: 5 << 20)
        let result = ScenarioLoader().load(bytes: bytes, file: "huge.yaml")
        #expect(messages(result) == ["file too large: 5 MiB, the limit is 4 MiB"])
    }

    @Test("arbitrary bytes never crash the loader")
    func fuzz() {
        var generator = SeededGenerator(seed: 0x5EED)
        let seeds = [
            "scenarios:\n  - name: a\n    steps:\n      - request: { path: /x }\n",
            "a: [1, {b: \"c\\u0041\"}]\n'k': |\n  text\n",
            "{{ }} :: - [ ] { } & * ! | > ' \" % @ `\n",
        ]
        let alphabet = Array("{}[]:,-#&*!|>'\"%@` \n\t\\ux0aZ{{}}".utf8) + [0xC3, 0xA9, 0xFF, 0x00, 0xE2]
        var loaded = 0
        for round in 0..<600 {
            var bytes = Array(seeds[round % seeds.count].utf8)
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                let position = Int.random(in: 0...bytes.count, using: &generator)
                let byte = alphabet.randomElement(using: &generator) ?? 0x20
                if Bool.random(using: &generator), position < bytes.count {
                    bytes[position] = byte
                } else {
                    bytes.insert(byte, at: position)
                }
            }
            let result = ScenarioLoader().load(bytes: bytes, file: "fuzz.yaml")
            #expect(result.hasErrors || !result.suites.isEmpty)
            for diagnostic in result.diagnostics {
                _ = renderer.render(diagnostic)
            }
            loaded += 1
        }
        #expect(loaded == 600)
    }
}

/// A small deterministic random number generator (SplitMix64) so fuzz runs are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
