import Foundation
import Testing

extension ReliabilityTests {
    /// SIGINT and SIGTERM stop a run at once: exit 130 within 2 seconds, a complete JUnit report (finished
    /// scenarios kept, the rest `<skipped message="interrupted">`), and the logon session logged off.
    @Suite("Reliability: interrupts stop promptly, report and log off")
    struct Interrupts {
        static let password = "interrupt-Pw-5be2"
        /// The runner's reason for scenarios an interrupt stopped (`StepExecution.interrupted`).
        static let interruptedReason = "interrupted"
        static let agentJob = "78c3919c-54d7-43fe-b047-485d3566f11f"

        /// Two quick scenarios, a poll on a task that never finishes (60 s poll timeout), two more after it.
        static let scenarioFile = """
            name: Interrupt
            namespaces:
              em: http://www.veeam.com/ent/v1.0
            scenarios:
              - name: before 1 lists the jobs
                steps:
                  - request: { path: /api/jobs }
                    expect: { status: 200 }
              - name: before 2 reads the entry point
                session: none
                steps:
                  - request: { path: /api/ }
                    expect: { status: 200 }
              - name: a task that never finishes is polled
                steps:
                  - name: toggle with a task that never ends
                    request:
                      method: POST
                      path: /api/agents/jobs/\(agentJob)
                      query: { action: toggleScheduleEnabled }
                      headers: { X-Tollgate-Fault: task-never-finishes }
                    expect: { status: 202 }
                    capture:
                      task_url: "string(/em:Task/@Href)"
                  - name: poll it
                    request: { url: "{{task_url}}" }
                    poll:
                      until: "string(/em:Task/em:State) = 'Finished'"
                      interval: 100ms
                      timeout: 60s
              - name: after 1 lists the agent jobs
                steps:
                  - request: { path: /api/agents/jobs }
                    expect: { status: 200 }
              - name: after 2 lists the tasks
                steps:
                  - request: { path: /api/tasks }
                    expect: { status: 200 }

            """

        @Test("a signal during a poll: exit 130 within 2 s, report written, logoff sent", arguments: [SIGINT, SIGTERM])
        func interrupt(signal: Int32) async throws {
            let signalName = signal == SIGINT ? "SIGINT" : "SIGTERM"
            let folder = try TollgateProcess.temporaryFolder()
            let file = folder.appendingPathComponent("interrupt.yaml")
            try Self.scenarioFile.write(to: file, atomically: true, encoding: .utf8)
            let junit = folder.appendingPathComponent("junit.xml")

            try await InProcessServer.with(password: Self.password) { server in
                let process = try TollgateProcess.start(
                    ["run", file.path, "--base-url", server.url, "--user", InProcessServer.user, "--junit", junit.path],
                    environment: ["TOLLGATE_PASSWORD": Self.password])
                defer { if process.process.isRunning { kill(process.process.processIdentifier, SIGKILL) } }

                // The first scenario line, then the poll under way (two reads of the task that never finishes).
                let firstLine = try await process.waitForStdout(containing: "[1/5] PASS", limit: 20)
                try #require(firstLine, "no first scenario line; stdout:\n\(process.stdoutSoFar)")
                let polling = try await process.waitUntil(limit: 20) {
                    server.log.messages.filter { $0.hasPrefix("GET /api/tasks/task-1 200") }.count >= 2
                }
                try #require(polling, "the poll did not start; server log:\n\(server.log.messages.joined(separator: "\n"))")
                let logBeforeSignal = server.log.messages.count

                let signalled = ContinuousClock.now
                process.signal(signal)
                while process.process.isRunning, ContinuousClock.now - signalled < .seconds(10) {
                    try await Task.sleep(for: .milliseconds(5))
                }
                let exitTime = ContinuousClock.now - signalled
                let outcome = try await process.wait(limit: 5)
                let milliseconds = Double(exitTime.components.seconds) * 1000 + Double(exitTime.components.attoseconds) / 1e15
                print("[reliability] \(signalName): exit \(outcome.status) \(Int(milliseconds)) ms after the signal")

                #expect(exitTime < .seconds(2), "\(signalName): the process took \(exitTime) to exit")
                #expect(outcome.status == 130, "exit \(outcome.status)\nstdout:\n\(outcome.stdout)\nstderr:\n\(outcome.stderr)")
                #expect(outcome.stderr.contains("tollgate: interrupted; finishing the report"), "stderr:\n\(outcome.stderr)")
                #expect(outcome.stdout.contains("(interrupted)"), "the summary should say the run was interrupted:\n\(outcome.stdout)")
                #expect(outcome.stdout.contains("JUnit report: \(junit.path)"))

                // The report: finished scenarios kept, the rest skipped as interrupted, in file order.
                let cases = try JUnitCase.read(from: junit)
                let expected: [(name: String, outcome: String)] = [
                    ("before 1 lists the jobs", "passed"),
                    ("before 2 reads the entry point", "passed"),
                    ("a task that never finishes is polled", "skipped"),
                    ("after 1 lists the agent jobs", "skipped"),
                    ("after 2 lists the tasks", "skipped"),
                ]
                #expect(cases.map(\.name) == expected.map(\.name), "cases: \(cases)")
                #expect(cases.map(\.outcome) == expected.map(\.outcome), "cases: \(cases)")
                for skipped in cases where skipped.outcome == "skipped" {
                    #expect(skipped.message == Self.interruptedReason, "\(skipped.name): \(skipped.message)")
                }
                // The run record: valid, marked interrupted, the same outcomes as the JUnit report.
                let record = try await RunRecordFile.validated(folder.appendingPathComponent("run.json"))
                #expect(record.json["interrupted"] as? Bool == true)
                let recorded = record.outcomes
                for (name, outcome) in expected {
                    #expect(recorded[name] == (outcome == "skipped" ? "not-run" : outcome), "\(name) in the record")
                }
                #expect(record.tally("not-run") == 3)
                #expect(record.scenarios.filter { $0["outcome"] as? String == "not-run" }.allSatisfy {
                    $0["reason"] as? String == Self.interruptedReason
                })

                // No leftover temporary report beside the real one.
                let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
                #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")

                // Logoff: one session was issued, and after the signal the server answered its DELETE with 204
                // (204 only for a live session of the caller, so the run's session is gone).
                #expect(server.running.issuedSessionIDs.count == 1)
                let before = server.log.messages.prefix(logBeforeSignal)
                let after = server.log.messages.dropFirst(logBeforeSignal)
                #expect(!before.contains { $0.hasPrefix("DELETE /api/logonSessions/") }, "logged off before the signal")
                #expect(
                    after.filter { $0.hasPrefix("DELETE /api/logonSessions/*** 204") }.count == 1,
                    "no successful logoff after the signal; server log after it:\n\(after.joined(separator: "\n"))")
                let pollsAfterExit = server.log.messages.dropFirst(logBeforeSignal).filter { $0.hasPrefix("GET /api/tasks/") }
                #expect(pollsAfterExit.count <= 1, "the poll went on after the signal: \(pollsAfterExit)")
                #expect(!server.log.messages.contains { $0.hasPrefix("GET /api/agents/jobs") }, "a scenario after the signal ran")
            }
        }
    }
}
