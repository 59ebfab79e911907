/// Builds the console lines of a run: one line per scenario with progress, the failure details,
/// and a summary. It returns text; the executable decides where it goes.
public struct ConsoleFormatter: Sendable {
    /// Whether to use ANSI colours (only on a terminal, never with `NO_COLOR`).
    public var useColor: Bool

    /// Creates a formatter.
    public init(useColor: Bool) {
        self.useColor = useColor
    }

    /// `[ 3/40] PASS  0.12s  agent-jobs › toggling the schedule`.
    public func scenarioLine(_ scenario: ScenarioReport, index: Int, total: Int) -> String {
        let width = String(total).count
        let counter = String(repeating: " ", count: max(0, width - String(index).count)) + String(index)
        let label = colored(scenario.outcome.label.padding(toLength: 5, withPad: " ", startingAt: 0), for: scenario.outcome)
        var line = "[\(counter)/\(total)] \(label) \(TimeFormatting.human(scenario.duration).leftPadded(to: 7))  "
        line += "\(scenario.suiteName) › \(scenario.name)"
        switch scenario.outcome {
        case .skipped(let reason), .notRun(let reason): line += "  (\(reason))"
        case .failed(let finding), .errored(let finding): line += "\n        \(finding.message)"
        case .passed: break
        }
        return line
    }

    /// The header line of a run, from the server's fingerprint: `Server: Product=Notes; Version=2.1`,
    /// then one `  note: …` line per note. Empty when the fingerprint is.
    public func fingerprintLines(_ fingerprint: Fingerprint) -> String {
        guard !fingerprint.isEmpty else { return "" }
        var lines = [
            "Server: " + (fingerprint.facts.isEmpty
                ? "(unknown)" : fingerprint.facts.map { "\($0.name)=\($0.value)" }.joined(separator: "; "))
        ]
        lines += fingerprint.notes.map { "  note: \($0)" }
        return lines.joined(separator: "\n")
    }

    /// The details of a failed or errored scenario, for the end of the run; nil for the others.
    public func details(_ scenario: ScenarioReport) -> String? {
        guard let finding = scenario.outcome.finding else { return nil }
        let title = bold("\(scenario.outcome.label): \(scenario.suiteName) › \(scenario.name)")
        return "\(title)  (\(scenario.location))\n\(FindingRenderer(useColor: useColor).render(finding))"
    }

    /// `Summary: 28 passed, 1 failed, 1 errored, 2 skipped — 32 scenarios in 3.21s`.
    public func summary(_ run: RunReport) -> String {
        let tally = run.tally
        var text = "Summary: \(tally.passed) passed, \(tally.failed) failed, \(tally.errored) errored, "
        text += "\(tally.skipped) skipped — \(tally.total) scenarios in \(TimeFormatting.human(run.duration))"
        if run.interrupted { text += " (interrupted)" }
        return text
    }

    private func colored(_ text: String, for outcome: Outcome) -> String {
        guard useColor else { return text }
        let code: String
        switch outcome {
        case .passed: code = "32"
        case .failed: code = "31"
        case .errored: code = "35"
        case .skipped, .notRun: code = "33"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    private func bold(_ text: String) -> String {
        useColor ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
