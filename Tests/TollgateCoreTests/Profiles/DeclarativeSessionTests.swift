import Foundation
import Testing

@testable import TollgateCore

@Suite("Profiles: the declarative session at run time")
struct DeclarativeSessionTests {
    typealias M = TestModel

    static let token = "hdr-token-0123456789abcdef"

    /// Logon answers the token in a header; requests need `X-Api-Key`; there is no logoff.
    static func definition() throws -> SessionDefinition {
        let text = """
            session:
              logon:
                request: { method: POST, path: /auth, auth: basic }
                status: 201
              token: { header: X-Issued-Token }
              send: { X-Api-Key: "{{token}}" }
              rejected: 403
            scenarios:
              - name: s
                steps:
                  - request: { path: /x }
            """
        return try #require(ScenarioLoader().load(bytes: Array(text.utf8), file: "d.yaml").session)
    }

    @Test("token from a header, sent in the send header; 403 is a rejected session; no logoff is a warning")
    func headerToken() async throws {
        let server = try await FaultServer.start { request in
            if request.method == "POST", request.path == "/auth" {
                guard request.header("Authorization")?.hasPrefix("Basic ") == true else { return .empty(401) }
                return .empty(201, headers: [("X-Issued-Token", Self.token)])
            }
            if request.path == "/open" { return request.header("X-Api-Key") == Self.token ? .empty(200) : .empty(400) }
            return .empty(403)
        }
        var configuration = RunnerTestSupport.configuration(server.baseURL)
        configuration.profile = .declarative(try Self.definition())
        let scenarios = [
            M.scenario("open", steps: [M.step("open", M.request(path: "/open"), expect: Expectations(status: M.status(200)))]),
            M.scenario("closed", steps: [M.step("closed", M.request(path: "/closed"), expect: Expectations(status: M.status(200)))]),
        ]
        let (report, events, masker) = await RunnerTestSupport.run([M.suite("s", scenarios)], configuration)
        await server.stop()
        #expect(report.scenarios[0].outcome.isPassed)
        #expect(report.scenarios[1].outcome.isErrored)
        let finding = try #require(report.scenarios[1].outcome.finding)
        #expect(finding.message == "session expired or rejected (403)")
        #expect(finding.notes.first == "the run's token (X-Api-Key) was sent and refused; Tollgate does not log on again")
        #expect(server.requests.filter { $0.path == "/auth" }.count == 1)
        #expect(report.fingerprint.isEmpty)
        #expect(events.all.contains {
            if case .loggedOff(false, "logoff skipped: the session definition has no `logoff`"?) = $0 { return true }
            return false
        })
        #expect(masker("x \(Self.token) y") == "x *** y")
        #expect(!RunnerTestSupport.dumpText(report).contains(Self.token))
    }
}
