import Foundation
import Testing

@testable import TollgateServer

/// Every endpoint, in XML and JSON, in-process and on a loopback port.
@Suite("Endpoints")
struct EndpointTests {
    @Test("GET /api/ answers EnterpriseManager without a session", arguments: Mode.allCases)
    func entryPoint(mode: Mode) async throws {
        try await withServer(mode) { server in
            for path in ["/api/", "/api", "/api/?v=latest"] {
                let xml = try await server.get(path)
                #expect(xml.status == 200)
                #expect(xml.header("Content-Type") == "application/xml")
                expectValidXML(xml.body, "GET \(path)")
                #expect(try xpath("count(/em:EnterpriseManager/em:SupportedVersions/em:SupportedVersion)", xml.body) == "3")
                #expect(
                    try xpath("string(/em:EnterpriseManager/em:SupportedVersions/em:SupportedVersion[3]/@Name)", xml.body) == "v1_7")
                let create = try xpath("string(/em:EnterpriseManager/em:Links/em:Link[@Rel='Create']/@Href)", xml.body)
                #expect(create.hasSuffix("/api/sessionMngr/?v=latest"))
                #expect(try xpath("string(/em:EnterpriseManager/em:Links/em:Link[@Rel='Down']/@Type)", xml.body) == "LogonSessionList")
                #expect(try xpath("count(/em:EnterpriseManager/@Href)", xml.body) == "0")
            }
            let json = try await server.get("/api/", json: true)
            #expect(json.header("Content-Type") == "application/json")
            let object = try jsonObject(json.body)
            #expect(object["Href"] is NSNull)
            let wrapper = try #require(object["SupportedVersions"] as? [String: Any])
            let versions = try #require(wrapper["SupportedVersions"] as? [[String: Any]])
            #expect(versions.compactMap { $0["Name"] as? String } == ["v1_5", "v1_6", "v1_7"])
            let links = try #require(object["Links"] as? [[String: Any]])
            #expect(links.compactMap { $0["Rel"] as? String } == ["Down", "Create"])
        }
    }

    @Test("Hrefs use the scheme, host and port the client used")
    func hrefsFollowTheClient() async throws {
        try await withLiveServer { server, client in
            let body = try await client.get("/api/").body
            #expect(try xpath("string(/em:EnterpriseManager/em:Links/em:Link[1]/@Href)", body) == "\(server.baseURL)/api/logonSessions")
            let viaLocalhost = try await client.get("http://localhost:\(server.port)/api/")
            #expect(
                try xpath("string(/em:EnterpriseManager/em:Links/em:Link[1]/@Href)", viaLocalhost.body)
                    == "http://localhost:\(server.port)/api/logonSessions")
        }
    }

    @Test("logon: 201, token header first, cookie, Location and a LogonSession", arguments: Mode.allCases)
    func logon(mode: Mode) async throws {
        try await withServer(mode) { server in
            for query in ["", "?v=latest", "?v=v1_5", "?v=v1_6", "?v=v1_7", "?v=LATEST"] {
                let response = try await server.post("/api/sessionMngr/\(query)", headers: [("Authorization", adminAuthorization)])
                #expect(response.status == 201, "query \(query)")
                #expect(response.headers.first?.name.lowercased() == "x-restsvcsessionid")
                let token = try #require(response.header("X-RestSvcSessionId"))
                let sessionID = try xpath("string(/em:LogonSession/em:SessionId)", response.body)
                #expect(token == Data(sessionID.utf8).base64EncodedString())
                #expect(response.header("Set-Cookie") == "X-RestSvcSessionId=\(token); Path=/api;")
                #expect(response.header("Location")?.hasSuffix("/api/logonSessions/\(sessionID)") == true)
                #expect(try xpath("string(/em:LogonSession/em:UserName)", response.body) == "admin")
                #expect(try xpath("string(/em:LogonSession/@Type)", response.body) == "LogonSession")
                #expect(try xpath("count(/em:LogonSession/em:Links/em:Link[@Rel='Delete'])", response.body) == "1")
                #expect(try xpath("string(/em:LogonSession/em:Links/em:Link[@Type='JobReferenceList']/@Href)", response.body).hasSuffix("/api/jobs"))
                expectValidXML(response.body, "logon")
            }
            let json = try await server.post("/api/sessionMngr", json: true, headers: [("Authorization", adminAuthorization)])
            #expect(json.status == 201)
            let object = try jsonObject(json.body)
            #expect(object["UserName"] as? String == "admin")
            #expect(object["Type"] as? String == "LogonSession")
            let sessionID = try #require(object["SessionId"] as? String)
            #expect(json.header("X-RestSvcSessionId") == Data(sessionID.utf8).base64EncodedString())
            #expect((object["Links"] as? [[String: Any]])?.contains { $0["Rel"] as? String == "Delete" } == true)
        }
    }

    @Test("logon sessions: list, read, log off (204), then the token is dead", arguments: Mode.allCases)
    func logonSessions(mode: Mode) async throws {
        try await withServer(mode) { server in
            let first = try await server.logOn()
            let second = try await server.logOn()
            let operatorToken = try await server.logOn("operator", "0perator")
            let list = try await server.get("/api/logonSessions", token: first)
            #expect(list.status == 200)
            expectValidXML(list.body, "LogonSessions")
            #expect(try xpath("count(/em:LogonSessions/em:LogonSession)", list.body) == "2")
            #expect(try xpath("count(/em:LogonSessions/em:LogonSession[em:UserName='operator'])", list.body) == "0")
            let json = try jsonObject(try await server.get("/api/logonSessions", token: first, json: true).body)
            #expect((json["LogonSessions"] as? [[String: Any]])?.count == 2)

            let secondID = String(decoding: try #require(Data(base64Encoded: second)), as: UTF8.self)
            let read = try await server.get("/api/logonSessions/\(secondID)", token: first)
            #expect(read.status == 200)
            expectValidXML(read.body, "LogonSession")
            #expect(try xpath("string(/em:LogonSession/em:SessionId)", read.body) == secondID)
            let readJSON = try jsonObject(try await server.get("/api/logonSessions/\(secondID)", token: first, json: true).body)
            #expect(readJSON["SessionId"] as? String == secondID)

            let logoff = try await server.delete("/api/logonSessions/\(secondID)", token: first)
            #expect(logoff.status == 204)
            #expect(logoff.body.isEmpty)
            #expect(logoff.header("Content-Length") == nil)
            #expect(try await server.get("/api/jobs", token: second).status == 401)
            #expect(try await server.get("/api/jobs", token: first).status == 200)
            #expect(try await server.get("/api/jobs", token: operatorToken).status == 403, "jobs are for Portal Administrators (§5.1)")
        }
    }

    @Test("jobs: reference list, entity list, reference and entity with the reference's links", arguments: Mode.allCases)
    func jobs(mode: Mode) async throws {
        try await withServer(mode) { server in
            let token = try await server.logOn()
            let refs = try await server.get("/api/jobs", token: token)
            #expect(refs.status == 200)
            expectValidXML(refs.body, "jobs")
            #expect(try xpath("count(/em:EntityReferences/em:Ref)", refs.body) == "4")
            let ref = "/em:EntityReferences/em:Ref[@UID='urn:veeam:Job:\(jobID)']"
            #expect(try xpath("string(\(ref)/@Type)", refs.body) == "JobReference")
            #expect(try xpath("string(\(ref)/@Name)", refs.body) == "DB Backup")
            #expect(try xpath("string(\(ref)/em:Links/em:Link[@Rel='Up']/@Type)", refs.body) == "BackupServerReference")
            #expect(try xpath("string(\(ref)/em:Links/em:Link[@Rel='Alternate']/@Href)", refs.body).hasSuffix("/api/jobs/\(jobID)?format=Entity"))
            #expect(try xpath("string(\(ref)/em:Links/em:Link[@Rel='Down']/@Type)", refs.body) == "BackupJobSessionReferenceList")
            #expect(
                try xpath("string(/em:EntityReferences/em:Ref[@Name='SQL Replication']/em:Links/em:Link[@Rel='Down']/@Type)", refs.body)
                    == "ReplicaJobSessionReferenceList")
            let refsJSON = try jsonObject(try await server.get("/api/jobs", token: token, json: true).body)
            let items = try #require(refsJSON["Refs"] as? [[String: Any]])
            #expect(items.count == 4)
            #expect(items.first?["UID"] as? String == "urn:veeam:Job:\(jobID)")

            let entities = try await server.get("/api/jobs?format=Entity", token: token)
            expectValidXML(entities.body, "jobs entities")
            #expect(try xpath("count(/em:Jobs/em:Job)", entities.body) == "4")
            let entitiesJSON = try jsonObject(try await server.get("/api/jobs?format=Entity", token: token, json: true).body)
            #expect((entitiesJSON["Jobs"] as? [[String: Any]])?.count == 4)

            let single = try await server.get("/api/jobs/\(jobID)", token: token)
            expectValidXML(single.body, "job reference")
            #expect(try xpath("string(/em:EntityRef/@UID)", single.body) == "urn:veeam:Job:\(jobID)")
            #expect(try xpath("count(/em:EntityRef/em:Links/em:Link)", single.body) == "3")

            let entity = try await server.get("/api/jobs/\(jobID.uppercased())?format=entity", token: token)
            #expect(entity.status == 200)
            expectValidXML(entity.body, "job entity")
            #expect(try xpath("string(/em:Job/@Href)", entity.body).hasSuffix("/api/jobs/\(jobID)?format=Entity"))
            let rels = try linkRels(entity.body, of: "/em:Job")
            #expect(rels == ["Up", "Alternate", "Edit", "Clone", "ToggleScheduleEnabled", "Down", "Down", "Create", "Start", "Stop", "Retry"])
            #expect(try xpath("string(/em:Job/em:JobType)", entity.body) == "Backup")
            #expect(try xpath("string(/em:Job/em:Platform)", entity.body) == "HyperV")
            #expect(try xpath("string(/em:Job/em:ScheduleEnabled)", entity.body) == "true")
            let entityJSON = try jsonObject(try await server.get("/api/jobs/\(jobID)?format=Entity", token: token, json: true).body)
            #expect(entityJSON["ScheduleEnabled"] as? Bool == true)
            #expect(entityJSON["JobType"] as? String == "Backup")
            #expect(entityJSON["UID"] as? String == "urn:veeam:Job:\(jobID)")
            #expect(entityJSON["Type"] as? String == "Job")

            let copy = try await server.get("/api/jobs/\(copyJobID)?format=Entity", token: token)
            let copyRels = try linkRels(copy.body, of: "/em:Job")
            #expect(copyRels.contains("Sync") && !copyRels.contains("Start"))

            let sessions = try await server.get("/api/jobs/\(jobID)/backupSessions", token: token)
            #expect(sessions.status == 200)
            expectValidXML(sessions.body, "job sessions")
            #expect(try xpath("count(/em:EntityReferences/em:Ref)", sessions.body) == "2")
            #expect(try xpath("count(/em:EntityReferences/em:Ref[@Type='BackupJobSessionReference'])", sessions.body) == "2")
        }
    }

    @Test("agent jobs: reference list, entity list, reference and entity", arguments: Mode.allCases)
    func agentJobs(mode: Mode) async throws {
        try await withServer(mode) { server in
            let token = try await server.logOn()
            let refs = try await server.get("/api/agents/jobs", token: token)
            expectValidXML(refs.body, "agent jobs")
            #expect(try xpath("count(/em:EntityReferences/em:Ref[@Type='AgentBackupJobReference'])", refs.body) == "2")
            let ref = "/em:EntityReferences/em:Ref[@UID='urn:veeam:AgentBackupJob:\(agentJobID)']"
            #expect(try xpath("string(\(ref)/em:Links/em:Link[@Rel='Alternate']/@Type)", refs.body) == "AgentBackupJob")
            #expect(try xpath("string(\(ref)/em:Links/em:Link[@Rel='Down']/@Href)", refs.body).hasSuffix("/api/agents/jobs/\(agentJobID)/backupSessions"))
            let refsJSON = try jsonObject(try await server.get("/api/agents/jobs", token: token, json: true).body)
            #expect((refsJSON["Refs"] as? [[String: Any]])?.count == 2)

            let entities = try await server.get("/api/agents/jobs?format=Entity", token: token)
            expectValidXML(entities.body, "agent job entities")
            #expect(try xpath("count(/em:AgentBackupJobs/em:AgentBackupJob)", entities.body) == "2")
            let entitiesJSON = try jsonObject(try await server.get("/api/agents/jobs?format=Entity", token: token, json: true).body)
            #expect((entitiesJSON["AgentBackupJobs"] as? [[String: Any]])?.count == 2)

            let single = try await server.get("/api/agents/jobs/\(agentJobID)", token: token)
            expectValidXML(single.body, "agent job reference")
            #expect(try xpath("string(/em:EntityRef/@Type)", single.body) == "AgentBackupJobReference")

            let entity = try await server.get("/api/agents/jobs/\(agentJobID)?format=Entity", token: token)
            expectValidXML(entity.body, "agent job entity")
            #expect(try linkRels(entity.body, of: "/em:AgentBackupJob") == ["Up", "Alternate", "Down", "ToggleScheduleEnabled", "Down", "Start", "Stop", "Retry"])
            #expect(try xpath("string(/em:AgentBackupJob/em:Links/em:Link[@Rel='Alternate']/@Type)", entity.body) == "JobReference")
            #expect(try xpath("string(/em:AgentBackupJob/em:JobType)", entity.body) == "AgentBackup")
            #expect(try xpath("string(/em:AgentBackupJob/@UID)", entity.body) == "urn:veeam:AgentBackupJob:\(agentJobID)")
            let entityJSON = try jsonObject(try await server.get("/api/agents/jobs/\(agentJobID)?format=Entity", token: token, json: true).body)
            #expect(entityJSON["Platform"] as? String == "AgentForWindows")
            #expect(try await server.get("/api/agents/jobs/\(agentJobID)/backupSessions", token: token).status == 200)
        }
    }

    @Test(
        "actions answer 202 with the reference's Operation and finish with its Message",
        arguments: [
            ("/api/jobs/\(jobID)", "start", "StartJob", #"Job "DB Backup" triggered to start."#),
            ("/api/jobs/\(jobID)", "stop", "StopJob", #"Job "DB Backup" triggered to stop."#),
            ("/api/jobs/\(jobID)", "retry", "RetryJob", #"Job "DB Backup" triggered to retry."#),
            ("/api/jobs/\(jobID)", "toggleScheduleEnabled", "UpdateJob", "Ok"),
            ("/api/agents/jobs/\(agentJobID)", "start", "StartJob", #"Job "Agent Backup" triggered to start."#),
            ("/api/agents/jobs/\(agentJobID)", "stop", "StopAgentJob", #"Job "Agent Backup" triggered to stop."#),
            ("/api/agents/jobs/\(agentJobID)", "retry", "RetryAgentJob", #"Job "Agent Backup" triggered to retry."#),
            ("/api/agents/jobs/\(agentJobID)", "toggleScheduleEnabled", "UpdateJob", "Ok"),
        ])
    func actions(path: String, action: String, operation: String, message: String) async throws {
        try await withServer(.live) { server in
            let token = try await server.logOn()
            let accepted = try await server.post("\(path)?action=\(action)", token: token)
            #expect(accepted.status == 202)
            expectValidXML(accepted.body, "202 \(action)")
            #expect(try xpath("string(/em:Task/em:Operation)", accepted.body) == operation)
            #expect(try xpath("string(/em:Task/em:State)", accepted.body) == "Running")
            #expect(try xpath("count(/em:Task/em:Result)", accepted.body) == "0")
            let taskURL = try xpath("string(/em:Task/@Href)", accepted.body)
            let finished = try await server.waitForTask(taskURL, token: token)
            #expect(try xpath("string(/em:Task/em:State)", finished.body) == "Finished")
            #expect(try xpath("string(/em:Task/em:Result/@Success)", finished.body) == "true")
            #expect(try xpath("string(/em:Task/em:Result/em:Message)", finished.body) == message)
            let json = try jsonObject(try await server.post("\(path)?action=\(action)", token: token, json: true).body)
            #expect(json["Operation"] as? String == operation)
            #expect(json["State"] as? String == "Running")
        }
    }

    @Test("sync on a backup copy job: StartJobSync, OperationFinished, then Finished")
    func sync() async throws {
        try await withServer(.live, testConfiguration(taskDuration: .milliseconds(300))) { server in
            let token = try await server.logOn()
            let accepted = try await server.post("/api/jobs/\(copyJobID)?action=sync", token: token)
            #expect(accepted.status == 202)
            #expect(try xpath("string(/em:Task/em:Operation)", accepted.body) == "StartJobSync")
            let url = try xpath("string(/em:Task/@Href)", accepted.body)
            var states = [try xpath("string(/em:Task/em:State)", accepted.body)]
            for _ in 0..<100 {
                let state = try xpath("string(/em:Task/em:State)", try await server.get(url, token: token).body)
                if states.last != state { states.append(state) }
                if state == "Finished" { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            // The exact timing is proven by TaskRecordTests; here the order under a real clock.
            let order = ["Running", "OperationFinished", "Finished"]
            #expect(states.first == "Running" && states.last == "Finished")
            #expect(states.map { order.firstIndex(of: $0) ?? -1 } == states.map { order.firstIndex(of: $0) ?? -1 }.sorted())
            let finished = try await server.get(url, token: token)
            #expect(try xpath("string(/em:Task/em:Result/em:Message)", finished.body) == "OperationFinished")
        }
    }

    @Test("toggleScheduleEnabled flips ScheduleEnabled, twice restores it", arguments: Mode.allCases)
    func toggleFlips(mode: Mode) async throws {
        try await withServer(mode) { server in
            let token = try await server.logOn()
            let entity = "/api/agents/jobs/\(agentJobID)?format=Entity"
            let flag = "string(/em:AgentBackupJob/em:ScheduleEnabled)"
            #expect(try xpath(flag, try await server.get(entity, token: token).body) == "true")
            for expected in ["false", "true"] {
                let accepted = try await server.post("/api/agents/jobs/\(agentJobID)?action=toggleScheduleEnabled", token: token)
                #expect(accepted.status == 202)
                let task = try #require(URL(string: try xpath("string(/em:Task/@Href)", accepted.body))).path
                _ = try await server.waitForTask(task, token: token)
                #expect(try xpath(flag, try await server.get(entity, token: token).body) == expected)
            }
        }
    }

    @Test("tasks: task-N ids, the caller's list only, DELETE 204 then 404", arguments: Mode.allCases)
    func tasks(mode: Mode) async throws {
        try await withServer(mode) { server in
            let mine = try await server.logOn()
            let other = try await server.logOn()
            for _ in 0..<2 {
                #expect(try await server.post("/api/jobs/\(jobID)?action=start", token: mine).status == 202)
            }
            #expect(try await server.post("/api/jobs/\(jobID)?action=start", token: other).status == 202)
            let list = try await server.get("/api/tasks", token: mine)
            #expect(list.status == 200)
            expectValidXML(list.body, "Tasks")
            #expect(try xpath("count(/em:Tasks/em:Task)", list.body) == "2")
            #expect(try xpath("string(/em:Tasks/em:Task[1]/em:TaskId)", list.body) == "task-1")
            #expect(try xpath("string(/em:Tasks/em:Task[2]/em:TaskId)", list.body) == "task-2")
            let listJSON = try jsonObject(try await server.get("/api/tasks", token: other, json: true).body)
            #expect((listJSON["Tasks"] as? [[String: Any]])?.compactMap { $0["TaskId"] as? String } == ["task-3"])

            #expect(try await server.get("/api/tasks/task-3", token: mine).status == 404)
            let task = try await server.get("/api/tasks/task-1", token: mine)
            #expect(task.status == 200)
            expectValidXML(task.body, "Task")
            #expect(try jsonObject(try await server.get("/api/tasks/task-1", token: mine, json: true).body)["TaskId"] as? String == "task-1")
            let deleted = try await server.delete("/api/tasks/task-1", token: mine)
            #expect(deleted.status == 204)
            #expect(deleted.body.isEmpty)
            let gone = try await server.get("/api/tasks/task-1", token: mine)
            #expect(gone.status == 404)
            expectValidXML(gone.body, "404 after delete")
            #expect(try await server.delete("/api/tasks/task-1", token: mine).status == 404)
            #expect(try xpath("count(/em:Tasks/em:Task)", try await server.get("/api/tasks", token: mine).body) == "1")
        }
    }

    @Test("the cookie wins over the header", arguments: Mode.allCases)
    func cookieWins(mode: Mode) async throws {
        try await withServer(mode) { server in
            let token = try await server.logOn()
            let cookieOnly = try await server.get("/api/jobs", headers: [("Cookie", "other=1; X-RestSvcSessionId=\(token)")])
            #expect(cookieOnly.status == 200)
            let goodCookieBadHeader = try await server.get(
                "/api/jobs", token: "bm9wZQ==", headers: [("Cookie", "X-RestSvcSessionId=\(token)")])
            #expect(goodCookieBadHeader.status == 200)
            let badCookieGoodHeader = try await server.get(
                "/api/jobs", token: token, headers: [("Cookie", "X-RestSvcSessionId=bm9wZQ==")])
            #expect(badCookieGoodHeader.status == 401)
        }
    }

    @Test("paths ignore case, a trailing slash and ?v= on every request", arguments: Mode.allCases)
    func lenientPaths(mode: Mode) async throws {
        try await withServer(mode) { server in
            let token = try await server.logOn()
            #expect(try await server.get("/API/Jobs/", token: token).status == 200)
            #expect(try await server.get("/api/jobs?v=latest", token: token).status == 200)
            #expect(try await server.get("/api/agents/jobs/\(agentJobID)/?v=latest&format=Entity", token: token).status == 200)
        }
    }
}

/// The `Rel`s of the links of `root`, in order.
func linkRels(_ bytes: [UInt8], of root: String) throws -> [String] {
    let count = Int(try xpath("count(\(root)/em:Links/em:Link)", bytes)) ?? 0
    return try (0..<count).map { index in try xpath("string(\(root)/em:Links/em:Link[\(index + 1)]/@Rel)", bytes) }
}
