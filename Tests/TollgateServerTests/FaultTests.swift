import AsyncHTTPClient
import Foundation
import NIOHTTP1
import Testing
import TollgateXML

@testable import TollgateServer

/// Every fault, from the configuration (per run and per route) and from the request header.
@Suite("Faults")
struct FaultTests {
    static let toggle = "/api/agents/jobs/\(agentJobID)?action=toggleScheduleEnabled"

    static func rules(_ texts: String...) throws -> [FaultRule] {
        try texts.map { try FaultRule(parsing: $0) }
    }

    /// The delay is long (3 s) so that an undelayed request on a loaded two-core machine stays well under it.
    @Test("delay holds the answer back", arguments: Mode.allCases)
    func delay(mode: Mode) async throws {
        try await withServer(mode, testConfiguration(faults: try Self.rules("delay=3s@GET:/api/"))) { server in
            let clock = ContinuousClock()
            let started = clock.now
            let delayed = try await server.get("/api/")
            let slowTime = started.duration(to: clock.now)
            #expect(delayed.status == 200)
            #expect(slowTime >= .seconds(3))
            let quick = clock.now
            let undelayed = try await server.get("/api/jobs")
            let quickTime = quick.duration(to: clock.now)
            #expect(undelayed.status == 401)
            #expect(quickTime < .seconds(3), "the route limits the delay")
        }
    }

    @Test("error500 answers 500 with an Error body and changes nothing", arguments: Mode.allCases)
    func error500(mode: Mode) async throws {
        let configuration = testConfiguration(faults: try Self.rules("error500@POST:/api/agents/jobs/*", "error500=Disk on fire@/api/tasks"))
        try await withServer(mode, configuration) { server in
            let token = try await server.logOn()
            let failed = try await server.post(Self.toggle, token: token)
            let message = try ErrorTests.expectError(failed, status: 500, json: false)
            #expect(message == "Object reference not set to an instance of an object.")
            let json = try await server.post(Self.toggle, token: token, json: true)
            try ErrorTests.expectError(json, status: 500, json: true)
            let flag = try xpath(
                "string(/em:AgentBackupJob/em:ScheduleEnabled)",
                try await server.get("/api/agents/jobs/\(agentJobID)?format=Entity", token: token).body)
            #expect(flag == "true")
            #expect(try ErrorTests.expectError(try await server.get("/api/tasks", token: token), status: 500, json: false) == "Disk on fire")
        }
    }

    @Test("task-fails: the task finishes Success=\"false\" with a Message, and the toggle is not applied", arguments: Mode.allCases)
    func taskFails(mode: Mode) async throws {
        try await withServer(mode, testConfiguration(faults: try Self.rules("task-fails@POST:/api/agents/jobs/*?action=toggle*"))) { server in
            let token = try await server.logOn()
            let accepted = try await server.post(Self.toggle, token: token)
            #expect(accepted.status == 202)
            #expect(try xpath("string(/em:Task/em:State)", accepted.body) == "Running")
            let finished = try await server.waitForTask(try xpath("string(/em:Task/@Href)", accepted.body), token: token)
            expectValidXML(finished.body, "failed task")
            #expect(try xpath("string(/em:Task/em:State)", finished.body) == "Finished")
            #expect(try xpath("string(/em:Task/em:Result/@Success)", finished.body) == "false")
            #expect(try xpath("string(/em:Task/em:Result/em:Message)", finished.body).contains("Agent Backup"))
            let flag = try xpath(
                "string(/em:AgentBackupJob/em:ScheduleEnabled)",
                try await server.get("/api/agents/jobs/\(agentJobID)?format=Entity", token: token).body)
            #expect(flag == "true")
            let start = try await server.post("/api/agents/jobs/\(agentJobID)?action=start", token: token)
            let started = try await server.waitForTask(try xpath("string(/em:Task/@Href)", start.body), token: token)
            #expect(try xpath("string(/em:Task/em:Result/@Success)", started.body) == "true", "the route limits the fault")
        }
    }

    @Test("task-never-finishes keeps the task Running")
    func taskNeverFinishes() async throws {
        try await withServer(.live, testConfiguration(taskDuration: .milliseconds(50), faults: try Self.rules("task-never-finishes"))) { server in
            let token = try await server.logOn()
            let accepted = try await server.post("/api/jobs/\(jobID)?action=start", token: token)
            try await Task.sleep(for: .milliseconds(300))
            let task = try await server.get(try xpath("string(/em:Task/@Href)", accepted.body), token: token)
            #expect(try xpath("string(/em:Task/em:State)", task.body) == "Running")
            #expect(try xpath("count(/em:Task/em:Result)", task.body) == "0")
        }
    }

    @Test("malformed-xml breaks the XML body and the JSON body", arguments: Mode.allCases)
    func malformed(mode: Mode) async throws {
        try await withServer(mode, testConfiguration(faults: try Self.rules("malformed-xml@GET:/api/"))) { server in
            let xml = try await server.get("/api/")
            #expect(xml.status == 200)
            #expect(xml.header("Content-Length") == "\(xml.body.count)")
            #expect(throws: XMLError.self) { try XMLDocument.checkWellFormed(xml.body) }
            let json = try await server.get("/api/", json: true)
            #expect(throws: (any Error).self) { try JSONSerialization.jsonObject(with: Data(json.body)) }
        }
    }

    @Test("wrong-content-type replaces Content-Type (text/html unless given)", arguments: Mode.allCases)
    func wrongContentType(mode: Mode) async throws {
        let configuration = testConfiguration(faults: try Self.rules("wrong-content-type@GET:/api/", "wrong-content-type=text/plain@/api/jobs"))
        try await withServer(mode, configuration) { server in
            let entry = try await server.get("/api/")
            #expect(entry.header("Content-Type") == "text/html")
            expectValidXML(entry.body, "body under a wrong Content-Type")
            #expect(try await server.get("/api/jobs").header("Content-Type") == "text/plain")
        }
    }

    @Test("close-mid-body sends the head and part of the body, then closes")
    func closeMidBody() async throws {
        try await withLiveServer(testConfiguration(faults: try Self.rules("close-mid-body@GET:/api/"))) { server, client in
            let response = try await client.http.execute(HTTPClientRequest(url: server.baseURL + "/api/"), timeout: .seconds(10))
            #expect(response.status == .ok)
            let declared = try #require(response.headers.first(name: "Content-Length").flatMap { Int($0) })
            var received = 0
            await #expect(throws: (any Error).self) {
                for try await chunk in response.body {
                    received += chunk.readableBytes
                }
            }
            #expect(received > 0 && received < declared, "received \(received) of \(declared)")
            #expect(try await client.get(server.baseURL + "/api/jobs").status == 401, "other routes are untouched")
        }
    }

    @Test("expire-session ends the caller's session: 401 now and afterwards", arguments: Mode.allCases)
    func expireSession(mode: Mode) async throws {
        try await withServer(mode, testConfiguration(faults: try Self.rules("expire-session@GET:/api/tasks"))) { server in
            let token = try await server.logOn()
            #expect(try await server.get("/api/jobs", token: token).status == 200)
            try ErrorTests.expectError(try await server.get("/api/tasks", token: token), status: 401, json: false)
            #expect(try await server.get("/api/jobs", token: token).status == 401)
            let fresh = try await server.logOn()
            #expect(try await server.get("/api/jobs", token: fresh).status == 200)
        }
    }

    @Test("camelcase-json writes the v13 camelCase keys; XML is unaffected", arguments: Mode.allCases)
    func camelCase(mode: Mode) async throws {
        try await withServer(mode, testConfiguration(faults: try Self.rules("camelcase-json"))) { server in
            let entry = try jsonObject(try await server.get("/api/", json: true).body)
            #expect(entry["supportedVersions"] != nil && entry["SupportedVersions"] == nil)
            let token = try await server.logOn()
            let task = try jsonObject(try await server.post(Self.toggle, token: token, json: true).body)
            #expect(Set(task.keys) == ["taskId", "state", "operation", "links", "href", "type"])
            let links = try #require(task["links"] as? [[String: Any]])
            #expect(Set(links[0].keys) == ["rel", "href", "name", "type"])
            let refs = try jsonObject(try await server.get("/api/jobs", token: token, json: true).body)
            let first = try #require((refs["refs"] as? [[String: Any]])?.first)
            #expect(first["uid"] as? String == "urn:veeam:Job:\(jobID)")
            let xml = try await server.get("/api/tasks/task-1", token: token)
            expectValidXML(xml.body, "XML under camelcase-json")
        }
    }

    @Test("empty-body keeps status and headers but sends no body", arguments: Mode.allCases)
    func emptyBody(mode: Mode) async throws {
        try await withServer(mode, testConfiguration(faults: try Self.rules("empty-body@POST:/api/sessionMngr*"))) { server in
            let response = try await server.post("/api/sessionMngr/?v=latest", headers: [("Authorization", adminAuthorization)])
            #expect(response.status == 201)
            #expect(response.body.isEmpty)
            #expect(response.header("Content-Length") == "0")
            #expect(response.header("Content-Type") == "application/xml")
            let token = try #require(response.header("X-RestSvcSessionId"))
            #expect(try await server.get("/api/jobs", token: token).status == 200, "the session exists")
        }
    }

    @Test("X-Tollgate-Fault is ignored unless enabled", arguments: Mode.allCases)
    func headerDisabled(mode: Mode) async throws {
        try await withServer(mode) { server in
            let response = try await server.get("/api/", headers: [("X-Tollgate-Fault", "error500")])
            #expect(response.status == 200)
        }
    }

    @Test("X-Tollgate-Fault applies a comma-separated list per request when enabled", arguments: Mode.allCases)
    func headerFaults(mode: Mode) async throws {
        try await withServer(mode, testConfiguration(faultHeader: true)) { server in
            let token = try await server.logOn()
            let failing = try await server.post(
                Self.toggle, token: token, headers: [("X-Tollgate-Fault", "task-fails=Repository offline, wrong-content-type=text/csv")])
            #expect(failing.status == 202)
            #expect(failing.header("Content-Type") == "text/csv")
            let finished = try await server.waitForTask(try xpath("string(/em:Task/@Href)", failing.body), token: token)
            #expect(try xpath("string(/em:Task/em:Result/@Success)", finished.body) == "false")
            #expect(try xpath("string(/em:Task/em:Result/em:Message)", finished.body) == "Repository offline")
            let plain = try await server.post(Self.toggle, token: token)
            let done = try await server.waitForTask(try xpath("string(/em:Task/@Href)", plain.body), token: token)
            #expect(try xpath("string(/em:Task/em:Result/@Success)", done.body) == "true", "the next request is clean")
            let camel = try jsonObject(try await server.get("/api/", json: true, headers: [("X-Tollgate-Fault", "camelcase-json")]).body)
            #expect(camel["links"] != nil)
            let expired = try await server.get("/api/jobs", token: token, headers: [("X-Tollgate-Fault", "expire-session")])
            #expect(expired.status == 401)
        }
    }

    @Test("an invalid X-Tollgate-Fault is a 400 that says why", arguments: Mode.allCases)
    func headerInvalid(mode: Mode) async throws {
        try await withServer(mode, testConfiguration(faultHeader: true)) { server in
            let response = try await server.get("/api/", headers: [("X-Tollgate-Fault", "explode")])
            let message = try ErrorTests.expectError(response, status: 400, json: false)
            #expect(message.contains("unknown fault 'explode'"))
        }
    }
}
