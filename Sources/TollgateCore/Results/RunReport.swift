import Foundation

/// How a run went as a whole: when, how long, whether it was interrupted, what the server said about
/// itself, and the tally of outcomes. The scenarios themselves are not kept: each one is handed to the
/// reporters (``RunEvent/scenarioFinished(_:)``) as it finishes and then dropped, so memory is bounded
/// by the scenarios running at once, not by the suite's size.
public struct RunReport: Sendable {
    /// When the run started (UTC).
    public var startedAt: Date
    /// How long the run took.
    public var duration: Duration
    /// True when SIGINT/SIGTERM stopped the run early.
    public var interrupted: Bool
    /// What the server said about itself at the start of the run (empty when nothing ran).
    public var fingerprint: Fingerprint
    /// How many scenarios ended each way (every selected scenario, once).
    public var tally: Tally

    /// Creates a run report.
    public init(
        startedAt: Date, duration: Duration, interrupted: Bool = false, fingerprint: Fingerprint = Fingerprint(),
        tally: Tally = Tally()
    ) {
        self.startedAt = startedAt
        self.duration = duration
        self.interrupted = interrupted
        self.fingerprint = fingerprint
        self.tally = tally
    }
}

/// Counts of scenario outcomes.
public struct Tally: Sendable, Equatable {
    /// All scenarios.
    public var total = 0
    /// Scenarios that passed.
    public var passed = 0
    /// Scenarios whose server answered wrongly (JUnit `<failure>`).
    public var failed = 0
    /// Scenarios that could not be tested (JUnit `<error>`).
    public var errored = 0
    /// Scenarios skipped on purpose or not run because the run was interrupted (JUnit `<skipped>`).
    public var skipped = 0
    /// Every outcome kind that occurred and how often (`skipped` and `not-run` apart).
    public var byKind: [Outcome.Kind: Int] = [:]

    /// Counts the outcomes of `scenarios`.
    public init(_ scenarios: [ScenarioReport] = []) {
        for scenario in scenarios { add(scenario.outcome) }
    }

    /// Counts one more outcome.
    public mutating func add(_ outcome: Outcome) {
        total += 1
        byKind[outcome.kind, default: 0] += 1
        switch outcome {
        case .passed: passed += 1
        case .failed: failed += 1
        case .errored: errored += 1
        case .skipped, .notRun: skipped += 1
        }
    }
}
