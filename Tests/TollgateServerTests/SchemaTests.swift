import Foundation
import NIOHTTP1
import Testing

@testable import TollgateServer

/// Every XML body the server sends, for every endpoint and every error, validates against
/// Specs/schemas/enterprise-manager.xsd.
@Suite("Schema")
struct SchemaTests {
    @Test("every endpoint's and every error's XML body validates")
    func everyBodyValidates() async throws {
        var configuration = testConfiguration(taskDuration: .milliseconds(20), faultHeader: true)
        configuration.sessionIdleTimeout = .seconds(60)
        try await withServer(.live, configuration) { server in
            let token = try await server.logOn()
            let operatorToken = try await server.logOn("operator", "0perator")
            let sessionID = String(decoding: try #require(Data(base64Encoded: token)), as: UTF8.self)
            let requests: [(HTTPMethod, String, String?, [(String, String)], Int)] = [
                (.GET, "/api/", nil, [], 200),
                (.POST, "/api/sessionMngr/?v=latest", nil, [("Authorization", adminAuthorization)], 201),
                (.GET, "/api/logonSessions", token, [], 200),
                (.GET, "/api/logonSessions/\(sessionID)", token, [], 200),
                (.GET, "/api/jobs", token, [], 200),
                (.GET, "/api/jobs?format=Entity", token, [], 200),
                (.GET, "/api/jobs/\(jobID)", token, [], 200),
                (.GET, "/api/jobs/\(jobID)?format=Entity", token, [], 200),
                (.GET, "/api/jobs/\(copyJobID)?format=Entity", token, [], 200),
                (.GET, "/api/jobs/\(replicaJobID)/replicaSessions", token, [], 200),
                (.GET, "/api/agents/jobs", token, [], 200),
                (.GET, "/api/agents/jobs?format=Entity", token, [], 200),
                (.GET, "/api/agents/jobs/\(agentJobID)", token, [], 200),
                (.GET, "/api/agents/jobs/\(agentJobID)?format=Entity", token, [], 200),
                (.GET, "/api/agents/jobs/\(agentJobID)/backupSessions", token, [], 200),
                (.POST, "/api/jobs/\(jobID)?action=start", token, [], 202),
                (.POST, "/api/jobs/\(copyJobID)?action=sync", token, [], 202),
                (.POST, "/api/agents/jobs/\(agentJobID)?action=toggleScheduleEnabled", token, [("X-Tollgate-Fault", "task-fails")], 202),
                (.GET, "/api/tasks", token, [], 200),
                (.GET, "/api/tasks/task-1", token, [], 200),
                (.POST, "/api/jobs/\(jobID)", token, [], 400),
                (.POST, "/api/sessionMngr/", nil, [], 401),
                (.GET, "/api/tasks", nil, [], 401),
                (.POST, "/api/jobs/\(jobID)?action=start", operatorToken, [], 403),
                (.GET, "/api/tasks/task-404", token, [], 404),
                (.DELETE, "/api/jobs", token, [], 405),
                (.GET, "/api/logonSessions/1b4e28ba-2fa1-11d2-883f-0016d3cca427", token, [], 500),
                (.GET, "/api/", nil, [("X-Tollgate-Fault", "error500=Boom")], 500),
                (.GET, "/api/", nil, [("X-Tollgate-Fault", "nonsense")], 400),
            ]
            for (method, target, sessionToken, headers, status) in requests {
                let response = try await server.send(method, target, token: sessionToken, json: false, headers: headers)
                #expect(response.status == status, "\(method) \(target)")
                expectValidXML(response.body, "\(method) \(target)")
            }
            try await Task.sleep(for: .milliseconds(100))
            for task in ["task-1", "task-2", "task-3"] {
                let finished = try await server.get("/api/tasks/\(task)", token: token)
                #expect(try xpath("count(/em:Task/em:Result)", finished.body) == "1")
                expectValidXML(finished.body, "finished \(task)")
            }
            expectValidXML(try await server.get("/api/tasks", token: token).body, "finished task list")
        }
    }

    @Test("the schema rejects what the server must never send")
    func schemaIsStrict() {
        guard case .success(let schema) = enterpriseManagerSchema else {
            Issue.record("the XSD does not load")
            return
        }
        let namespace = "xmlns=\"http://www.veeam.com/ent/v1.0\""
        let wrong = [
            "<Task \(namespace) Href=\"h\"><TaskId>task-1</TaskId><Operation>X</Operation></Task>",
            "<Task \(namespace) Href=\"h\"><TaskId>t</TaskId><State>Finished</State><Operation>X</Operation><Result><Message>m</Message></Result></Task>",
            "<Task Href=\"h\"><TaskId>t</TaskId><State>Running</State><Operation>X</Operation></Task>",
            "<Error \(namespace) StatusCode=\"500\"/>",
            "<Error \(namespace) Message=\"m\" StatusCode=\"five\"/>",
            "<EntityRef \(namespace) Href=\"h\" Name=\"n\" Type=\"JobReference\" UID=\"Job:1\"/>",
            "<Job \(namespace) Href=\"h\" Name=\"n\" UID=\"urn:veeam:Job:1\"><ScheduleEnabled>yes</ScheduleEnabled></Job>",
            "<LogonSession \(namespace) Href=\"h\"><SessionId>s</SessionId></LogonSession>",
            "<EnterpriseManager \(namespace)><Links/></EnterpriseManager>",
        ]
        for document in wrong {
            #expect(!schema.validate(Array(document.utf8)).isEmpty, "accepted: \(document)")
        }
    }
}
