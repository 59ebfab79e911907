import Foundation
import Testing

@testable import TollgateServer

/// Where the reference is clear and the server follows it on every release: a 202 task is
/// Running, a toggle lands when its task finishes, jobs are for Portal Administrators.
/// No test depends on timing: tasks take either no time or an hour.
@Suite("Faithful tasks, toggles and roles")
struct FaithfulnessTests {
    static func configuration(taskDuration: Duration, release: ServerRelease = .default) -> ServerConfiguration {
        var configuration = testConfiguration(taskDuration: taskDuration)
        configuration.release = release
        configuration.add(UserAccount(name: "viewer", password: "v1ewer", role: .portalUser))
        return configuration
    }

    @Test("with tasks of no duration the 202 body is Running, without Result; the next GET is Finished", arguments: ServerRelease.allCases)
    func acceptedIsRunning(release: ServerRelease) async throws {
        try await withLiveServer(Self.configuration(taskDuration: .zero, release: release)) { _, client in
            let token = try await client.logOn()
            for (target, operation) in [
                ("/api/jobs/\(jobID)?action=start", "StartJob"),
                ("/api/jobs/\(copyJobID)?action=sync", "StartJobSync"),
                ("/api/agents/jobs/\(agentJobID)?action=toggleScheduleEnabled", "UpdateJob"),
            ] {
                let accepted = try await client.send(.POST, target, token: token)
                #expect(accepted.status == 202)
                expectValidXML(accepted.body, "202 of \(target)")
                #expect(try xpath("string(/em:Task/em:State)", accepted.body) == "Running", "\(target)")
                #expect(try xpath("count(/em:Task/em:Result)", accepted.body) == "0")
                #expect(try xpath("string(/em:Task/em:Operation)", accepted.body) == operation)
                let href = try xpath("string(/em:Task/@Href)", accepted.body)
                let later = try await client.send(.GET, href, token: token)
                #expect(try xpath("string(/em:Task/em:State)", later.body) == "Finished", "\(target)")
                #expect(try xpath("string(/em:Task/em:Result/@Success)", later.body) == "true")
            }
            let json = try await client.send(.POST, "/api/jobs/\(jobID)?action=start", token: token, json: true)
            let task = try jsonObject(json.body)
            #expect(task[release == .v13 ? "state" : "State"] as? String == "Running", "\(task)")
        }
    }

    @Test("a toggle does not change ScheduleEnabled while its task is Running")
    func toggleWaitsForTask() async throws {
        try await withLiveServer(Self.configuration(taskDuration: .seconds(3600))) { _, client in
            let token = try await client.logOn()
            let entity = "/api/agents/jobs/\(agentJobID)?format=Entity"
            let flag = "string(/em:AgentBackupJob/em:ScheduleEnabled)"
            #expect(try xpath(flag, try await client.send(.GET, entity, token: token).body) == "true")
            let accepted = try await client.send(.POST, "/api/agents/jobs/\(agentJobID)?action=toggleScheduleEnabled", token: token)
            #expect(accepted.status == 202)
            let task = try await client.send(.GET, try xpath("string(/em:Task/@Href)", accepted.body), token: token)
            #expect(try xpath("string(/em:Task/em:State)", task.body) == "Running")
            #expect(try xpath(flag, try await client.send(.GET, entity, token: token).body) == "true")
            let list = try await client.send(.GET, "/api/agents/jobs?format=Entity", token: token)
            #expect(try xpath("string(//em:AgentBackupJob[@UID='urn:veeam:AgentBackupJob:\(agentJobID)']/em:ScheduleEnabled)", list.body) == "true")
        }
    }

    @Test("a toggle's flag has changed once its task says Finished; two toggles restore it")
    func toggleLandsWithTask() async throws {
        try await withLiveServer(Self.configuration(taskDuration: .zero)) { _, client in
            let token = try await client.logOn()
            let entity = "/api/jobs/\(jobID)?format=Entity"
            let flag = "string(/em:Job/em:ScheduleEnabled)"
            for expected in ["false", "true"] {
                let accepted = try await client.send(.POST, "/api/jobs/\(jobID)?action=toggleScheduleEnabled", token: token)
                #expect(try xpath("string(/em:Task/em:State)", accepted.body) == "Running")
                let task = try await client.send(.GET, try xpath("string(/em:Task/@Href)", accepted.body), token: token)
                #expect(try xpath("string(/em:Task/em:State)", task.body) == "Finished")
                #expect(try xpath(flag, try await client.send(.GET, entity, token: token).body) == expected)
            }
        }
    }

    @Test("a toggle whose task fails leaves the flag as it was")
    func failedToggle() async throws {
        var configuration = Self.configuration(taskDuration: .zero)
        configuration.faultHeaderEnabled = true
        try await withLiveServer(configuration) { _, client in
            let token = try await client.logOn()
            let accepted = try await client.send(
                .POST, "/api/jobs/\(jobID)?action=toggleScheduleEnabled", token: token, headers: [("X-Tollgate-Fault", "task-fails")])
            #expect(accepted.status == 202)
            #expect(try xpath("string(/em:Task/em:State)", accepted.body) == "Running")
            let entity = try await client.send(.GET, "/api/jobs/\(jobID)?format=Entity", token: token)
            #expect(try xpath("string(/em:Job/em:ScheduleEnabled)", entity.body) == "true")
        }
    }

    @Test("jobs and agent jobs are listed and read only for Portal Administrators (§5.1)")
    func jobsForAdministrators() async throws {
        try await withLiveServer(Self.configuration(taskDuration: .zero)) { _, client in
            let admin = try await client.logOn()
            let targets = [
                "/api/jobs", "/api/jobs?format=Entity", "/api/jobs/\(jobID)", "/api/jobs/\(jobID)/backupSessions",
                "/api/agents/jobs", "/api/agents/jobs?format=Entity", "/api/agents/jobs/\(agentJobID)?format=Entity",
            ]
            for target in targets {
                #expect(try await client.send(.GET, target, token: admin).status == 200, "admin \(target)")
            }
            #expect(try xpath("count(//em:Link[@Type='JobReferenceList'])", try await client.send(.GET, "/api/logonSessions", token: admin).body) == "1")
            for (user, password) in [("operator", "0perator"), ("viewer", "v1ewer")] {
                let token = try await client.logOn(user, password)
                for target in targets {
                    let denied = try await client.send(.GET, target, token: token)
                    #expect(denied.status == 403, "\(user) \(target)")
                    #expect(try xpath("string(/em:Error/@Message)", denied.body) == "Access denied.")
                }
                let session = try await client.send(.GET, "/api/logonSessions", token: token)
                #expect(try xpath("count(//em:Link[@Type='JobReferenceList' or @Type='JobList'])", session.body) == "0", "\(user)")
            }
        }
    }
}
