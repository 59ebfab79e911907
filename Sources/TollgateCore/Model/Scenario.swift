/// One test case: ordered steps run against the server, reported as one JUnit `<testcase>`.
public struct Scenario: Sendable {
    /// The scenario's id, unique in a run and stable across runs and machines: `id:` in the file, or
    /// derived from the file path and the name (``ScenarioID``).
    public var id: String
    /// The scenario's name, unique within its file.
    public var name: String
    /// Where `- name:` of the scenario is written.
    public var location: SourceLocation
    /// Tags for `--tag` / `--skip-tag` selection.
    public var tags: [String]
    /// Whether requests carry the run's logon session.
    public var session: SessionMode
    /// When set, the scenario is reported as skipped with this reason and nothing is sent.
    public var skipReason: String?
    /// Steps that prepare the scenario; a failure here means "could not test" (JUnit `<error>`).
    public var setup: [Step]
    /// The steps under test; a failed expectation is a JUnit `<failure>`.
    public var steps: [Step]
    /// Steps that always run at the end, even after a failure (e.g. undo a state change).
    public var teardown: [Step]

    /// Creates a scenario. Without an `id` it is the slug of the name; steps without an id get
    /// ``ScenarioID/step(scenario:section:index:)``.
    public init(
        id: String? = nil, name: String, location: SourceLocation, tags: [String] = [],
        session: SessionMode = .shared, skipReason: String? = nil, setup: [Step] = [], steps: [Step],
        teardown: [Step] = []
    ) {
        let id = id ?? ScenarioID.slug(name)
        func identified(_ steps: [Step], _ section: String) -> [Step] {
            steps.enumerated().map { index, step in
                var step = step
                if step.id.isEmpty { step.id = ScenarioID.step(scenario: id, section: section, index: index) }
                return step
            }
        }
        self.id = id
        self.name = name
        self.location = location
        self.tags = tags
        self.session = session
        self.skipReason = skipReason
        self.setup = identified(setup, "setup")
        self.steps = identified(steps, "steps")
        self.teardown = identified(teardown, "teardown")
    }
}

/// How a scenario uses the run's logon session (the profile decides how the token is sent).
public enum SessionMode: String, Sendable, Equatable, CaseIterable {
    /// Send the run's session token on every request (the default).
    case shared
    /// Send no session token (to test 401s, or to log on inside the scenario).
    case none
}
