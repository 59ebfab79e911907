/// A finished (or still working) run of a job: a backup job session with its task sessions
/// (`/api/backupSessions`).
public struct InventoryJobSession: Sendable, Equatable {
    /// Bare lowercase GUID.
    public var id: String
    /// The id of the job that ran (a job or an agent job of the inventory).
    public var jobID: String
    /// `CreationTimeUTC`, an xs:dateTime in UTC.
    public var creationTime: String
    /// `EndTimeUTC`; nil while the session works.
    public var endTime: String?
    /// `State`: Starting, Stopping, Working, Pausing, Resuming, Stopped.
    public var state: String
    /// `Result`: None (no result yet), Success, Warning, Failed.
    public var result: String
    /// `FailureMessage`, or nil (`null` in JSON, absent in XML).
    public var failureMessage: String?
    /// `IsRetry`.
    public var isRetry: Bool
    /// One task session per VM the session processed.
    public var tasks: [InventoryTaskSession]

    /// Creates a job session.
    public init(
        id: String, jobID: String, creationTime: String, endTime: String? = nil, state: String = "Stopped",
        result: String = "Success", failureMessage: String? = nil, isRetry: Bool = false,
        tasks: [InventoryTaskSession] = []
    ) {
        self.id = id
        self.jobID = jobID
        self.creationTime = creationTime
        self.endTime = endTime
        self.state = state
        self.result = result
        self.failureMessage = failureMessage
        self.isRetry = isRetry
        self.tasks = tasks
    }
}
