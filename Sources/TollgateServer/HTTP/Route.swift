import Foundation

/// The resources the server answers, matched from the path below `/api` (case-insensitive,
/// trailing slash optional).
enum Route: Sendable, Equatable {
    /// `GET /api/`, open to all.
    case entryPoint
    /// `POST /api/sessionMngr/`, Basic credentials.
    case logon
    /// Everything else, which needs a logon session.
    case resource(Resource)

    /// The resources behind a logon session.
    enum Resource: Sendable, Equatable {
        case logonSessions
        case logonSession(id: String)
        case jobs(JobKind)
        case job(JobKind, id: String)
        /// `…/backupSessions` or `…/replicaSessions` of a job (served as an empty list).
        case jobSessions(JobKind, id: String)
        case tasks
        case task(id: String)
        /// The read-only resources of reference §14.
        case catalog(CatalogRoute)
    }

    /// Matches a request path; nil for anything else.
    init?(path: String) {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map { segment in
            String(segment).removingPercentEncoding ?? String(segment)
        }
        guard let first = segments.first, first.lowercased() == "api" else { return nil }
        let rest = Array(segments.dropFirst())
        let lowered = rest.map { $0.lowercased() }
        if let catalog = CatalogRoute(lowered: lowered, rest: rest) {
            self = .resource(.catalog(catalog))
            return
        }
        switch lowered.count {
        case 0:
            self = .entryPoint
        case 1:
            switch lowered[0] {
            case "sessionmngr": self = .logon
            case "logonsessions": self = .resource(.logonSessions)
            case "jobs": self = .resource(.jobs(.job))
            case "tasks": self = .resource(.tasks)
            default: return nil
            }
        case 2:
            switch lowered[0] {
            case "logonsessions": self = .resource(.logonSession(id: rest[1]))
            case "jobs": self = .resource(.job(.job, id: rest[1]))
            case "tasks": self = .resource(.task(id: rest[1]))
            case "agents" where lowered[1] == "jobs": self = .resource(.jobs(.agentJob))
            default: return nil
            }
        case 3:
            if lowered[0] == "jobs", ["backupsessions", "replicasessions"].contains(lowered[2]) {
                self = .resource(.jobSessions(.job, id: rest[1]))
            } else if lowered[0] == "agents", lowered[1] == "jobs" {
                self = .resource(.job(.agentJob, id: rest[2]))
            } else {
                return nil
            }
        case 4:
            guard lowered[0] == "agents", lowered[1] == "jobs", lowered[3] == "backupsessions" else { return nil }
            self = .resource(.jobSessions(.agentJob, id: rest[2]))
        default:
            return nil
        }
    }

    /// The methods the resource accepts; others get 405.
    var allowedMethods: [String] {
        switch self {
        case .entryPoint: ["GET"]
        case .logon: ["POST"]
        case .resource(.logonSession), .resource(.task): ["GET", "DELETE"]
        case .resource(.job): ["GET", "POST"]
        case .resource: ["GET"]
        }
    }
}
