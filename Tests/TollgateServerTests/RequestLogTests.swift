import Foundation
import Testing

@testable import TollgateServer

@Suite("Request log")
struct RequestLogTests {
    @Test("session ids and unknown query values are masked")
    func masking() {
        #expect(RequestLog.target(path: "/api/logonSessions/abc-123", query: nil) == "/api/logonSessions/***")
        #expect(RequestLog.target(path: "/api/logonSessions", query: nil) == "/api/logonSessions")
        #expect(
            RequestLog.target(path: "/api/jobs/x", query: "action=start&token=abc&format=Entity&v=latest&flag")
                == "/api/jobs/x?action=start&token=***&format=Entity&v=latest&flag")
    }

    @Test("one line per request with method, path, status and duration; never a secret")
    func noSecrets() async throws {
        let recorder = LogRecorder()
        var configuration = testConfiguration()
        configuration.requestLogLevel = .notice
        try await withServer(.live, configuration, logger: recorder.logger(level: .info)) { server in
            let response = try await server.post("/api/sessionMngr/?v=latest", headers: [("Authorization", adminAuthorization)])
            let token = try #require(response.header("X-RestSvcSessionId"))
            let sessionID = try xpath("string(/em:LogonSession/em:SessionId)", response.body)
            #expect(try await server.get("/api/logonSessions/\(sessionID)", token: token).status == 200)
            #expect(try await server.get("/api/jobs?secret=\(token)", token: token).status == 200)
            #expect(try await server.post("/api/sessionMngr/", headers: [("Authorization", "Basic " + Data("admin:wrong-password".utf8).base64EncodedString())]).status == 401)
            let messages = recorder.messages
            #expect(messages.contains { $0.hasPrefix("notice POST /api/sessionMngr/?v=latest 201 ") && $0.contains("ms") })
            #expect(messages.contains { $0.contains("GET /api/logonSessions/*** 200") })
            #expect(messages.contains { $0.contains("GET /api/jobs?secret=*** 200") })
            #expect(messages.contains { $0.contains("POST /api/sessionMngr/ 401") })
            let all = messages.joined(separator: "\n")
            for secret in [token, sessionID, "s3cret", "wrong-password", adminAuthorization] {
                #expect(!all.contains(secret), "the log shows a secret")
            }
        }
    }

    @Test("faults are named in the log line")
    func faultsLogged() async throws {
        let recorder = LogRecorder()
        try await withServer(.router, testConfiguration(faults: [try FaultRule(parsing: "camelcase-json")]), logger: recorder.logger()) { server in
            _ = try await server.get("/api/")
            #expect(recorder.messages.contains { $0.contains("GET /api/ 200") && $0.contains("faults: camelcase-json") })
        }
    }
}
