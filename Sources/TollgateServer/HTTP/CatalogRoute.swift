/// The read-only resources of reference §14, matched from the lower-cased path segments below
/// `/api` (ids keep their case).
enum CatalogRoute: Sendable, Equatable {
    case backupServers
    case backupServer(id: String)
    /// `/backupServers/{id}/jobs` and `…/repositories`.
    case backupServerJobs(id: String)
    case backupServerRepositories(id: String)
    case repositories
    case repository(id: String)
    case repositoryBackups(id: String)
    case backupSessions
    case backupSession(id: String)
    case backupSessionTasks(id: String)
    case taskSessions
    case taskSession(id: String)
    case backups
    case backup(id: String)
    case backupRestorePoints(id: String)
    case restorePoints
    case restorePoint(id: String)
    case restorePointVms(id: String)
    case vmRestorePoints
    case vmRestorePoint(id: String)
    case summaryReport
    /// `/reports/summary/<frame>`: overview, vms_overview, job_statistics, repository, processed_vms.
    case reportFrame(String)
    case query
    case discoveredComputers
    case discoveredComputer(id: String)
    case roles
    case role(id: String)
    case accounts
    case account(id: String)
    case accountRoles(id: String)
    case hierarchyRoots
    case hierarchyRoot(id: String)
    case lookup
    /// `/jobs/{id}/includes`, `/agents/jobs/{id}/includes`: the objects in a job (none are modelled).
    case jobIncludes(JobKind, id: String)

    /// What a role must be allowed to see for this route (reference §14).
    enum Area: Sendable, Equatable {
        /// Backup servers, repositories, sessions, reports, query, agents, hierarchy, lookup.
        case monitoring
        /// Backups, restore points, VM restore points.
        case restore
        /// `/security`.
        case security
    }

    var area: Area {
        switch self {
        case .backups, .backup, .backupRestorePoints, .restorePoints, .restorePoint, .restorePointVms, .vmRestorePoints,
            .vmRestorePoint:
            .restore
        case .roles, .role, .accounts, .account, .accountRoles:
            .security
        default:
            .monitoring
        }
    }

    /// Matches the segments after `api` (`lowered` and `rest` have the same length).
    init?(lowered: [String], rest: [String]) {
        switch lowered.count {
        case 1:
            switch lowered[0] {
            case "backupservers": self = .backupServers
            case "repositories": self = .repositories
            case "backupsessions": self = .backupSessions
            case "backuptasksessions": self = .taskSessions
            case "backups": self = .backups
            case "restorepoints": self = .restorePoints
            case "vmrestorepoints": self = .vmRestorePoints
            case "query": self = .query
            case "hierarchyroots": self = .hierarchyRoots
            case "lookup": self = .lookup
            default: return nil
            }
        case 2:
            let id = rest[1]
            switch lowered[0] {
            case "backupservers": self = .backupServer(id: id)
            case "repositories": self = .repository(id: id)
            case "backupsessions": self = .backupSession(id: id)
            case "backuptasksessions": self = .taskSession(id: id)
            case "backups": self = .backup(id: id)
            case "restorepoints": self = .restorePoint(id: id)
            case "vmrestorepoints": self = .vmRestorePoint(id: id)
            case "hierarchyroots": self = .hierarchyRoot(id: id)
            case "reports" where lowered[1] == "summary": self = .summaryReport
            case "agents" where lowered[1] == "discoveredcomputers": self = .discoveredComputers
            case "security" where lowered[1] == "roles": self = .roles
            case "security" where lowered[1] == "accounts": self = .accounts
            default: return nil
            }
        case 3:
            let id = rest[1]
            switch (lowered[0], lowered[2]) {
            case ("backupservers", "jobs"): self = .backupServerJobs(id: id)
            case ("backupservers", "repositories"): self = .backupServerRepositories(id: id)
            case ("repositories", "backups"): self = .repositoryBackups(id: id)
            case ("backupsessions", "tasksessions"): self = .backupSessionTasks(id: id)
            case ("backups", "restorepoints"): self = .backupRestorePoints(id: id)
            case ("restorepoints", "vmrestorepoints"): self = .restorePointVms(id: id)
            case ("jobs", "includes"): self = .jobIncludes(.job, id: id)
            default:
                switch (lowered[0], lowered[1]) {
                case ("reports", "summary") where ResourceFactory.reportFrames.contains { $0.path == lowered[2] }:
                    self = .reportFrame(lowered[2])
                case ("agents", "discoveredcomputers"): self = .discoveredComputer(id: rest[2])
                case ("security", "roles"): self = .role(id: rest[2])
                case ("security", "accounts"): self = .account(id: rest[2])
                default: return nil
                }
            }
        case 4:
            switch (lowered[0], lowered[1], lowered[3]) {
            case ("security", "accounts", "roles"): self = .accountRoles(id: rest[2])
            case ("agents", "jobs", "includes"): self = .jobIncludes(.agentJob, id: rest[2])
            default: return nil
            }
        default:
            return nil
        }
    }
}
