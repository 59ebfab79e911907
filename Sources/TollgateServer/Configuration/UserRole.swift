/// The Enterprise Manager role of a user, which decides what the user may do.
///
/// Enterprise Manager knows three roles. The built-in server models one difference between
/// them: only a Portal Administrator may run job actions (start, stop, retry, sync,
/// toggleScheduleEnabled); the others get `403 Forbidden` ("Access denied"), as the reference
/// describes for a Restore Operator starting a job.
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

    /// Whether the role may start, stop, retry and toggle jobs.
    public var mayRunJobActions: Bool {
        self == .portalAdministrator
    }
}
