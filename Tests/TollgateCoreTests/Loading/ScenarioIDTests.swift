import Foundation
import Testing
@testable import TollgateCore

/// Scenario and step ids: explicit `id:`, the documented derivation, and duplicates as load errors with carets.
@Suite("Scenario ids")
struct ScenarioIDTests {
    let renderer = DiagnosticRenderer(useColor: false)

    private func load(_ text: String, file: String = "Specs/veeam/inline.yaml") -> LoadResult {
        ScenarioLoader().load(bytes: Array(text.utf8), file: file)
    }

    @Test("derived ids: file stem without Specs/ and extension, then the slug of the name; step ids by section and position")
    func derived() throws {
        let result = load("""
            scenarios:
              - name: "Toggle it, twice!  (ÄÖ)"
                setup:
                  - request: { path: /a }
                steps:
                  - request: { path: /b }
                  - request: { path: /c }
                teardown:
                  - request: { path: /d }
            """)
        #expect(!result.hasErrors, "\(result.diagnostics.map { renderer.render($0) })")
        let scenario = try #require(result.suites.first?.scenarios.first)
        #expect(scenario.id == "veeam/inline/toggle-it-twice-äö")
        #expect(scenario.setup.map(\.id) == ["veeam/inline/toggle-it-twice-äö#setup.1"])
        #expect(scenario.steps.map(\.id) == ["veeam/inline/toggle-it-twice-äö#steps.1", "veeam/inline/toggle-it-twice-äö#steps.2"])
        #expect(scenario.teardown.map(\.id) == ["veeam/inline/toggle-it-twice-äö#teardown.1"])
        #expect(ScenarioID.derived(file: "./Specs/a/b.yml", name: "X") == "a/b/x")
        #expect(ScenarioID.derived(file: FileManager.default.currentDirectoryPath + "/Specs/t.yaml", name: "?!") == "t/scenario")
    }

    @Test("an explicit id is used as written")
    func explicit() throws {
        let result = load("""
            scenarios:
              - name: first
                id: em/logon.basic-401
                steps:
                  - request: { path: /a }
            """)
        #expect(!result.hasErrors)
        let scenario = try #require(result.suites.first?.scenarios.first)
        #expect(scenario.id == "em/logon.basic-401")
        #expect(scenario.steps[0].id == "em/logon.basic-401#steps.1")
    }

    @Test("invalid and duplicate ids are load errors with carets")
    func problems() throws {
        let result = load("""
            scenarios:
              - name: one
                id: "-bad id"
                steps:
                  - request: { path: /a }
              - name: two
                id: same
                steps:
                  - request: { path: /a }
              - name: three
                id: same
                steps:
                  - request: { path: /a }
              - name: a b
                steps:
                  - request: { path: /a }
              - name: A-B
                steps:
                  - request: { path: /a }
            """)
        let rendered = result.diagnostics.map { renderer.render($0) }
        #expect(result.hasErrors)
        #expect(rendered.count == 3, "\(rendered)")
        #expect(rendered[0].contains("error: invalid scenario id `-bad id`"))
        #expect(rendered[0].contains("an id starts with an ASCII letter or digit"))
        #expect(rendered[1].contains("error: duplicate scenario id `same`"))
        #expect(rendered[1].contains("--> Specs/veeam/inline.yaml:11:9"), "\(rendered[1])")
        #expect(rendered[1].contains("^^^^ already used at line 6"), "\(rendered[1])")
        #expect(rendered[2].contains("error: duplicate scenario id `veeam/inline/a-b`"))
        #expect(rendered[2].contains("give one of the scenarios an explicit `id:`"))
    }

    @Test("the same id in two files is a load error naming the first place")
    func acrossFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tollgate-ids-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["a", "b"] {
            try """
                scenarios:
                  - name: scenario in \(name)
                    id: shared-id
                    steps:
                      - request: { path: /a }
                """.write(to: folder.appendingPathComponent("\(name).yaml"), atomically: true, encoding: .utf8)
        }
        let result = ScenarioLoader().load(paths: [folder.path])
        let rendered = result.diagnostics.map { renderer.render($0) }
        #expect(result.hasErrors)
        #expect(rendered.count == 1, "\(rendered)")
        #expect(rendered.first?.contains("error: duplicate scenario id `shared-id`") == true)
        #expect(rendered.first?.contains("b.yaml:2:5") == true, "\(rendered)")
        #expect(rendered.first?.contains("already used at \(folder.path)/a.yaml:2:5") == true, "\(rendered)")
    }
}
