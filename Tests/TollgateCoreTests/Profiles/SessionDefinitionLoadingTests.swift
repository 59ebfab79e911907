import Foundation
import Testing

@testable import TollgateCore

@Suite("Profiles: loading the declarative session")
struct SessionDefinitionLoadingTests {
    static let scenario = """
        scenarios:
          - name: s
            steps:
              - request: { path: /notes }

        """
    static let session = """
        session:
          logon:
            request: { method: POST, path: /login, body: '{"user": "{{user}}", "password": "{{password}}"}' }
          token: { json: "string(/json/token)" }
          send: { Authorization: "Bearer {{token}}" }
          logoff:
            request: { method: POST, path: /logout }
            status: 204
          rejected: [401, 403]

        """

    static func folder(_ files: [String: String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tollgate-session-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder.path
    }

    @Test("a tollgate.yaml beside the suite is the run's session and not a scenario file")
    func sessionFile() throws {
        let folder = try Self.folder(["tollgate.yaml": Self.session, "a.yaml": Self.scenario])
        let result = ScenarioLoader().load(paths: [folder])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.suites.map(\.name) == ["a"])
        let session = try #require(result.session)
        #expect(session.logon.method.value == "POST")
        #expect(session.logonStatuses == [200, 201])
        #expect(session.logoffStatuses == [204])
        #expect(session.rejectedStatuses == [401, 403])
        #expect(session.token.isSecret)
        #expect(session.send.map(\.name) == ["Authorization"])
        #expect(session.location.file.hasSuffix("tollgate.yaml"))
        // Given a file of the folder, the same tollgate.yaml is found.
        #expect(ScenarioLoader().load(paths: [folder + "/a.yaml"]).session != nil)
    }

    @Test("a session: block in a scenario file is the run's session; a second definition is an error")
    func twoDefinitions() throws {
        let single = ScenarioLoader().load(bytes: Array((Self.session + Self.scenario).utf8), file: "one.yaml")
        #expect(single.diagnostics.isEmpty, "\(single.diagnostics)")
        #expect(single.suites.first?.session != nil)

        let folder = try Self.folder(["tollgate.yaml": Self.session, "b.yaml": Self.session + Self.scenario])
        let result = ScenarioLoader().load(paths: [folder])
        #expect(result.hasErrors)
        #expect(result.session == nil)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.message == "a second session definition")
        #expect(diagnostic.location?.file.hasSuffix("b.yaml") == true)
        #expect(diagnostic.location?.line == 1)
        #expect(diagnostic.label?.contains("tollgate.yaml:1:1") == true)
    }

    @Test("`session: none` at the top level is explained; without a session nothing is chosen")
    func scenarioModeAtTopLevel() throws {
        let result = ScenarioLoader().load(bytes: Array(("session: none\n" + Self.scenario).utf8), file: "x.yaml")
        #expect(result.diagnostics.map(\.message) == ["a top-level `session:` describes how the run logs on, found `none`"])
        #expect(result.diagnostics.first?.help == "`session: none` belongs to a scenario: put it under the scenario")
        #expect(ScenarioLoader().load(bytes: Array(Self.scenario.utf8), file: "y.yaml").session == nil)
    }

    @Test("--profile: the default follows the files; declarative needs a definition; unknown names are refused")
    func selection() throws {
        let definition = try #require(ScenarioLoader().load(bytes: Array((Self.session + Self.scenario).utf8), file: "one.yaml").session)
        #expect(try ProfileChoice.select(named: nil, session: nil).name == "enterprise-manager")
        #expect(try ProfileChoice.select(named: nil, session: definition).name == "declarative")
        #expect(try ProfileChoice.select(named: "enterprise-manager", session: definition).name == "enterprise-manager")
        #expect(throws: ProfileChoice.SelectionError.noSessionDefinition) {
            try ProfileChoice.select(named: "declarative", session: nil)
        }
        #expect(throws: ProfileChoice.SelectionError.unknownName("veeam")) {
            try ProfileChoice.select(named: "veeam", session: nil)
        }
    }
}
