/// A `type=` of the query service: its fields and the entity list that holds its entities.
struct QueryType: Sendable {
    /// The reference's spelling (`BackupJobSession`); matched ignoring case.
    var name: String
    /// The list inside `Entities` (`BackupJobSessions`).
    var entityList: String
    var fields: [QueryField]

    /// `BackupJobSession` (reference §14.2).
    static let backupJobSession = QueryType(
        name: "BackupJobSession", entityList: "BackupJobSessions",
        fields: [
            QueryField(name: "UID", kind: .text), QueryField(name: "Name", kind: .text),
            QueryField(name: "JobType", kind: .enumeration(jobTypes)), QueryField(name: "JobUid", kind: .text),
            QueryField(name: "JobName", kind: .text), QueryField(name: "CreationTime", kind: .date),
            QueryField(name: "EndTime", kind: .date), QueryField(name: "State", kind: .enumeration(Inventory.sessionStates)),
            QueryField(name: "Result", kind: .enumeration(results)), QueryField(name: "IsRetry", kind: .flag),
            QueryField(name: "BackupServerUid", kind: .text), QueryField(name: "BackupServerName", kind: .text),
        ])

    /// `BackupTaskSession` (reference §14.2).
    static let backupTaskSession = QueryType(
        name: "BackupTaskSession", entityList: "BackupTaskSessions",
        fields: [
            QueryField(name: "UID", kind: .text), QueryField(name: "Name", kind: .text),
            QueryField(name: "CreationTime", kind: .date), QueryField(name: "EndTime", kind: .date),
            QueryField(name: "State", kind: .enumeration(Inventory.taskStates)),
            QueryField(name: "Result", kind: .enumeration(results)), QueryField(name: "Reason", kind: .text),
            QueryField(name: "TotalSize", kind: .number), QueryField(name: "JobSessionUid", kind: .text),
            QueryField(name: "JobUid", kind: .text), QueryField(name: "JobName", kind: .text),
            QueryField(name: "BackupServerUid", kind: .text), QueryField(name: "BackupServerName", kind: .text),
            QueryField(name: "VmDisplayName", kind: .text),
        ])

    /// The types served.
    static let all = [backupJobSession, backupTaskSession]

    /// Session job types (reference §14.3).
    static let jobTypes = [
        "Backup", "BackupCopy", "ImmediateBackupCopy", "ImmediateBackupCopyWorker", "AgentBackup", "AgentManagement",
        "NasBackup",
    ]
    /// Results in the order the reference compares them, `None` (no result yet) first.
    static let results = ["None", "Success", "Warning", "Failed"]
}
