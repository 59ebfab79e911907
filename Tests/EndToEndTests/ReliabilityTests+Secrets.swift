import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension ReliabilityTests {
    /// Secrets never leak: after whole runs with `--user` and a distinctive password, neither standard output,
    /// standard error nor the JUnit report holds the password, the Basic credentials (raw, base64 or as the
    /// `Authorization` value), any logon session id the server issued, or any token (`base64(id)`).
    @Suite("Reliability: secrets never leak into output or reports")
    struct Secrets {
        static let password = "Leak-Probe-Pw_4f9c2e7a"

        /// A run: what to run, extra options, and the exit status it must end with.
        struct Run: Sendable, CustomTestStringConvertible {
            var paths: [String]
            var extra: [String] = []
            var status: Int32
            /// The fewest requests the run must send (so a run that did little cannot pass vacuously).
            var minimumRequests: Int
            var testDescription: String { paths.joined(separator: " ") }
        }

        static let runs: [Run] = [
            Run(paths: ["Specs"], status: 0, minimumRequests: 60),
            Run(paths: ["Tests/EndToEndTests/Fixtures/selftests/assertions.yaml"], status: 1, minimumRequests: 10),
            Run(paths: ["Tests/EndToEndTests/Fixtures/selftests/faults.yaml"], status: 1, minimumRequests: 12),
            // --timeout 3, not the golden test's 1: the 5 s delay still times out, the other requests have room.
            Run(paths: ["Tests/EndToEndTests/Fixtures/selftests/errors.yaml"], extra: ["--timeout", "3"], status: 3, minimumRequests: 7),
        ]

        @Test("no secret in stdout, stderr, the JUnit report or the run record", arguments: runs)
        func noLeak(_ run: Run) async throws {
            let folder = try TollgateProcess.temporaryFolder()
            let junit = folder.appendingPathComponent("junit.xml")
            try await InProcessServer.with(password: Self.password) { server in
                let outcome = try await TollgateProcess.run(
                    ["run"] + run.paths + ["--base-url", server.url, "--user", InProcessServer.user, "--junit", junit.path] + run.extra,
                    environment: ["TOLLGATE_PASSWORD": Self.password], limit: 90)
                #expect(outcome.status == run.status, "exit \(outcome.status)\nstdout:\n\(outcome.stdout)\nstderr:\n\(outcome.stderr)")
                let report = try String(contentsOf: junit, encoding: .utf8)
                let record = try await RunRecordFile.validated(folder.appendingPathComponent("run.json")).text

                let sessionIDs = server.running.issuedSessionIDs
                #expect(!sessionIDs.isEmpty, "the run logged on nowhere; nothing to look for")
                let credentials = Data("\(InProcessServer.user):\(Self.password)".utf8).base64EncodedString()
                var secrets: [(what: String, value: String)] = [
                    ("the password", Self.password),
                    ("base64(user:password)", credentials),
                    ("the Authorization header value", "Basic \(credentials)"),
                ]
                for id in sessionIDs {
                    secrets.append(("session id", id))
                    secrets.append(("session id (upper case)", id.uppercased()))
                    secrets.append(("token", Data(id.utf8).base64EncodedString()))
                }
                let outputs = [
                    ("stdout", outcome.stdout), ("stderr", outcome.stderr), ("JUnit report", report), ("run record", record),
                ]
                for (stream, text) in outputs {
                    for secret in secrets {
                        #expect(!text.contains(secret.value), "\(stream) shows \(secret.what)")
                    }
                }
                // The outputs are not trivially clean: the runs did print and report, and masked something.
                #expect(outcome.stdout.contains("Summary: "))
                #expect((outcome.stdout + report).contains("***"), "nothing was masked, so nothing secret was near the output")
                #expect(record.contains(#""value":"***""#), "the record masked no header or capture")
                #expect(report.contains("<testcase "))
                #expect(server.requestCount >= run.minimumRequests, "only \(server.requestCount) requests reached the server")
                print("[reliability] \(run.testDescription): \(sessionIDs.count) sessions issued, \(secrets.count) secret forms, "
                    + "\(outcome.stdout.count + outcome.stderr.count + report.count + record.count) characters searched, \(server.requestCount) requests")
            }
        }

        @Test("the server's tokens are base64 of the issued session ids, as the search above assumes")
        func tokenIsBase64OfSessionID() async throws {
            try await InProcessServer.with(password: Self.password) { server in
                var request = URLRequest(url: try #require(URL(string: "\(server.url)/api/sessionMngr/?v=latest")))
                request.httpMethod = "POST"
                let credentials = Data("\(InProcessServer.user):\(Self.password)".utf8).base64EncodedString()
                request.setValue("Basic \(credentials)", forHTTPHeaderField: "Authorization")
                let (_, response) = try await URLSession.shared.data(for: request)
                let http = try #require(response as? HTTPURLResponse)
                #expect(http.statusCode == 201)
                let token = try #require(http.value(forHTTPHeaderField: "X-RestSvcSessionId"))
                let issued = server.running.issuedSessionIDs
                #expect(issued.count == 1)
                #expect(issued.map { Data($0.utf8).base64EncodedString() } == [token])
            }
        }
    }
}
