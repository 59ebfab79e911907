/// The processing of one VM inside a job session (`/api/backupSessions/{id}/taskSessions`).
public struct InventoryTaskSession: Sendable, Equatable {
    /// Bare lowercase GUID.
    public var id: String
    /// `VmDisplayName`.
    public var vmName: String
    /// `CreationTimeUTC`.
    public var creationTime: String
    /// `EndTimeUTC`; nil while the task works.
    public var endTime: String?
    /// `State`: Pending, InProgress, Completed.
    public var state: String
    /// `Result`: None, Success, Warning, Failed.
    public var result: String
    /// `Reason`, empty when there is none.
    public var reason: String
    /// `TotalSize` in bytes.
    public var totalSize: Int

    /// Creates a task session.
    public init(
        id: String, vmName: String, creationTime: String, endTime: String? = nil, state: String = "Completed",
        result: String = "Success", reason: String = "", totalSize: Int = 0
    ) {
        self.id = id
        self.vmName = vmName
        self.creationTime = creationTime
        self.endTime = endTime
        self.state = state
        self.result = result
        self.reason = reason
        self.totalSize = totalSize
    }
}
