import Foundation

/// Runs one scenario: setup, steps (stopping at the first that does not pass), then every teardown step.
///
/// - A setup step that does not pass makes the scenario `.errored` ("could not test"); its steps do not run.
/// - A failing step makes it `.failed` (or `.errored` for a transport, body or session problem).
/// - Teardown always runs; a teardown problem makes a scenario that had passed `.errored`.
/// - An interruption makes it `.notRun(reason: "interrupted")`; teardown is skipped so the run stops at once.
struct ScenarioExecution: Sendable {
    /// The scenario's file.
    let suite: Suite
    /// The scenario.
    let scenario: Scenario
    /// The run's shared state.
    let context: RunContext

    /// The scenario's report.
    func run() async -> ScenarioReport {
        let startedAt = Date()
        let clock = ContinuousClock()
        let start = clock.now
        let findings = FindingMaker(suite: suite, masker: context.masker)
        let execution = StepExecution(context: context, findings: findings, mode: scenario.session)
        var scope = VariableScope(suite: suite, configuration: context.configuration)
        var steps: [StepReport] = []
        var outcome: Outcome = .passed
        var interrupted = false

        func runPhase(_ phaseSteps: [Step], _ phase: StepReport.Phase, stopAtProblem: Bool) async {
            for step in phaseSteps {
                if Task.isCancelled {
                    interrupted = true
                    return
                }
                let report = await execution.run(step, phase: phase, scope: &scope)
                steps.append(report)
                switch report.outcome {
                case .passed, .skipped:
                    continue
                case .notRun:
                    interrupted = true
                    return
                case .failed(let finding), .errored(let finding):
                    if case .passed = outcome {
                        switch (phase, report.outcome) {
                        case (.step, .failed): outcome = .failed(finding)
                        default: outcome = .errored(finding)
                        }
                    }
                    if stopAtProblem { return }
                }
            }
        }

        await runPhase(scenario.setup, .setup, stopAtProblem: true)
        if case .passed = outcome, !interrupted {
            await runPhase(scenario.steps, .step, stopAtProblem: true)
        }
        if !interrupted {
            await runPhase(scenario.teardown, .teardown, stopAtProblem: false)
        }
        if interrupted { outcome = .notRun(reason: StepExecution.interrupted) }
        let capturesSecrets = (scenario.setup + scenario.steps + scenario.teardown).contains {
            $0.captures.contains(where: \.isSecret)
        }
        if capturesSecrets {
            steps = ExchangeRecorder.remask(steps, masker: context.masker)
            outcome = ExchangeRecorder.remask(outcome, masker: context.masker)
        }

        return ScenarioReport(
            id: scenario.id, name: scenario.name, suiteName: suite.name, suiteFile: suite.file, location: scenario.location, tags: scenario.tags,
            startedAt: startedAt, duration: clock.now - start, outcome: outcome, steps: steps)
    }
}
