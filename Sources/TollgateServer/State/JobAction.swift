/// The `?action=` values of `POST /api/jobs/{id}` and `POST /api/agents/jobs/{id}`.
enum JobAction: String, Sendable, CaseIterable {
    case start
    case stop
    case retry
    case sync
    case toggleScheduleEnabled

    /// Parses the query value, ignoring case like the vendor's server.
    init?(query: String) {
        guard let action = JobAction.allCases.first(where: { $0.rawValue.lowercased() == query.lowercased() }) else {
            return nil
        }
        self = action
    }

    /// The `Message` of the finished task (reference §5.4, §6.3).
    func successMessage(jobName: String) -> String {
        switch self {
        case .start: "Job \"\(jobName)\" triggered to start."
        case .stop: "Job \"\(jobName)\" triggered to stop."
        case .retry: "Job \"\(jobName)\" triggered to retry."
        case .sync: "OperationFinished"
        case .toggleScheduleEnabled: "Ok"
        }
    }

    /// Whether `jobType` supports the action: backup copy jobs sync instead of start/stop/retry.
    func isSupported(byJobType jobType: String) -> Bool {
        let isCopy = jobType == "BackupCopy"
        switch self {
        case .start, .stop, .retry: return !isCopy
        case .sync: return isCopy
        case .toggleScheduleEnabled: return true
        }
    }
}
