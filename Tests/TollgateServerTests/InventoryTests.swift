import Foundation
import Testing

@testable import TollgateServer

/// A one-job inventory the bad-file cases below add a section to.
private let job = "jobs:\n  - { id: 12345678-1234-1234-1234-123456789abc, name: A, type: Backup, platform: VMware }\n"

@Suite("Inventory")
struct InventoryTests {
    @Test("the standard inventory holds the vendor's example agent job and equals the resource file")
    func standard() throws {
        let standard = Inventory.standard
        #expect(standard.agentJobs.contains { $0.id == agentJobID })
        #expect(Set(standard.jobs.map(\.jobType)) == ["Backup", "Replica", "BackupCopy"])
        let file = repositoryRoot.appendingPathComponent("Sources/TollgateServer/Resources/standard-inventory.yaml").path
        #expect(try Inventory(contentsOf: file) == standard)
        let rebuilt = try Inventory(
            backupServer: standard.backupServer, jobs: standard.jobs, agentJobs: standard.agentJobs,
            repositories: standard.repositories, backups: standard.backups, sessions: standard.sessions,
            discoveredComputers: standard.discoveredComputers, hierarchyRoots: standard.hierarchyRoots)
        #expect(rebuilt == standard, "the standard inventory passes its own checks")
    }

    @Test("a small file with defaults")
    func minimal() throws {
        let inventory = try Inventory(
            yaml: """
                agentJobs:
                  - id: 11111111-2222-3333-4444-55555555AAAA
                    name: Laptop Backup
                    platform: AgentForLinux
                    scheduleEnabled: false
                """)
        #expect(inventory.jobs.isEmpty)
        #expect(inventory.backupServer == Inventory.standard.backupServer)
        let job = try #require(inventory.agentJobs.first)
        #expect(job.id == "11111111-2222-3333-4444-55555555aaaa")
        #expect(job.jobType == "AgentBackup")
        #expect(job.scheduleEnabled == false)
        #expect(job.scheduleConfigured == true)
        #expect(job.nextRun == nil)
    }

    @Test("the new sections take their defaults: a session without an end is Working with no result")
    func sectionDefaults() throws {
        let inventory = try Inventory(
            yaml: job + """
                repositories:
                  - { id: 22222222-1234-1234-1234-123456789ABC, name: Bucket, kind: AmazonS3Compatible }
                backups:
                  - id: 33333333-1234-1234-1234-123456789abc
                    name: A
                    job: 12345678-1234-1234-1234-123456789ABC
                    repository: 22222222-1234-1234-1234-123456789abc
                    restorePoints:
                      - id: 44444444-1234-1234-1234-123456789abc
                        time: "2020-01-31T17:00:09Z"
                        vms: [{ id: 55555555-1234-1234-1234-123456789abc, name: vm1 }]
                sessions:
                  - id: 66666666-1234-1234-1234-123456789abc
                    job: 12345678-1234-1234-1234-123456789abc
                    start: "2020-01-31T17:00:09Z"
                    tasks: [{ id: 77777777-1234-1234-1234-123456789abc, vm: vm1, start: "2020-01-31T17:00:10Z" }]
                discoveredComputers:
                  - { id: 88888888-1234-1234-1234-123456789abc, name: pc01 }
                """)
        let repository = try #require(inventory.repositories.first)
        #expect(repository.id == "22222222-1234-1234-1234-123456789abc")
        #expect(repository.capacity == -1 && repository.freeSpace == -1)
        let backup = try #require(inventory.backups.first)
        #expect(backup.jobID == "12345678-1234-1234-1234-123456789abc" && backup.platform == "VMware")
        #expect(backup.restorePoints.first?.vms.first?.pointType == "Full")
        let session = try #require(inventory.sessions.first)
        #expect(session.state == "Working" && session.result == "None" && session.endTime == nil && !session.isRetry)
        #expect(session.tasks.first?.state == "InProgress" && session.tasks.first?.result == "None")
        #expect(inventory.discoveredComputers.first?.hostStatus == "Online")
        #expect(inventory.backupServer.port == 9392)
    }

    @Test("a loaded inventory is what the server serves")
    func served() async throws {
        var configuration = testConfiguration()
        configuration.inventory = try Inventory(
            yaml: """
                backupServer: { id: 99999999-8888-7777-6666-555555555555, name: vbr.example.test }
                jobs:
                  - { id: 12345678-1234-1234-1234-123456789abc, name: "Files & <Shares>", type: Backup, platform: VMware }
                """)
        try await withServer(.router, configuration) { server in
            let token = try await server.logOn()
            let refs = try await server.get("/api/jobs", token: token)
            #expect(try xpath("count(/em:EntityReferences/em:Ref)", refs.body) == "1")
            #expect(try xpath("string(/em:EntityReferences/em:Ref/@Name)", refs.body) == "Files & <Shares>")
            #expect(try xpath("string(//em:Link[@Rel='Up']/@Name)", refs.body) == "vbr.example.test")
            expectValidXML(refs.body, "escaped names")
            #expect(try xpath("count(/em:EntityReferences/em:Ref)", try await server.get("/api/agents/jobs", token: token).body) == "0")
        }
    }

    @Test(
        "bad files are refused with the place and the reason",
        arguments: [
            ("jobs: []", "no jobs"),
            ("jobs:\n  - { id: nope, name: A, type: Backup, platform: VMware }", "jobs[0]: id 'nope' is not a GUID"),
            ("jobs:\n  - { id: 12345678-1234-1234-1234-123456789abc, name: A, type: Tape, platform: VMware }", "unknown type 'Tape'"),
            ("jobs:\n  - { id: 12345678-1234-1234-1234-123456789abc, name: A, type: Backup, platform: Mars }", "unknown platform 'Mars'"),
            ("jobs:\n  - { id: 12345678-1234-1234-1234-123456789abc, name: A, platform: VMware }", "jobs[0].type: missing value"),
            ("jobs:\n  - { id: 12345678-1234-1234-1234-123456789abc, name: A, type: Backup, platform: VMware, scheduleEnable: true }", "unknown key"),
            ("jobs:\n  - { id: 12345678-1234-1234-1234-123456789abc, name: A, type: Backup, platform: VMware, scheduleEnabled: maybe }", "expected true or false"),
            ("jobs:\n  - { id: 12345678-1234-1234-1234-123456789abc, name: A, type: Backup, platform: VMware, nextRun: tomorrow }", "not a date-time"),
            ("jobs:\n  - { id: 12345678-1234-1234-1234-123456789abc, name: A, type: Backup, platform: VMware }\nagentJobs:\n  - { id: 12345678-1234-1234-1234-123456789ABC, name: B, platform: AgentForLinux }", "used twice"),
            (job + "repositories:\n  - { id: 22222222-1234-1234-1234-123456789abc, name: R, kind: Tape }", "repositories[0]: unknown kind 'Tape'"),
            (job + "repositories:\n  - { id: 22222222-1234-1234-1234-123456789abc, name: R, kind: Nfs, capacity: lots }", "expected a whole number"),
            (job + "backups:\n  - { id: 22222222-1234-1234-1234-123456789abc, name: B, job: 12345678-1234-1234-1234-123456789abc, repository: 33333333-1234-1234-1234-123456789abc }", "backups[0]: repository '33333333-1234-1234-1234-123456789abc' is not in the inventory"),
            (job + "sessions:\n  - { id: 22222222-1234-1234-1234-123456789abc, job: 44444444-1234-1234-1234-123456789abc, start: \"2020-01-31T17:00:09Z\" }", "sessions[0]: job '44444444-1234-1234-1234-123456789abc' is not in the inventory"),
            (job + "sessions:\n  - { id: 22222222-1234-1234-1234-123456789abc, job: 12345678-1234-1234-1234-123456789abc, start: \"2020-01-31T17:00:09+01:00\" }", "sessions[0]: start '2020-01-31T17:00:09+01:00' is not a UTC date-time"),
            (job + "sessions:\n  - { id: 22222222-1234-1234-1234-123456789abc, job: 12345678-1234-1234-1234-123456789abc, start: \"2020-01-31T17:00:09Z\", result: Great }", "unknown result 'Great'"),
            (job + "sessions:\n  - id: 22222222-1234-1234-1234-123456789abc\n    job: 12345678-1234-1234-1234-123456789abc\n    start: \"2020-01-31T17:00:09Z\"\n    tasks:\n      - { id: 22222222-1234-1234-1234-123456789abc, vm: a, start: \"2020-01-31T17:00:09Z\" }", "sessions[0].tasks[0]: id 22222222-1234-1234-1234-123456789abc is used twice"),
            (job + "discoveredComputers:\n  - { id: 22222222-1234-1234-1234-123456789abc, name: pc, hostStatus: Asleep }", "unknown hostStatus 'Asleep'"),
            ("jobz: []", "unknown key"), ("- a\n- b", "expected a YAML mapping"), ("jobs: [", "not valid YAML"),
        ])
    func invalid(yaml: String, fragment: String) {
        #expect {
            try Inventory(yaml: yaml, path: "bad.yaml")
        } throws: { error in
            guard let error = error as? ServerFileError else { return false }
            return error.path == "bad.yaml" && error.description.contains(fragment)
        }
    }

    @Test("a missing file names the file")
    func missingFile() {
        #expect(throws: ServerFileError.self) { try Inventory(contentsOf: "/nonexistent/inventory.yaml") }
    }
}
