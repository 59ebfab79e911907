/// A backup job session at one moment, with its job, ready to render or query.
struct JobSessionView: Sendable, Equatable {
    /// State, result, end time and task sessions as of the moment.
    var session: InventoryJobSession
    /// Which collection the job is in (for the job's `Up` link).
    var kind: JobKind
    var job: InventoryJob
    /// `Progress`, 0 to 100.
    var progress: Int
}
