import Foundation

/// How one scenario ended, with the steps that led there.
public struct ScenarioReport: Sendable {
    /// The scenario's stable id (``Scenario/id``).
    public var id: String
    /// The scenario's name.
    public var name: String
    /// The name of the suite (file) it belongs to.
    public var suiteName: String
    /// The path of the suite's file.
    public var suiteFile: String
    /// The scenario's place among the run's selected scenarios, in input order (suite by suite, file
    /// order within a suite), from 0; reports use it to write scenarios back in that order.
    public var ordinal: Int
    /// Where the scenario is written.
    public var location: SourceLocation
    /// The scenario's tags.
    public var tags: [String]
    /// When it started (UTC).
    public var startedAt: Date
    /// How long it took.
    public var duration: Duration
    /// The verdict.
    public var outcome: Outcome
    /// Every step that ran (setup, steps and teardown), in order.
    public var steps: [StepReport]

    /// Creates a scenario report.
    public init(
        id: String, name: String, suiteName: String, suiteFile: String, ordinal: Int = 0, location: SourceLocation,
        tags: [String], startedAt: Date, duration: Duration, outcome: Outcome, steps: [StepReport]
    ) {
        self.suiteFile = suiteFile
        self.ordinal = ordinal
        self.id = id
        self.name = name
        self.suiteName = suiteName
        self.location = location
        self.tags = tags
        self.startedAt = startedAt
        self.duration = duration
        self.outcome = outcome
        self.steps = steps
    }
}

/// The verdict on a scenario. The three kinds of trouble stay apart all the way to JUnit and the exit code.
public enum Outcome: Sendable {
    /// Every expectation held.
    case passed
    /// The server answered, wrongly: JUnit `<failure>`.
    case failed(Finding)
    /// The server could not be tested (transport, TLS, timeout, unusable body, setup): JUnit `<error>`.
    case errored(Finding)
    /// Skipped on purpose (`skip:` in the file): JUnit `<skipped>`.
    case skipped(reason: String)
    /// Not run because the run stopped first (interrupt, `--fail-fast`): JUnit `<skipped>`.
    case notRun(reason: String)

    /// The outcome's kind, as the run record names it.
    public var kind: Kind {
        switch self {
        case .passed: return .passed
        case .failed: return .failed
        case .errored: return .errored
        case .skipped: return .skipped
        case .notRun: return .notRun
        }
    }

    /// The finding of a failed or errored outcome.
    public var finding: Finding? {
        switch self {
        case .failed(let finding), .errored(let finding): return finding
        case .passed, .skipped, .notRun: return nil
        }
    }

    /// The reason of a skipped or not-run outcome.
    public var reason: String? {
        switch self {
        case .skipped(let reason), .notRun(let reason): return reason
        case .passed, .failed, .errored: return nil
        }
    }

    /// Every outcome a scenario can have in the run record. `known`, `fixed` and `flaky` belong to
    /// known-issue waivers and retries; the runner does not produce them yet.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        /// Every expectation held.
        case passed
        /// The server answered wrongly.
        case failed
        /// The server could not be tested.
        case errored
        /// Skipped on purpose.
        case skipped
        /// Failed in the way a known-issue waiver describes: reported, but not failing the gate.
        case known
        /// Covered by a known-issue waiver, yet passed: the waiver can go.
        case fixed
        /// Failed, then passed when retried.
        case flaky
        /// Not run because the run stopped first.
        case notRun = "not-run"
    }

    /// A one-word label: PASS, FAIL, ERROR, SKIP.
    public var label: String {
        switch self {
        case .passed: return "PASS"
        case .failed: return "FAIL"
        case .errored: return "ERROR"
        case .skipped, .notRun: return "SKIP"
        }
    }
}
