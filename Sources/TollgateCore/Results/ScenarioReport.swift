import Foundation

/// How one scenario ended, with the steps that led there.
public struct ScenarioReport: Sendable {
    /// The scenario's name.
    public var name: String
    /// The name of the suite (file) it belongs to.
    public var suiteName: String
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
        name: String, suiteName: String, location: SourceLocation, tags: [String], startedAt: Date,
        duration: Duration, outcome: Outcome, steps: [StepReport]
    ) {
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
