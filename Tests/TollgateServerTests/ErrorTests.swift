import Foundation
import NIOHTTP1
import Testing

@testable import TollgateServer

/// Every error status with its Error body, in XML and JSON.
@Suite("Errors")
struct ErrorTests {
    /// Checks an Error answer in the representation asked for and returns its message.
    @discardableResult
    static func expectError(
        _ response: LiveResponse, status: Int, json: Bool,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        #expect(response.status == status, "\(response.text)", sourceLocation: sourceLocation)
        if json {
            #expect(response.header("Content-Type") == "application/json", sourceLocation: sourceLocation)
            let object = try jsonObject(response.body)
            #expect(
                Set(object.keys) == ["FirstChanceExceptionMessage", "Message", "StackTrace", "Status", "StatusCode"],
                sourceLocation: sourceLocation)
            #expect(response.text.hasPrefix(#"{"FirstChanceExceptionMessage":"#), sourceLocation: sourceLocation)
            #expect(object["StatusCode"] as? Int == status, sourceLocation: sourceLocation)
            #expect(object["Status"] is NSNull, sourceLocation: sourceLocation)
            return try #require(object["Message"] as? String, sourceLocation: sourceLocation)
        }
        #expect(response.header("Content-Type") == "application/xml", sourceLocation: sourceLocation)
        expectValidXML(response.body, "Error \(status)", sourceLocation: sourceLocation)
        #expect(try xpath("string(/em:Error/@StatusCode)", response.body) == "\(status)", sourceLocation: sourceLocation)
        return try xpath("string(/em:Error/@Message)", response.body)
    }

    static let cases: [(Mode, Bool)] = Mode.allCases.flatMap { mode in [(mode, false), (mode, true)] }

    @Test("400 for a bad action, format or version", arguments: cases)
    func badRequest(mode: Mode, json: Bool) async throws {
        try await withServer(mode) { server in
            let token = try await server.logOn()
            let requests: [(String, String)] = [
                ("/api/jobs/\(jobID)", "required"),
                ("/api/jobs/\(jobID)?action=explode", "Unknown action 'explode'"),
                ("/api/agents/jobs/\(agentJobID)?action=sync", "Unknown action 'sync'"),
                ("/api/jobs/\(copyJobID)?action=start", "not supported"),
                ("/api/jobs/\(jobID)?action=sync", "not supported"),
            ]
            for (target, fragment) in requests {
                let message = try Self.expectError(
                    try await server.post(target, token: token, json: json), status: 400, json: json)
                #expect(message.contains(fragment), "\(target): \(message)")
            }
            let format = try Self.expectError(
                try await server.get("/api/jobs?format=Table", token: token, json: json), status: 400, json: json)
            #expect(format.contains("format=Entity"))
            let version = try Self.expectError(
                try await server.post("/api/sessionMngr/?v=v1_4", json: json, headers: [("Authorization", adminAuthorization)]),
                status: 400, json: json)
            #expect(version.contains("v1_4"))
        }
    }

    @Test("401 on logon with missing or wrong credentials, with the Basic challenge", arguments: cases)
    func logonRefused(mode: Mode, json: Bool) async throws {
        try await withServer(mode) { server in
            let wrong = "Basic " + Data("admin:wrong".utf8).base64EncodedString()
            let unknown = "Basic " + Data("nobody:s3cret".utf8).base64EncodedString()
            let attempts: [[(String, String)]] = [
                [], [("Authorization", wrong)], [("Authorization", unknown)], [("Authorization", "Basic !!!")],
                [("Authorization", "Bearer abc")],
            ]
            for headers in attempts {
                let response = try await server.post("/api/sessionMngr/?v=latest", json: json, headers: headers)
                try Self.expectError(response, status: 401, json: json)
                #expect(response.header("WWW-Authenticate") == "Basic Realm=RestSvc")
                #expect(response.header("X-RestSvcSessionId") == nil)
                #expect(response.header("Set-Cookie") == nil)
            }
        }
    }

    @Test("401 for a missing, unknown or logged-off token", arguments: cases)
    func deadTokens(mode: Mode, json: Bool) async throws {
        try await withServer(mode) { server in
            let missing = try await server.get("/api/jobs", json: json)
            try Self.expectError(missing, status: 401, json: json)
            #expect(missing.header("WWW-Authenticate") == "Basic Realm=RestSvc")
            try Self.expectError(try await server.get("/api/tasks", token: "bm9wZQ==", json: json), status: 401, json: json)
            let token = try await server.logOn()
            let sessionID = String(decoding: try #require(Data(base64Encoded: token)), as: UTF8.self)
            #expect(try await server.delete("/api/logonSessions/\(sessionID)", token: token).status == 204)
            try Self.expectError(try await server.get("/api/logonSessions", token: token, json: json), status: 401, json: json)
            try Self.expectError(
                try await server.delete("/api/logonSessions/\(sessionID)", token: token, json: json), status: 401,
                json: json)
        }
    }

    @Test("401 once a session has been idle longer than the timeout", arguments: Mode.allCases)
    func idleExpiry(mode: Mode) async throws {
        var configuration = testConfiguration()
        configuration.sessionIdleTimeout = .seconds(3)  // wide margins: the suite runs on 2 loaded cores
        try await withServer(mode, configuration) { server in
            let token = try await server.logOn()
            for _ in 0..<3 {
                try await Task.sleep(for: .milliseconds(400))
                #expect(try await server.get("/api/jobs", token: token).status == 200, "each request restarts the idle clock")
            }
            try await Task.sleep(for: .milliseconds(4000))
            try Self.expectError(try await server.get("/api/jobs", token: token), status: 401, json: false)
            #expect(try await server.get("/api/jobs", token: token).status == 401)
        }
    }

    @Test("403 Access denied when a Restore Operator runs a job action", arguments: cases)
    func forbidden(mode: Mode, json: Bool) async throws {
        try await withServer(mode) { server in
            let token = try await server.logOn("operator", "0perator")
            let adminToken = try await server.logOn()
            // Reference §5.1: jobs are listed and read only by Portal Administrators.
            #expect(try await server.get("/api/agents/jobs/\(agentJobID)?format=Entity", token: token).status == 403)
            for action in ["start", "stop", "retry", "toggleScheduleEnabled"] {
                let message = try Self.expectError(
                    try await server.post("/api/agents/jobs/\(agentJobID)?action=\(action)", token: token, json: json),
                    status: 403, json: json)
                #expect(message == "Access denied.")
            }
            let flag = try xpath(
                "string(/em:AgentBackupJob/em:ScheduleEnabled)",
                try await server.get("/api/agents/jobs/\(agentJobID)?format=Entity", token: adminToken).body)
            #expect(flag == "true")
            #expect(try xpath("count(/em:Tasks/em:Task)", try await server.get("/api/tasks", token: token).body) == "0")
        }
    }

    @Test("404 for unknown paths, jobs, tasks and sessions", arguments: cases)
    func notFound(mode: Mode, json: Bool) async throws {
        try await withServer(mode) { server in
            let token = try await server.logOn()
            let unknownJob = "00000000-0000-0000-0000-000000000000"
            let requests: [(HTTPMethodName, String)] = [
                (.get, "/api/managedServers"), (.get, "/nothing"), (.get, "/api/jobs/\(unknownJob)"),
                (.get, "/api/jobs/not-a-guid?format=Entity"), (.get, "/api/agents/jobs/\(jobID)"),
                (.post, "/api/jobs/\(unknownJob)?action=start"), (.post, "/api/agents/jobs/\(jobID)?action=start"),
                (.get, "/api/jobs/\(unknownJob)/backupSessions"), (.get, "/api/tasks/task-99"), (.get, "/api/tasks/banana"),
                (.delete, "/api/tasks/task-99"), (.delete, "/api/logonSessions/\(unknownJob)"),
            ]
            for (method, target) in requests {
                let response = try await server.send(method.method, target, token: token, json: json, headers: [])
                try Self.expectError(response, status: 404, json: json)
            }
        }
    }

    @Test("405 with Allow for a method the resource does not take", arguments: cases)
    func methodNotAllowed(mode: Mode, json: Bool) async throws {
        try await withServer(mode) { server in
            let token = try await server.logOn()
            let requests: [(HTTPMethodName, String, String)] = [
                (.put, "/api/", "GET"), (.get, "/api/sessionMngr/", "POST"), (.delete, "/api/jobs", "GET"),
                (.put, "/api/jobs/\(jobID)", "GET, POST"), (.post, "/api/tasks/task-1", "GET, DELETE"),
                (.patch, "/api/logonSessions", "GET"),
            ]
            for (method, target, allowed) in requests {
                let response = try await server.send(method.method, target, token: token, json: json, headers: [])
                try Self.expectError(response, status: 405, json: json)
                #expect(response.header("Allow") == allowed)
            }
        }
    }

    @Test("500 for an unknown logon session id, as real servers answer", arguments: cases)
    func unknownSessionIs500(mode: Mode, json: Bool) async throws {
        try await withServer(mode) { server in
            let token = try await server.logOn()
            let response = try await server.get("/api/logonSessions/1b4e28ba-2fa1-11d2-883f-0016d3cca427", token: token, json: json)
            let message = try Self.expectError(response, status: 500, json: json)
            #expect(message == "Logon session was not found.")
            if !json {
                #expect(try xpath("string(/em:Error/em:FirstChanceExceptionMessage)", response.body) == message)
            }
        }
    }
}

/// Methods by name, for tables of requests.
enum HTTPMethodName {
    case get, post, put, delete, patch

    var method: HTTPMethod {
        switch self {
        case .get: .GET
        case .post: .POST
        case .put: .PUT
        case .delete: .DELETE
        case .patch: .PATCH
        }
    }
}
