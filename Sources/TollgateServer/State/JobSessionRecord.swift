import Foundation

/// A backup job session as the server keeps it: one from the inventory (fixed), or one a job
/// action started, whose state and result follow the action's task and are derived from the
/// clock when read, like tasks.
struct JobSessionRecord: Sendable {
    /// The session's facts; for a live session the state, result and end are recomputed.
    var session: InventoryJobSession
    var kind: JobKind
    var job: InventoryJob
    /// Set for sessions started by `start`, `retry` or `sync`.
    var run: Run?

    /// What a job action started: the session ends when its task finishes, or earlier when a
    /// `stop` task finishes first.
    struct Run: Sendable {
        var started: ContinuousClock.Instant
        var startDate: Date
        var outcome: TaskOutcome
        /// When a `stop` of this session was accepted, and how its task ends.
        var stop: (requested: ContinuousClock.Instant, outcome: TaskOutcome)?
    }

    /// The `FailureMessage` (and task `Reason`) of a session a `stop` ended.
    static let stoppedMessage = "Job has been stopped by user."

    /// The session as seen at `now`, when tasks take `duration`.
    func view(at now: ContinuousClock.Instant, duration: Duration) -> JobSessionView {
        guard let run else {
            return JobSessionView(session: session, kind: kind, job: job, progress: session.endTime == nil ? 0 : 100)
        }
        var ends: [(at: ContinuousClock.Instant, result: String, message: String?)] = []
        switch run.outcome {
        case .succeeds: ends.append((run.started + duration, "Success", nil))
        case .fails(let message): ends.append((run.started + duration, "Failed", message))
        case .neverFinishes: break
        }
        if let stop = run.stop, case .succeeds = stop.outcome {
            ends.append((stop.requested + duration, "Failed", Self.stoppedMessage))
        }
        var current = session
        guard let end = ends.filter({ $0.at <= now }).min(by: { $0.at < $1.at }) else {
            current.state = run.stop == nil ? "Working" : "Stopping"
            current.result = "None"
            current.endTime = nil
            current.tasks = current.tasks.map { task in
                var task = task
                task.state = "InProgress"
                task.result = "None"
                task.endTime = nil
                return task
            }
            let elapsed = run.started.duration(to: now)
            let progress = duration > .zero ? min(99, Int(elapsed / duration * 100)) : 0
            return JobSessionView(session: current, kind: kind, job: job, progress: progress)
        }
        let endText = EnterpriseManagerTime.text(run.startDate.addingTimeInterval(Self.seconds(run.started.duration(to: end.at))))
        current.state = "Stopped"
        current.result = end.result
        current.failureMessage = end.message
        current.endTime = endText
        current.tasks = current.tasks.map { task in
            var task = task
            task.state = "Completed"
            task.result = end.result
            task.reason = end.message ?? ""
            task.endTime = endText
            return task
        }
        return JobSessionView(session: current, kind: kind, job: job, progress: 100)
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
