import TollgateCore

/// What `tollgate compare` found between a base run and a candidate run.
public struct Comparison: Sendable {
    /// One side of the comparison: which record, which server.
    public struct Side: Sendable, Codable, Equatable {
        /// The record file as given.
        public var record: String
        /// The server's base URL.
        public var baseURL: String
        /// True for the built-in server.
        public var builtIn: Bool
        /// The server's fingerprint facts.
        public var fingerprint: [HeaderRecord]
        /// The run's counts per outcome.
        public var tally: [String: Int]
    }

    /// One scenario of either run, with its outcome on each side and its differences.
    public struct Scenario: Sendable, Codable, Equatable {
        /// The stable id.
        public var id: String
        /// The name (the base's, else the candidate's).
        public var name: String
        /// The suite's name.
        public var suite: String
        /// The outcome in the base run, absent when it is not there.
        public var baseOutcome: Outcome.Kind?
        /// The outcome in the candidate run.
        public var candidateOutcome: Outcome.Kind?
        /// Its differences, most important first.
        public var differences: [Difference]

        /// True when one of its differences fails the comparison.
        public var fails: Bool { differences.contains(where: \.fails) }
    }

    /// The base run.
    public var base: Side
    /// The candidate run.
    public var candidate: Side
    /// Every scenario of both runs, sorted by id.
    public var scenarios: [Scenario]
    /// Approvals that accepted nothing.
    public var staleApprovals: [Approval]
    /// What could not be compared structurally (bodies cut short in a record).
    public var notes: [String]

    /// Every difference, most important first.
    public var differences: [Difference] {
        scenarios.flatMap(\.differences).sorted(by: Self.order)
    }

    /// How many unapproved differences have each severity.
    public func count(_ severity: Severity) -> Int {
        scenarios.reduce(0) { $0 + $1.differences.filter { $0.severity == severity && $0.approval == nil }.count }
    }

    /// How many differences an approval accepted.
    public var approvedCount: Int { scenarios.reduce(0) { $0 + $1.differences.filter { $0.approval != nil }.count } }

    /// How many differences of `kind` there are.
    public func count(_ kind: DifferenceKind) -> Int {
        scenarios.reduce(0) { $0 + $1.differences.filter { $0.kind == kind }.count }
    }

    /// True when a scenario regressed or unapproved breaking drift remains; with `strict`, a stale
    /// approval fails too.
    public func fails(strict: Bool) -> Bool {
        scenarios.contains(where: \.fails) || (strict && !staleApprovals.isEmpty)
    }

    /// Breaking first; then verdicts before drift; then by scenario, step and path.
    static func order(_ lhs: Difference, _ rhs: Difference) -> Bool {
        if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
        if lhs.kind.isVerdict != rhs.kind.isVerdict { return lhs.kind.isVerdict }
        if lhs.scenario != rhs.scenario { return lhs.scenario < rhs.scenario }
        if (lhs.step ?? "") != (rhs.step ?? "") { return (lhs.step ?? "") < (rhs.step ?? "") }
        return lhs.path < rhs.path
    }
}
