import Foundation
import Testing

@testable import TollgateServer

@Suite("Inventory")
struct InventoryTests {
    @Test("the standard inventory holds the vendor's example agent job and equals the resource file")
    func standard() throws {
        let standard = Inventory.standard
        #expect(standard.agentJobs.contains { $0.id == agentJobID })
        #expect(Set(standard.jobs.map(\.jobType)) == ["Backup", "Replica", "BackupCopy"])
        let file = repositoryRoot.appendingPathComponent("Sources/TollgateServer/Resources/standard-inventory.yaml").path
        #expect(try Inventory(contentsOf: file) == standard)
        let rebuilt = try Inventory(backupServer: standard.backupServer, jobs: standard.jobs, agentJobs: standard.agentJobs)
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
