/// One difference between the base run and the candidate run.
public struct Difference: Sendable, Equatable, Codable {
    /// What kind of difference.
    public var kind: DifferenceKind
    /// How much it matters (the kind's default unless a rule changed it).
    public var severity: Severity
    /// The scenario's stable id.
    public var scenario: String
    /// The step's stable id, for differences in a response.
    public var step: String?
    /// Where: an XPath-like path into an XML body (`/Task/Links/Link[@Rel='Delete']/@Href`), a JSON path
    /// (`$.Links[Rel='Delete'].Href`), `status`, `header:NAME` or `outcome`.
    public var path: String
    /// The base's value (normalised), absent when the thing is missing there.
    public var base: String?
    /// The candidate's value (normalised), absent when the thing is missing there.
    public var candidate: String?
    /// How to send the request again on each side, for differences in a response.
    public var reproduction: Reproduction?
    /// The approval that accepts this difference, when one does.
    public var approval: Approval?

    /// Creates a difference with its kind's default severity.
    public init(
        _ kind: DifferenceKind, scenario: String, step: String? = nil, path: String, base: String?, candidate: String?,
        reproduction: Reproduction? = nil
    ) {
        self.kind = kind
        severity = kind.defaultSeverity
        self.scenario = scenario
        self.step = step
        self.path = path
        self.base = base
        self.candidate = candidate
        self.reproduction = reproduction
    }

    /// True when it fails the comparison: a regression, or breaking drift no approval accepts.
    public var fails: Bool {
        approval == nil && (kind == .regression || severity == .breaking)
    }
}

/// The request behind a difference, and a `curl` line per side to send it again.
public struct Reproduction: Sendable, Equatable, Codable {
    /// `METHOD URL` with the server normalised (`GET {server}/api/tasks/task-{n}`).
    public var request: String
    /// The base's request as a `curl` line; masked values are environment variables.
    public var baseCurl: String
    /// The candidate's request as a `curl` line.
    public var candidateCurl: String
}
