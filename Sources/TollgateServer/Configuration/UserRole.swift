/// The Enterprise Manager role of a user, which decides what the user may do.
///
/// Enterprise Manager knows three roles. Only a Portal Administrator may list and read jobs and
/// agent jobs (reference §5.1: `GET /jobs` answers "only to accounts with the Portal
/// Administrator role") and run job actions (start, stop, retry, sync, toggleScheduleEnabled);
/// the others get `403 Forbidden` ("Access denied"), as the reference describes for a Restore
/// Operator starting a job. What each may read of the rest is ``mayRead(_:)``.
public enum UserRole: String, Sendable, Equatable, CaseIterable {
    /// Portal Administrator: everything.
    case portalAdministrator = "portal-administrator"
    /// Portal User: may read, may not run job actions.
    case portalUser = "portal-user"
    /// Restore Operator: may read, may not run job actions.
    case restoreOperator = "restore-operator"

    /// Whether the role may read a resource of reference §14 (§14 intro, [doc S64]): a Portal
    /// Administrator all; a Portal User all but `/security`; a restore operator (a VM Restore
    /// Operator) only backups and restore points.
    func mayRead(_ area: CatalogRoute.Area) -> Bool {
        switch self {
        case .portalAdministrator: true
        case .portalUser: area != .security
        case .restoreOperator: area == .restore
        }
    }

    /// Whether the role may list and read `/jobs` and `/agents/jobs` (and a job's sessions): only
    /// a Portal Administrator (reference §5.1; the agent job pages name no other role).
    public var mayReadJobs: Bool {
        self == .portalAdministrator
    }

    /// Whether the role may start, stop, retry and toggle jobs.
    public var mayRunJobActions: Bool {
        self == .portalAdministrator
    }
}
