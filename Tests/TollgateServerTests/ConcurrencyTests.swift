import Foundation
import Testing

@testable import TollgateServer

/// State under load: concurrent toggles of one job keep the parity, and no request fails.
@Suite("Concurrency")
struct ConcurrencyTests {
    @Test("32 clients toggling one job leave ScheduleEnabled equal to the parity of the toggles")
    func concurrentToggles() async throws {
        try await withLiveServer(testConfiguration(taskDuration: .milliseconds(10))) { server, client in
            let clients = 32
            let togglesPerClient = 5
            let results = try await withThrowingTaskGroup(of: [Int].self) { group in
                for index in 0..<clients {
                    group.addTask {
                        let token = try await client.logOn()
                        let toggles = togglesPerClient + (index == 0 ? 1 : 0)
                        var statuses: [Int] = []
                        for _ in 0..<toggles {
                            let response = try await client.post(
                                "/api/agents/jobs/\(agentJobID)?action=toggleScheduleEnabled", token: token)
                            statuses.append(response.status)
                            statuses.append(try await client.get("/api/agents/jobs/\(agentJobID)?format=Entity", token: token).status)
                        }
                        return statuses
                    }
                }
                var all: [Int] = []
                for try await statuses in group {
                    all += statuses
                }
                return all
            }
            let total = clients * togglesPerClient + 1
            #expect(results.count == total * 2)
            #expect(results.filter { $0 == 202 }.count == total)
            #expect(results.allSatisfy { $0 == 202 || $0 == 200 }, "no request failed")
            let token = try await client.logOn()
            let flag = try xpath(
                "string(/em:AgentBackupJob/em:ScheduleEnabled)",
                try await client.get("/api/agents/jobs/\(agentJobID)?format=Entity", token: token).body)
            #expect(flag == (total % 2 == 0 ? "true" : "false"))
            #expect(server.requestCount == clients + total * 2 + 2)
        }
    }

    @Test("task numbers stay unique under concurrency")
    func uniqueTaskNumbers() async throws {
        try await withLiveServer { _, client in
            let token = try await client.logOn()
            let ids = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<64 {
                    group.addTask {
                        let response = try await client.post("/api/jobs/\(jobID)?action=start", token: token)
                        return try xpath("string(/em:Task/em:TaskId)", response.body)
                    }
                }
                var ids: [String] = []
                for try await id in group { ids.append(id) }
                return ids
            }
            #expect(Set(ids) == Set((1...64).map { "task-\($0)" }))
        }
    }
}
