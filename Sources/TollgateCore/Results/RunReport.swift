import Foundation

/// Everything a run produced, in the order the suites and scenarios were given.
public struct RunReport: Sendable {
    /// One entry per scenario file.
    public var suites: [SuiteReport]
    /// When the run started (UTC).
    public var startedAt: Date
    /// How long the run took.
    public var duration: Duration
    /// True when SIGINT/SIGTERM stopped the run early.
    public var interrupted: Bool
    /// What the server said about itself at the start of the run (empty when nothing ran).
    public var fingerprint: Fingerprint

    /// Creates a run report.
    public init(
        suites: [SuiteReport], startedAt: Date, duration: Duration, interrupted: Bool = false,
        fingerprint: Fingerprint = Fingerprint()
    ) {
        self.suites = suites
        self.startedAt = startedAt
        self.duration = duration
        self.interrupted = interrupted
        self.fingerprint = fingerprint
    }

    /// Every scenario of every suite, in order.
    public var scenarios: [ScenarioReport] { suites.flatMap(\.scenarios) }

    /// How many scenarios ended each way.
    public var tally: Tally { Tally(scenarios) }
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
