import Foundation
import Testing

@testable import TollgateServer

/// Ids of the standard inventory used below.
private let serverID = "d1444f74-27e6-4399-81a9-d28ba98913f0"
private let repositoryID = "bd2e9775-bd9e-49c3-b1ef-a9fcef2c6632"
private let sessionID = "81bde21b-10c6-4dbb-9858-5e2febcead71"
private let taskSessionID = "4c0473a5-1651-42db-ac66-4292ae2a076a"
private let backupID = "f5fc12c7-e46a-483f-8a95-5a052b723433"
private let restorePointID = "0235369a-1ef6-431f-ba05-804a8fb9c549"
private let vmRestorePointID = "0dea2e9c-6493-44fe-ae98-0f3d0df3e356"
private let computerID = "4e8d6a1e-3a3b-4d5e-9f1a-2b6c7d8e9f01"
private let rootID = "3c9a2f4e-8d1b-4e6a-b7c5-2f0e9d8c7b61"
private let portalUserRoleID = "d19a3d33-cb77-4ffe-94e6-001432483a4e"

/// A configuration with a Portal User besides the administrator and the restore operator.
private func catalogConfiguration(taskDuration: Duration = .milliseconds(100), faultHeader: Bool = false) -> ServerConfiguration {
    var configuration = testConfiguration(taskDuration: taskDuration, faultHeader: faultHeader)
    configuration.add(UserAccount(name: "viewer", password: "v1ewer", role: .portalUser))
    return configuration
}

/// Every §14 endpoint: path, XML root, JSON top-level key.
private let endpoints: [(path: String, root: String, jsonKey: String)] = {
    let account = ResourceFactory.accountID(of: "admin")
    return [
        ("/api/backupServers", "EntityReferences", "Refs"),
        ("/api/backupServers?format=Entity", "BackupServers", "BackupServers"),
        ("/api/backupServers/\(serverID)", "EntityRef", "UID"),
        ("/api/backupServers/\(serverID)?format=Entity", "BackupServer", "Version"),
        ("/api/backupServers/\(serverID)/jobs", "EntityReferences", "Refs"),
        ("/api/backupServers/\(serverID)/repositories", "EntityReferences", "Refs"),
        ("/api/repositories", "EntityReferences", "Refs"),
        ("/api/repositories?format=Entity", "Repositories", "Repositories"),
        ("/api/repositories/\(repositoryID)", "EntityRef", "UID"),
        ("/api/repositories/\(repositoryID)?format=Entity", "Repository", "Capacity"),
        ("/api/repositories/\(repositoryID)/backups", "EntityReferences", "Refs"),
        ("/api/backupSessions", "EntityReferences", "Refs"),
        ("/api/backupSessions?format=Entity", "BackupJobSessions", "BackupJobSessions"),
        ("/api/backupSessions/\(sessionID)", "EntityRef", "UID"),
        ("/api/backupSessions/\(sessionID)?format=Entity", "BackupJobSession", "IsRetry"),
        ("/api/backupSessions/\(sessionID)/taskSessions", "EntityReferences", "Refs"),
        ("/api/backupSessions/\(sessionID)/taskSessions?format=Entity", "BackupTaskSessions", "BackupTaskSessions"),
        ("/api/backupTaskSessions", "EntityReferences", "Refs"),
        ("/api/backupTaskSessions?format=Entity", "BackupTaskSessions", "BackupTaskSessions"),
        ("/api/backupTaskSessions/\(taskSessionID)", "EntityRef", "UID"),
        ("/api/backupTaskSessions/\(taskSessionID)?format=Entity", "BackupTaskSession", "JobSessionUid"),
        ("/api/jobs/\(jobID)/backupSessions", "EntityReferences", "Refs"),
        ("/api/jobs/\(jobID)/backupSessions?format=Entity", "BackupJobSessions", "BackupJobSessions"),
        ("/api/agents/jobs/\(agentJobID)/backupSessions?format=Entity", "BackupJobSessions", "BackupJobSessions"),
        ("/api/jobs/\(jobID)/includes", "ObjectsInJob", "ObjectsInJob"),
        ("/api/backups", "EntityReferences", "Refs"),
        ("/api/backups?format=Entity", "Backups", "Backups"),
        ("/api/backups/\(backupID)", "EntityRef", "UID"),
        ("/api/backups/\(backupID)?format=Entity", "Backup", "Platform"),
        ("/api/backups/\(backupID)/restorePoints", "EntityReferences", "Refs"),
        ("/api/backups/\(backupID)/restorePoints?format=Entity", "RestorePoints", "RestorePoints"),
        ("/api/restorePoints", "EntityReferences", "Refs"),
        ("/api/restorePoints/\(restorePointID)", "EntityRef", "UID"),
        ("/api/restorePoints/\(restorePointID)?format=Entity", "RestorePoint", "BackupDateUTC"),
        ("/api/restorePoints/\(restorePointID)/vmRestorePoints", "EntityReferences", "Refs"),
        ("/api/restorePoints/\(restorePointID)/vmRestorePoints?format=Entity", "VmRestorePoints", "VmRestorePoints"),
        ("/api/vmRestorePoints", "EntityReferences", "Refs"),
        ("/api/vmRestorePoints/\(vmRestorePointID)", "EntityRef", "UID"),
        ("/api/vmRestorePoints/\(vmRestorePointID)?format=Entity", "VmRestorePoint", "HierarchyObjRef"),
        ("/api/reports/summary", "SummaryReport", "Links"),
        ("/api/reports/summary/overview", "OverviewReportFrame", "BackupServers"),
        ("/api/reports/summary/vms_overview", "VmsOverviewReportFrame", "ProtectedVms"),
        ("/api/reports/summary/job_statistics", "JobStatisticsReportFrame", "TotalJobRuns"),
        ("/api/reports/summary/repository", "RepositoryReportFrame", "Periods"),
        ("/api/reports/summary/processed_vms", "ProcessedVmsReportFrame", "Days"),
        ("/api/query?type=BackupJobSession", "QueryResult", "Refs"),
        ("/api/query?type=BackupJobSession&format=Entities", "QueryResult", "Entities"),
        ("/api/query?type=BackupTaskSession&format=entities&sortDesc=CreationTime", "QueryResult", "Entities"),
        ("/api/agents/discoveredComputers", "EntityReferences", "Refs"),
        ("/api/agents/discoveredComputers?format=Entity", "DiscoveredComputers", "DiscoveredComputers"),
        ("/api/agents/discoveredComputers/\(computerID)", "EntityRef", "UID"),
        ("/api/agents/discoveredComputers/\(computerID)?format=Entity", "DiscoveredComputer", "HostStatus"),
        ("/api/security/roles", "EntityReferences", "Refs"),
        ("/api/security/roles/\(portalUserRoleID)?format=Entity", "EnterpriseRole", "UID"),
        ("/api/security/accounts", "EntityReferences", "Refs"),
        ("/api/security/accounts/\(account)", "EntityRef", "UID"),
        ("/api/security/accounts/\(account)?format=Entity", "EnterpriseAccount", "AccountType"),
        ("/api/security/accounts/\(account)/roles", "EntityReferences", "Refs"),
        ("/api/hierarchyRoots", "EntityReferences", "Refs"),
        ("/api/hierarchyRoots/\(rootID)?format=Entity", "HierarchyRoot", "HostType"),
        ("/api/lookup?host=urn:veeam:HierarchyRoot:\(rootID)&name=*&type=Vm", "HierarchyItems", "HierarchyItems"),
    ]
}()

@Suite("Catalog resources (reference §14)")
struct CatalogTests {
    @Test("every endpoint answers 200 in XML (valid against the XSD) and in PascalCase JSON", arguments: Mode.allCases)
    func everyEndpoint(mode: Mode) async throws {
        try await withServer(mode, catalogConfiguration()) { server in
            let token = try await server.logOn()
            for endpoint in endpoints {
                let xml = try await server.get(endpoint.path, token: token)
                #expect(xml.status == 200, "\(endpoint.path): \(xml.text)")
                expectValidXML(xml.body, endpoint.path)
                #expect(try xpath("local-name(/*)", xml.body) == endpoint.root, "\(endpoint.path)")
                #expect(xml.header("Content-Type") == "application/xml")
                let json = try await server.get(endpoint.path, token: token, json: true)
                #expect(json.status == 200, "\(endpoint.path) json")
                #expect(json.header("Content-Type") == "application/json")
                let object = try jsonObject(json.body)
                #expect(object[endpoint.jsonKey] != nil, "\(endpoint.path): no \(endpoint.jsonKey) in \(json.text)")
            }
        }
    }

    @Test("lists hold the inventory; references and entities agree; every job's Up link resolves")
    func listsAndLinks() async throws {
        try await withServer(.router, catalogConfiguration()) { server in
            let token = try await server.logOn()
            let inventory = Inventory.standard
            let counts = [
                ("/api/repositories", inventory.repositories.count), ("/api/backups", inventory.backups.count),
                ("/api/backupSessions", inventory.sessions.count),
                ("/api/backupTaskSessions", inventory.sessions.flatMap(\.tasks).count),
                ("/api/restorePoints", inventory.backups.flatMap(\.restorePoints).count),
                ("/api/vmRestorePoints", inventory.backups.flatMap(\.restorePoints).flatMap(\.vms).count),
                ("/api/agents/discoveredComputers", inventory.discoveredComputers.count),
                ("/api/hierarchyRoots", inventory.hierarchyRoots.count), ("/api/security/roles", 7),
                ("/api/security/accounts", 3), ("/api/backupServers", 1), ("/api/jobs/\(jobID)/backupSessions", 2),
                ("/api/repositories/\(repositoryID)/backups", 2), ("/api/backups/\(backupID)/restorePoints", 2),
            ]
            for (path, count) in counts {
                #expect(try xpath("count(/em:EntityReferences/em:Ref)", try await server.get(path, token: token).body) == "\(count)", "\(path)")
            }
            let jobs = try await server.get("/api/jobs", token: token)
            let up = try xpath("string((/em:EntityReferences/em:Ref)[1]/em:Links/em:Link[@Rel='Up']/@Href)", jobs.body)
            let server1 = try await server.get(try #require(URL(string: up)).path, token: token)
            #expect(server1.status == 200)
            #expect(try xpath("string(/em:EntityRef/@Type)", server1.body) == "BackupServerReference")
            let session = try await server.get("/api/backupSessions/\(sessionID)?format=Entity", token: token)
            #expect(try xpath("string(/em:BackupJobSession/em:JobName)", session.body) == "DB Backup")
            #expect(try xpath("string(/em:BackupJobSession/em:Links/em:Link[@Rel='Up'][@Type='JobReference']/@Href)", session.body).hasSuffix("/api/jobs/\(jobID)"))
            let json = try jsonObject(try await server.get("/api/backupSessions/\(sessionID)?format=Entity", token: token, json: true).body)
            #expect(json["FailureMessage"] is NSNull)
            #expect(json["Progress"] as? Int == 100)
            let text = String(decoding: try await server.get("/api/backupSessions/\(sessionID)?format=Entity", token: token, json: true).body, as: UTF8.self)
            #expect(text.hasPrefix("{\"IsRetry\":false,\"JobUid\":"), "derived member first: \(text)")
            let unknown = try await server.get("/api/backupSessions/00000000-0000-0000-0000-000000000000", token: token)
            #expect(unknown.status == 404)
            #expect(try xpath("string(/em:Error/@Message)", unknown.body).contains("was not found"))
        }
    }

    @Test("the summary reports count what the lists hold", arguments: Mode.allCases)
    func reportsAgree(mode: Mode) async throws {
        try await withServer(mode, catalogConfiguration()) { server in
            let token = try await server.logOn()
            func count(_ path: String) async throws -> String {
                try xpath("count(/em:EntityReferences/em:Ref)", try await server.get(path, token: token).body)
            }
            let statistics = try await server.get("/api/reports/summary/job_statistics", token: token)
            #expect(try xpath("string(//em:TotalJobRuns)", statistics.body) == (try await count("/api/backupSessions")))
            #expect(try xpath("string(//em:SuccessfulJobRuns)", statistics.body) == "3")
            #expect(try xpath("string(//em:WarningsJobRuns)", statistics.body) == "1")
            #expect(try xpath("string(//em:FailedJobRuns)", statistics.body) == "1")
            #expect(try xpath("string(//em:MaxDurationBackupJobName)", statistics.body) == "DB Backup")
            #expect(try xpath("string(//em:MaxJobDuration)", statistics.body) == "1288")
            let overview = try await server.get("/api/reports/summary/overview", token: token)
            #expect(try xpath("string(//em:RepositoryServers)", overview.body) == (try await count("/api/repositories")))
            #expect(try xpath("string(//em:RunningJobs)", overview.body) == "0")
            #expect(try xpath("string(//em:WarningVmLastestStates)", overview.body) == "1")
            let vms = try await server.get("/api/reports/summary/vms_overview", token: token)
            #expect(try xpath("string(//em:RestorePoints)", vms.body) == (try await count("/api/restorePoints")))
            #expect(try xpath("string(//em:SuccessBackupPercents)", vms.body) == "60")
            let repositories = try await server.get("/api/reports/summary/repository", token: token)
            #expect(try xpath("count(//em:Period)", repositories.body) == (try await count("/api/repositories")))
            let summary = try await server.get("/api/reports/summary", token: token)
            #expect(try xpath("count(//em:Link[@Rel='Down'][@Type='ReportFrame'])", summary.body) == "5")
            let json = try jsonObject(try await server.get("/api/reports/summary/job_statistics", token: token, json: true).body)
            #expect(json["Href"] is NSNull && json["Links"] is NSNull && json["Type"] is NSNull)
            let periods = try #require(try jsonObject(try await server.get("/api/reports/summary/repository", token: token, json: true).body)["Periods"] as? [[String: Any]])
            #expect(periods.count == 3 && periods.allSatisfy { ($0["Capacity"] as? Int) != 0 })
        }
    }

    @Test("start creates a Working session that ends with its task; retry is IsRetry; the reports follow")
    func sessionFollowsTask() async throws {
        try await withServer(.live, catalogConfiguration(taskDuration: .seconds(3))) { server in
            let token = try await server.logOn()
            let started = try await server.post("/api/jobs/\(jobID)?action=start", token: token)
            #expect(started.status == 202)
            let sessions = try await server.get("/api/jobs/\(jobID)/backupSessions?format=Entity", token: token)
            #expect(try xpath("count(/em:BackupJobSessions/em:BackupJobSession)", sessions.body) == "3")
            let last = "(/em:BackupJobSessions/em:BackupJobSession)[3]"
            #expect(try xpath("string(\(last)/em:State)", sessions.body) == "Working")
            #expect(try xpath("string(\(last)/em:Result)", sessions.body) == "None")
            #expect(try xpath("count(\(last)/em:EndTimeUTC)", sessions.body) == "0")
            expectValidXML(sessions.body, "working session")
            let running = try await server.get("/api/reports/summary/overview", token: token)
            #expect(try xpath("string(//em:RunningJobs)", running.body) == "1")
            let tasksOfNew = try xpath("string(\(last)/em:Links/em:Link[@Rel='Down']/@Href)", sessions.body)
            let taskList = try await server.get(try #require(URL(string: tasksOfNew)).path + "?format=Entity", token: token)
            #expect(try xpath("count(/em:BackupTaskSessions/em:BackupTaskSession[em:State='InProgress'])", taskList.body) == "2")
            let task = try xpath("string(/em:Task/@Href)", started.body)
            _ = try await server.waitForTask(try #require(URL(string: task)).path, token: token)
            let after = try await server.get("/api/jobs/\(jobID)/backupSessions?format=Entity", token: token)
            #expect(try xpath("string(\(last)/em:State)", after.body) == "Stopped")
            #expect(try xpath("string(\(last)/em:Result)", after.body) == "Success")
            #expect(try xpath("string(\(last)/em:Progress)", after.body) == "100")
            #expect(try xpath("count(\(last)/em:EndTimeUTC)", after.body) == "1")
            expectValidXML(after.body, "finished session")
            _ = try await server.post("/api/jobs/\(jobID)?action=retry", token: token)
            let retried = try await server.get("/api/jobs/\(jobID)/backupSessions?format=Entity", token: token)
            #expect(try xpath("string((/em:BackupJobSessions/em:BackupJobSession)[4]/em:IsRetry)", retried.body) == "true")
            let statistics = try await server.get("/api/reports/summary/job_statistics", token: token)
            #expect(try xpath("string(//em:TotalJobRuns)", statistics.body) == "7")
            _ = try await server.post("/api/jobs/\(replicaJobID)?action=start", token: token)
            let all = try await server.get("/api/backupSessions", token: token)
            #expect(try xpath("count(/em:EntityReferences/em:Ref)", all.body) == "7", "a replica job has no backup session")
        }
    }

    @Test("stop ends a working session Failed when its task finishes; a failing start fails the session")
    func stopAndFailure() async throws {
        try await withServer(.live, catalogConfiguration(taskDuration: .seconds(1), faultHeader: true)) { server in
            let token = try await server.logOn()
            _ = try await server.post("/api/jobs/\(jobID)?action=start", token: token, headers: [("X-Tollgate-Fault", "task-never-finishes")])
            let working = try await server.get("/api/jobs/\(jobID)/backupSessions?format=Entity", token: token)
            #expect(try xpath("string((/em:BackupJobSessions/em:BackupJobSession)[3]/em:State)", working.body) == "Working")
            let stop = try await server.post("/api/jobs/\(jobID)?action=stop", token: token)
            let stopping = try await server.get("/api/jobs/\(jobID)/backupSessions?format=Entity", token: token)
            // Stopping until the stop task finishes (a loaded machine may already see it Stopped).
            #expect(["Stopping", "Stopped"].contains(try xpath("string((/em:BackupJobSessions/em:BackupJobSession)[3]/em:State)", stopping.body)))
            _ = try await server.waitForTask(try #require(URL(string: try xpath("string(/em:Task/@Href)", stop.body))).path, token: token)
            let stopped = try await server.get("/api/jobs/\(jobID)/backupSessions?format=Entity", token: token)
            let session = "(/em:BackupJobSessions/em:BackupJobSession)[3]"
            #expect(try xpath("string(\(session)/em:State)", stopped.body) == "Stopped")
            #expect(try xpath("string(\(session)/em:Result)", stopped.body) == "Failed")
            #expect(try xpath("string(\(session)/em:FailureMessage)", stopped.body) == JobSessionRecord.stoppedMessage)
            expectValidXML(stopped.body, "stopped session")
            let failing = try await server.post(
                "/api/agents/jobs/\(agentJobID)?action=start", token: token, headers: [("X-Tollgate-Fault", "task-fails=disk full")])
            _ = try await server.waitForTask(try #require(URL(string: try xpath("string(/em:Task/@Href)", failing.body))).path, token: token)
            let agent = try await server.get("/api/agents/jobs/\(agentJobID)/backupSessions?format=Entity", token: token)
            let last = "(/em:BackupJobSessions/em:BackupJobSession)[last()]"
            #expect(try xpath("string(\(last)/em:Result)", agent.body) == "Failed")
            #expect(try xpath("string(\(last)/em:FailureMessage)", agent.body) == "disk full")
            #expect(try xpath("string(\(last)/em:JobType)", agent.body) == "AgentBackup")
        }
    }

    @Test("roles: a restore operator sees only backups and restore points, a portal user all but /security")
    func roles() async throws {
        try await withServer(.router, catalogConfiguration()) { server in
            let operatorToken = try await server.logOn("operator", "0perator")
            let viewerToken = try await server.logOn("viewer", "v1ewer")
            for path in ["/api/backupSessions", "/api/query?type=BackupJobSession", "/api/reports/summary", "/api/repositories", "/api/security/roles"] {
                let denied = try await server.get(path, token: operatorToken)
                #expect(denied.status == 403, "operator \(path)")
                #expect(try xpath("string(/em:Error/@Message)", denied.body) == "Access denied.")
            }
            for path in ["/api/backups", "/api/restorePoints/\(restorePointID)/vmRestorePoints"] {
                #expect(try await server.get(path, token: operatorToken).status == 200, "operator \(path)")
            }
            #expect(try await server.get("/api/security/accounts", token: viewerToken).status == 403)
            #expect(try await server.get("/api/backupSessions", token: viewerToken).status == 200)
            let operatorSession = try await server.get("/api/logonSessions", token: operatorToken)
            #expect(try xpath("count(//em:Link[@Type='BackupJobSessionReferenceList'])", operatorSession.body) == "0")
            #expect(try xpath("count(//em:Link[@Type='BackupReferenceList'])", operatorSession.body) == "1")
            let viewerSession = try await server.get("/api/logonSessions", token: viewerToken)
            #expect(try xpath("count(//em:Link[@Type='EnterpriseRoleReferenceList'])", viewerSession.body) == "0")
            #expect(try xpath("count(//em:Link[@Type='BackupJobSessionReferenceList'])", viewerSession.body) == "1")
            #expect(try await server.get("/api/backups", token: nil).status == 401)
        }
    }

    @Test("faults apply to the new routes: a route rule and the header")
    func faults() async throws {
        var configuration = catalogConfiguration(faultHeader: true)
        configuration.faults = [try FaultRule(parsing: "error500=Catalog down@GET:/api/backupSessions*")]
        try await withServer(.live, configuration) { server in
            let token = try await server.logOn()
            let failed = try await server.get("/api/backupSessions?format=Entity", token: token)
            #expect(failed.status == 500)
            #expect(try xpath("string(/em:Error/@Message)", failed.body) == "Catalog down")
            #expect(try await server.get("/api/backups", token: token).status == 200)
            let camel = try await server.get("/api/reports/summary/overview", token: token, json: true, headers: [("X-Tollgate-Fault", "camelcase-json")])
            #expect(try jsonObject(camel.body)["runningJobs"] != nil)
            let broken = try await server.get("/api/repositories", token: token, headers: [("X-Tollgate-Fault", "malformed-xml")])
            #expect(broken.status == 200)
            #expect(!broken.text.hasSuffix("</EntityReferences>\n"))
        }
    }

    @Test("lookup finds VMs below a hierarchy root; bad lookups are errors")
    func lookup() async throws {
        try await withServer(.router, catalogConfiguration()) { server in
            let token = try await server.logOn()
            let all = try await server.get("/api/lookup?host=\(rootID)&name=*", token: token)
            #expect(try xpath("count(//em:HierarchyItem)", all.body) == "2", "crm-app01 and crm-db01 are the VMware VMs")
            let one = try await server.get("/api/lookup?host=\(rootID)&name=CRM-DB*", token: token)
            #expect(try xpath("string(//em:ObjectName)", one.body) == "crm-db01")
            let reference = try xpath("string(//em:ObjectRef)", one.body)
            let byReference = try await server.get("/api/lookup?hierarchyRef=\(reference)", token: token)
            #expect(try xpath("count(//em:HierarchyItem)", byReference.body) == "1")
            #expect(try await server.get("/api/lookup", token: token).status == 400)
            #expect(try await server.get("/api/lookup?host=00000000-0000-0000-0000-000000000001", token: token).status == 404)
            let hosts = try await server.get("/api/lookup?host=\(rootID)&type=Host", token: token)
            #expect(try xpath("count(//em:HierarchyItem)", hosts.body) == "0")
        }
    }
}
