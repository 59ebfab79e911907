/// The two job collections the server serves, and everything that differs between them.
enum JobKind: Sendable, Equatable {
    /// `/api/jobs`: backup, backup copy and replica jobs.
    case job
    /// `/api/agents/jobs`: Veeam Agent backup jobs.
    case agentJob

    /// Collection path below `/api`.
    var collectionPath: String {
        switch self {
        case .job: "/jobs"
        case .agentJob: "/agents/jobs"
        }
    }

    /// The kind in `urn:veeam:<Kind>:<guid>`.
    var uidKind: String {
        switch self {
        case .job: "Job"
        case .agentJob: "AgentBackupJob"
        }
    }

    /// `Type` of a reference (`Ref`, `EntityRef`).
    var referenceType: String {
        switch self {
        case .job: "JobReference"
        case .agentJob: "AgentBackupJobReference"
        }
    }

    /// Root element and `Type` of the entity.
    var entityType: String {
        switch self {
        case .job: "Job"
        case .agentJob: "AgentBackupJob"
        }
    }

    /// Root element of the entity list (`…List` → plural root, reference §1.4).
    var entityListRoot: String {
        switch self {
        case .job: "Jobs"
        case .agentJob: "AgentBackupJobs"
        }
    }

    /// The task a job action creates, or nil when the kind has no such action.
    func operation(for action: JobAction) -> String? {
        switch (self, action) {
        case (_, .start): "StartJob"
        case (.job, .stop): "StopJob"
        case (.agentJob, .stop): "StopAgentJob"
        case (.job, .retry): "RetryJob"
        case (.agentJob, .retry): "RetryAgentJob"
        case (.job, .sync): "StartJobSync"
        case (.agentJob, .sync): nil
        case (_, .toggleScheduleEnabled): "UpdateJob"
        }
    }
}
