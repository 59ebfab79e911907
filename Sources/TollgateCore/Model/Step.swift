/// One request and what is expected of its response.
public struct Step: Sendable {
    /// The step's id, `SCENARIO-ID#SECTION.N` (``ScenarioID/step(scenario:section:index:)``);
    /// set by ``Scenario``'s initialiser when empty.
    public var id: String
    /// The step's name (defaults to "METHOD target").
    public var name: String
    /// Where the step is written.
    public var location: SourceLocation
    /// The request to send.
    public var request: RequestSpec
    /// When set, the request is repeated until a condition holds.
    public var poll: PollSpec?
    /// What the (final) response must satisfy.
    public var expect: Expectations
    /// Values taken from the response into variables for later steps.
    public var captures: [Capture]

    /// Creates a step.
    public init(
        name: String, location: SourceLocation, request: RequestSpec, poll: PollSpec? = nil,
        expect: Expectations = Expectations(), captures: [Capture] = [], id: String = ""
    ) {
        self.id = id
        self.name = name
        self.location = location
        self.request = request
        self.poll = poll
        self.expect = expect
        self.captures = captures
    }
}
