import Foundation

/// The results of one scenario file.
public struct SuiteReport: Sendable {
    /// The suite's name.
    public var name: String
    /// The scenario file's path.
    public var file: String
    /// When the first scenario of the file started (UTC).
    public var startedAt: Date
    /// Wall-clock time from the first scenario's start to the last one's end.
    public var duration: Duration
    /// One entry per scenario, in file order.
    public var scenarios: [ScenarioReport]

    /// Creates a suite report.
    public init(name: String, file: String, startedAt: Date, duration: Duration, scenarios: [ScenarioReport]) {
        self.name = name
        self.file = file
        self.startedAt = startedAt
        self.duration = duration
        self.scenarios = scenarios
    }
}
