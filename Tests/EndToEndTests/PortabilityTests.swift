import Foundation
import Logging
import Testing
import TollgateServer

/// The suite hard-codes no id: it passes unchanged against an Enterprise Manager with other jobs,
/// other ids, other flags and slower tasks, reached with --base-url and credentials like a real one.
@Suite("The suite is portable")
struct PortabilityTests {
    static let inventory = """
        backupServer:
          id: 0c4b7a57-9a8e-4c55-b7f5-1b0e4e2a9d10
          name: em-other.example.test
        jobs:
          - id: 9f1d2c3b-4a5e-4f60-8b7c-0d1e2f3a4b5c
            name: Nightly Copy
            type: BackupCopy
            platform: VMware
            scheduleEnabled: false
          - id: 1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d
            name: File Server Backup
            type: Backup
            platform: VMware
            scheduleEnabled: false
        agentJobs:
          - id: 6e5d4c3b-2a19-4807-a6b5-c4d3e2f1a0b9
            name: Linux Laptops
            platform: AgentForLinux
            scheduleEnabled: false
        """

    @Test("Specs/ passes against a server with a different inventory and slower tasks")
    func otherInventory() async throws {
        let folder = try TollgateProcess.temporaryFolder()
        let inventoryFile = folder.appendingPathComponent("inventory.yaml")
        try Self.inventory.write(to: inventoryFile, atomically: true, encoding: .utf8)
        var configuration = ServerConfiguration(host: "127.0.0.1", port: 0)
        configuration.users = ["portability": "another-password"]
        configuration.inventory = try Inventory(contentsOf: inventoryFile.path)
        configuration.taskDuration = .milliseconds(900)
        let server = try await EnterpriseManagerServer(
            configuration: configuration, logger: Logger(label: "tollgate.e2e.portability")
        ).start()
        let outcome: TollgateProcess.Outcome
        do {
            outcome = try await TollgateProcess.run(
                [
                    "run", "Specs", "--base-url", server.baseURL, "--user", "portability",
                    "--junit", folder.appendingPathComponent("junit.xml").path,
                ],
                environment: ["TOLLGATE_PASSWORD": "another-password"], limit: 180)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
        #expect(outcome.status == 0, "stdout:\n\(outcome.stdout)\nstderr:\n\(outcome.stderr)")
        #expect(outcome.stdout.contains(" 0 failed, 0 errored"))
    }
}
