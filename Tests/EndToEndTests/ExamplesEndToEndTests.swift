import Foundation
import Testing

/// `Examples/notes`: a suite for a non-Veeam token API, using the declarative profile (its
/// `tollgate.yaml`), run by the real binary against `NotesServer` on 127.0.0.1.
@Suite("Examples: the declarative profile end to end")
struct ExamplesEndToEndTests {
    static let password = "notes-Pa55-\(UUID().uuidString.prefix(8))"

    static func run(against server: NotesServer, extra: [String] = []) async throws -> (TollgateProcess.Outcome, String) {
        let folder = try TollgateProcess.temporaryFolder()
        let junit = folder.appendingPathComponent("junit.xml")
        let outcome = try await server.serve { url in
            try await TollgateProcess.run(
                ["run", "Examples/notes", "--base-url", url, "--user", NotesServer.user, "--junit", junit.path] + extra,
                environment: ["TOLLGATE_PASSWORD": password])
        }
        return (outcome, (try? String(contentsOf: junit, encoding: .utf8)) ?? "")
    }

    @Test("green against a correct notes server: logon once, Bearer token, logoff; no token or password printed")
    func green() async throws {
        let server = NotesServer(password: Self.password)
        let (outcome, report) = try await Self.run(against: server)
        #expect(outcome.status == 0, "stdout:\n\(outcome.stdout)\nstderr:\n\(outcome.stderr)")
        #expect(outcome.stdout.contains("Summary: 3 passed, 0 failed, 0 errored, 0 skipped"))
        #expect(!outcome.stdout.contains("Server:"), "the declarative profile has no fingerprint")
        #expect(server.issuedTokens.count == 1)
        #expect(server.logoffs == 1)
        for secret in server.issuedTokens + [Self.password] {
            #expect(!outcome.stdout.contains(secret) && !outcome.stderr.contains(secret) && !report.contains(secret))
        }
        #expect(report.contains("tests=\"3\""))
    }

    @Test("a server that refuses the token turns the run red: session rejected, exit 3")
    func tokenRejected() async throws {
        let server = NotesServer(password: Self.password, mode: .rejectsTokens)
        let (outcome, _) = try await Self.run(against: server)
        #expect(outcome.status == 3, "stdout:\n\(outcome.stdout)\nstderr:\n\(outcome.stderr)")
        #expect(outcome.stdout.contains("session expired or rejected (401)"))
        #expect(outcome.stdout.contains("the run's token (Authorization) was sent and refused"))
        #expect(server.issuedTokens.count == 1, "no second logon")
    }

    @Test("a server that answers wrongly turns the run red at the line at fault, exit 1")
    func wrongAnswer() async throws {
        let server = NotesServer(password: Self.password, mode: .wrongTitles)
        let (outcome, _) = try await Self.run(against: server)
        #expect(outcome.status == 1, "stdout:\n\(outcome.stdout)\nstderr:\n\(outcome.stderr)")
        #expect(outcome.stdout.contains("expected \"Buy milk\", got \"BUY MILK\""))
        #expect(outcome.stdout.contains("Examples/notes/notes.yaml:"))
    }

    @Test("a wrong password fails the logon; --profile enterprise-manager ignores tollgate.yaml")
    func wrongPasswordAndProfile() async throws {
        let server = NotesServer(password: "another password")
        let (outcome, _) = try await Self.run(against: server)
        #expect(outcome.status == 3, "stdout:\n\(outcome.stdout)\nstderr:\n\(outcome.stderr)")
        #expect(outcome.stderr.contains("logon failed: expected status 200, got 401"))

        let (asEM, _) = try await Self.run(against: NotesServer(password: Self.password), extra: ["--profile", "enterprise-manager"])
        #expect(asEM.stderr.contains("logon failed"), "stderr:\n\(asEM.stderr)")
        #expect(asEM.stdout.contains("note: GET /api/ answered 404"))
    }
}
