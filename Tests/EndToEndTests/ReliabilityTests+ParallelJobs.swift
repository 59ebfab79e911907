import Foundation
import Testing

extension ReliabilityTests {
    /// `--jobs 32` loses and duplicates nothing: 200 scenarios (passing, failing, erroring, skipped, half of
    /// the active ones polling tasks) give exactly 200 test cases, once each, with the right outcome, in file
    /// order, and 200 console lines.
    @Suite("Reliability: --jobs 32 keeps every result exactly once")
    struct ParallelJobs {
        static let password = "parallel-Pw-0a6d"
        static let job = "5658281f-625e-4627-89dd-d2a0c48be99e"
        static let count = 200

        /// The kinds of generated scenario and the JUnit outcome each must have.
        enum Kind: String, CaseIterable {
            case pass, fail, pollPass = "poll-pass", pollFail = "poll-fail", error, skip

            var outcome: String {
                switch self {
                case .pass, .pollPass: return "passed"
                case .fail, .pollFail: return "failure"
                case .error: return "error"
                case .skip: return "skipped"
                }
            }

            var label: String {
                switch self {
                case .pass, .pollPass: return "PASS"
                case .fail, .pollFail: return "FAIL"
                case .error: return "ERROR"
                case .skip: return "SKIP"
                }
            }
        }

        static func kind(_ index: Int) -> Kind {
            Kind.allCases[index % Kind.allCases.count]
        }

        static func name(_ index: Int) -> String {
            "case \(String(format: "%03d", index)) \(kind(index).rawValue)"
        }

        /// The generated file: `count` scenarios cycling through the kinds.
        static func scenarioFile() -> String {
            var text = "name: Parallel\nnamespaces:\n  em: http://www.veeam.com/ent/v1.0\nscenarios:\n"
            for index in 0..<count {
                text += "  - name: \(name(index))\n"
                switch kind(index) {
                case .pass:
                    text += """
                            steps:
                              - request: { path: /api/jobs }
                                expect:
                                  status: 200
                                  xpath:
                                    - { query: "count(/em:EntityReferences/em:Ref)", ge: 1 }

                        """
                case .fail:
                    text += """
                            steps:
                              - request: { path: /api/jobs }
                                expect: { status: 201 }

                        """
                case .pollPass, .pollFail:
                    let fault = kind(index) == .pollFail ? ", headers: { X-Tollgate-Fault: task-fails }" : ""
                    text += """
                            steps:
                              - request: { method: POST, path: /api/jobs/\(job), query: { action: start }\(fault) }
                                expect: { status: 202 }
                                capture:
                                  task_url: "string(/em:Task/@Href)"
                              - request: { url: "{{task_url}}" }
                                poll:
                                  until: "string(/em:Task/em:State) = 'Finished'"
                                  fail-when: "/em:Task/em:Result/@Success = 'false'"
                                  interval: 100ms
                                  timeout: 30s
                                expect:
                                  xpath:
                                    - { query: "string(/em:Task/em:Result/@Success)", equals: "true" }

                        """
                case .error:
                    text += """
                            setup:
                              - request: { path: /api/jobs/00000000-0000-0000-0000-000000000000 }
                                expect: { status: 200 }
                            steps:
                              - request: { path: /api/ }

                        """
                case .skip:
                    text += "    skip: \"generated skip \(index)\"\n    steps:\n      - request: { path: /api/ }\n"
                }
            }
            return text
        }

        @Test("200 scenarios with --jobs 32: 200 cases, each once, right outcome, file order, 200 console lines")
        func twoHundredScenarios() async throws {
            let folder = try TollgateProcess.temporaryFolder()
            let file = folder.appendingPathComponent("parallel.yaml")
            try Self.scenarioFile().write(to: file, atomically: true, encoding: .utf8)
            let junit = folder.appendingPathComponent("junit.xml")

            try await InProcessServer.with(password: Self.password, taskDuration: .milliseconds(300)) { server in
                let started = ContinuousClock.now
                let outcome = try await TollgateProcess.run(
                    ["run", file.path, "--base-url", server.url, "--user", InProcessServer.user, "--jobs", "32", "--junit", junit.path],
                    environment: ["TOLLGATE_PASSWORD": Self.password], limit: 90)
                let elapsed = ContinuousClock.now - started
                #expect(outcome.status == 1, "exit \(outcome.status)\nstderr:\n\(outcome.stderr)")

                // The report: exactly the generated scenarios, in file order, each with its outcome.
                let cases = try JUnitCase.read(from: junit)
                let names = (0..<Self.count).map(Self.name)
                #expect(cases.count == Self.count)
                #expect(Set(cases.map(\.name)).count == cases.count, "a test case appears twice")
                #expect(cases.map(\.name) == names, "the cases are not the file's scenarios in file order")
                for (index, testCase) in cases.enumerated() where index < Self.count {
                    #expect(testCase.outcome == Self.kind(index).outcome, "\(testCase.name): \(testCase.outcome) \(testCase.message)")
                    #expect(testCase.classname == cases[0].classname)
                }
                for index in 0..<Self.count where Self.kind(index) == .skip {
                    #expect(cases.first { $0.name == Self.name(index) }?.message == "generated skip \(index)")
                }

                // The console: one line per scenario, numbered 1…200 once each, naming each scenario once.
                let pattern = try NSRegularExpression(pattern: #"^\[ *([0-9]+)/200\] (PASS|FAIL|ERROR|SKIP) .* › (case [0-9]{3} [a-z-]+)(  \(.*\))?$"#)
                var numbers: [Int] = []
                var printed: [String: String] = [:]
                var duplicates: [String] = []
                for line in outcome.stdout.split(separator: "\n").map(String.init) where line.hasPrefix("[") {
                    let range = NSRange(line.startIndex..., in: line)
                    guard let match = pattern.firstMatch(in: line, range: range),
                        let number = Range(match.range(at: 1), in: line), let label = Range(match.range(at: 2), in: line),
                        let name = Range(match.range(at: 3), in: line)
                    else {
                        Issue.record("unexpected console line: \(line)")
                        continue
                    }
                    numbers.append(Int(line[number]) ?? 0)
                    if printed.updateValue(String(line[label]), forKey: String(line[name])) != nil {
                        duplicates.append(String(line[name]))
                    }
                }
                #expect(numbers.count == Self.count, "\(numbers.count) scenario lines")
                #expect(numbers.sorted() == Array(1...Self.count))
                #expect(duplicates.isEmpty, "printed twice: \(duplicates)")
                for index in 0..<Self.count {
                    #expect(printed[Self.name(index)] == Self.kind(index).label, "\(Self.name(index)): \(printed[Self.name(index)] ?? "not printed")")
                }
                var tally: [String: Int] = [:]
                for index in 0..<Self.count { tally[Self.kind(index).outcome, default: 0] += 1 }
                let summary = "Summary: \(tally["passed"] ?? 0) passed, \(tally["failure"] ?? 0) failed, \(tally["error"] ?? 0) errored, \(tally["skipped"] ?? 0) skipped — 200 scenarios"
                #expect(outcome.stdout.contains(summary), "expected «\(summary)»")

                // The polls really polled, concurrently with the rest.
                let polls = server.log.messages.filter { $0.hasPrefix("GET /api/tasks/task-") }.count
                let pollingScenarios = (0..<Self.count).filter { [.pollPass, .pollFail].contains(Self.kind($0)) }.count
                #expect(polls >= pollingScenarios, "\(polls) task reads for \(pollingScenarios) polling scenarios")
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                print("[reliability] --jobs 32: \(cases.count) cases, \(numbers.count) console lines, \(server.requestCount) requests, "
                    + "\(polls) task reads, \(String(format: "%.2f", seconds)) s")
            }
        }
    }
}
