import Foundation
import Testing

@testable import TollgateServer

/// A session that creates tasks forever must not grow the server without bound: beyond
/// `retainedTaskLimit` the oldest tasks are forgotten (404) and the newest stay readable.
@Suite("Task retention")
struct TaskRetentionTests {
    @Test("only the newest retainedTaskLimit tasks are kept")
    func oldestTasksAreForgotten() async throws {
        var configuration = testConfiguration(taskDuration: .zero)
        configuration.retainedTaskLimit = 3
        try await withLiveServer(configuration) { server, client in
            let token = try await client.logOn()
            for _ in 0..<5 {
                let response = try await client.post(
                    "/api/agents/jobs/\(agentJobID)?action=toggleScheduleEnabled", token: token)
                #expect(response.status == 202)
            }
            #expect(try await client.get("/api/tasks/task-1", token: token).status == 404)
            #expect(try await client.get("/api/tasks/task-2", token: token).status == 404)
            for number in 3...5 {
                #expect(try await client.get("/api/tasks/task-\(number)", token: token).status == 200)
            }
            let list = try await client.get("/api/tasks", token: token)
            #expect(list.status == 200)
            #expect(list.text.components(separatedBy: "<TaskId>").count - 1 == 3)
        }
    }
}
