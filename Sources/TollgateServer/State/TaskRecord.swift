/// A task created by a job action. Its state is derived from the clock, not kept by timers.
struct TaskRecord: Sendable, Equatable {
    /// N in `task-N`.
    var number: Int
    /// The logon session that created it; only that session sees it.
    var sessionID: String
    var operation: String
    var created: ContinuousClock.Instant
    var outcome: TaskOutcome
    /// Sync tasks show `OperationFinished` for one task duration before `Finished` (reference §7.3).
    var passesThroughOperationFinished: Bool

    var id: String { "task-\(number)" }

    /// The task in the 202 answer of the action that created it: `Running`, no `Result`, whatever
    /// the task duration (every 202 body the reference shows, §7.1; clients poll from there).
    var acceptedSnapshot: TaskSnapshot {
        TaskSnapshot(id: id, state: "Running", operation: operation, result: nil)
    }

    /// The task as seen at `now`, when tasks take `duration` to finish.
    func snapshot(at now: ContinuousClock.Instant, duration: Duration) -> TaskSnapshot {
        let running = acceptedSnapshot
        let done: (success: Bool, message: String)
        switch outcome {
        case .neverFinishes:
            return running
        case .succeeds(let message):
            done = (true, message)
        case .fails(let message):
            done = (false, message)
        }
        let elapsed = created.duration(to: now)
        if elapsed < duration {
            return running
        }
        if passesThroughOperationFinished && done.success && elapsed < duration * 2 {
            return TaskSnapshot(id: id, state: "OperationFinished", operation: operation, result: done)
        }
        return TaskSnapshot(id: id, state: "Finished", operation: operation, result: done)
    }
}
