/// What happened in one step: every HTTP exchange (several when polling) and its verdict.
public struct StepReport: Sendable {
    /// Which part of the scenario the step belongs to.
    public enum Phase: String, Sendable {
        /// A `setup:` step.
        case setup
        /// A step under test.
        case step
        /// A `teardown:` step.
        case teardown
    }

    /// The step's stable id (``Step/id``).
    public var id: String
    /// The step's name.
    public var name: String
    /// Where the step is written.
    public var location: SourceLocation
    /// Which part of the scenario it belongs to.
    public var phase: Phase
    /// How long the step took, polling included.
    public var duration: Duration
    /// Every request sent and what came back, in order.
    public var exchanges: [Exchange]
    /// The step's verdict (`.passed` when every expectation held).
    public var outcome: Outcome
    /// True when the step has a `poll:` (its exchanges are the poll attempts).
    public var polled: Bool
    /// Every expectation checked on the final response, passing ones too, in file order.
    public var assertions: [AssertionResult]
    /// The values captured, in order (secret ones masked).
    public var captures: [CapturedValue]

    /// Creates a step report.
    public init(
        id: String, name: String, location: SourceLocation, phase: Phase, duration: Duration, exchanges: [Exchange],
        outcome: Outcome, polled: Bool = false, assertions: [AssertionResult] = [], captures: [CapturedValue] = []
    ) {
        self.id = id
        self.polled = polled
        self.assertions = assertions
        self.captures = captures
        self.name = name
        self.location = location
        self.phase = phase
        self.duration = duration
        self.exchanges = exchanges
        self.outcome = outcome
    }
}
