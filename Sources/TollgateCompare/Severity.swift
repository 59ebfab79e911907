/// How much a difference between two runs matters to a client of the server.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    /// A client that worked against the base may break: something removed, renamed, retyped, a status
    /// changed, a scenario regressed.
    case breaking
    /// A value changed; clients that read it may notice.
    case changed
    /// Something new appeared; clients that ignore what they do not know are unaffected.
    case additive

    private var rank: Int {
        switch self {
        case .breaking: 0
        case .changed: 1
        case .additive: 2
        }
    }

    /// Breaking sorts first.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
