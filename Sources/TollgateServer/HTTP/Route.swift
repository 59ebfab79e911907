/// The resources the server answers, matched from the path below `/api` (case-insensitive,
/// trailing slash optional).
enum Route: Sendable, Equatable {
    case entryPoint
    case logon
    case logonSessions
    case logonSession(id: String)
    case jobs(JobKind)
    case job(JobKind, id: String)
    /// `…/backupSessions` or `…/replicaSessions` of a job (served as an empty list).
    case jobSessions(JobKind, id: String)
    case tasks
    case task(id: String)

    /// Matches a request path; nil for anything else.
    init?(path: String) {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map { segment in
            String(segment).removingPercentEncoding ?? String(segment)
        }
        guard let first = segments.first, first.lowercased() == "api" else { return nil }
        let rest = Array(segments.dropFirst())
        let lowered = rest.map { $0.lowercased() }
        switch lowered.count {
        case 0:
            self = .entryPoint
        case 1:
            switch lowered[0] {
            case "sessionmngr": self = .logon
            case "logonsessions": self = .logonSessions
            case "jobs": self = .jobs(.job)
            case "tasks": self = .tasks
            default: return nil
            }
        case 2:
            switch lowered[0] {
            case "logonsessions": self = .logonSession(id: rest[1])
            case "jobs": self = .job(.job, id: rest[1])
            case "tasks": self = .task(id: rest[1])
            case "agents" where lowered[1] == "jobs": self = .jobs(.agentJob)
            default: return nil
            }
        case 3:
            if lowered[0] == "jobs", ["backupsessions", "replicasessions"].contains(lowered[2]) {
                self = .jobSessions(.job, id: rest[1])
            } else if lowered[0] == "agents", lowered[1] == "jobs" {
                self = .job(.agentJob, id: rest[2])
            } else {
                return nil
            }
        case 4:
            guard lowered[0] == "agents", lowered[1] == "jobs", lowered[3] == "backupsessions" else { return nil }
            self = .jobSessions(.agentJob, id: rest[2])
        default:
            return nil
        }
    }

    /// The methods the resource accepts; others get 405.
    var allowedMethods: [String] {
        switch self {
        case .entryPoint, .logonSessions, .jobs, .jobSessions, .tasks: ["GET"]
        case .logon: ["POST"]
        case .logonSession, .task: ["GET", "DELETE"]
        case .job: ["GET", "POST"]
        }
    }

    /// Whether the resource needs a logon session.
    var needsSession: Bool {
        switch self {
        case .entryPoint, .logon: false
        default: true
        }
    }
}
