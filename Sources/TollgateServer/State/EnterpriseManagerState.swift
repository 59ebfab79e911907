import Foundation

/// Everything that changes while the server runs: logon sessions, jobs, job sessions and tasks.
///
/// An actor, so every change is atomic: concurrent toggles of one job each flip
/// `ScheduleEnabled` exactly once. Task states are computed from the clock when read, and so is
/// the effect of a toggle: it lands when its task finishes (``pendingToggles``).
actor EnterpriseManagerState {
    private let users: [String: String]
    private let roles: [String: UserRole]
    private let idleTimeout: Duration
    private let taskDuration: Duration
    private let clock = ContinuousClock()

    /// Every logon session id handed out so far, in order, logged off or not (read through
    /// ``RunningServer/issuedSessionIDs`` by tests that check no secret leaks).
    nonisolated let issuedSessionIDs = LockedValue<[String]>([])

    private var sessions: [String: LogonSessionRecord] = [:]
    private var sessionIDsByToken: [String: String] = [:]
    private var jobs: [JobKind: [InventoryJob]]
    /// Backup job sessions: the inventory's, then those job actions started, in creation order.
    private var sessionRecords: [JobSessionRecord]
    private var tasks: [Int: TaskRecord] = [:]
    /// Toggles whose task has not finished yet, oldest first (every task takes the same time, so
    /// they finish in this order): each flips `ScheduleEnabled` of its job once the task is done.
    private var pendingToggles: [(kind: JobKind, jobID: String, created: ContinuousClock.Instant)] = []
    /// Entries of `pendingToggles` before this index are applied (dropped in bulk, so applying one
    /// toggle does not shift all the others under a toggle storm).
    private var appliedToggles = 0
    private var lastTaskNumber = 0
    /// The lowest task number that may still be kept (tasks below it were forgotten).
    private var oldestTaskNumber = 1
    private let retainedTaskLimit: Int

    init(configuration: ServerConfiguration) {
        self.users = configuration.users
        self.roles = configuration.roles
        self.idleTimeout = configuration.sessionIdleTimeout
        self.taskDuration = configuration.taskDuration
        self.retainedTaskLimit = max(1, configuration.retainedTaskLimit)
        let inventory = configuration.inventory
        self.jobs = [.job: inventory.jobs, .agentJob: inventory.agentJobs]
        self.sessionRecords = inventory.sessions.compactMap { session in
            inventory.job(id: session.jobID).map { JobSessionRecord(session: session, kind: $0.kind, job: $0.job) }
        }
    }

    // MARK: Logon sessions

    /// Creates a session when the credentials are right; nil otherwise.
    func logOn(user: String, password: String, version: String) -> LogonSessionRecord? {
        removeExpiredSessions()
        guard let expected = users[user], Self.constantTimeEquals(expected, password) else {
            return nil
        }
        let id = UUID().uuidString.lowercased()
        let now = clock.now
        let record = LogonSessionRecord(
            id: id,
            token: Data(id.utf8).base64EncodedString(),
            userName: user,
            role: roles[user] ?? .portalAdministrator,
            version: version,
            created: now,
            lastSeen: now)
        sessions[id] = record
        sessionIDsByToken[record.token] = id
        issuedSessionIDs.withLock { $0.append(id) }
        return record
    }

    /// The live session of `token`, whose idle clock restarts; 401 when there is none.
    func authenticate(token: String?) throws(APIError) -> LogonSessionRecord {
        guard let token, let id = sessionIDsByToken[token], var record = sessions[id] else {
            throw APIError.noSession
        }
        let now = clock.now
        if record.lastSeen.duration(to: now) > idleTimeout {
            removeSession(id)
            throw APIError.noSession
        }
        record.lastSeen = now
        sessions[id] = record
        return record
    }

    /// Ends the session of `token` at once (fault `expire-session`).
    func expire(token: String?) {
        guard let token, let id = sessionIDsByToken[token] else { return }
        removeSession(id)
    }

    /// The live sessions of `user`, oldest first.
    func sessions(of user: String) -> [LogonSessionRecord] {
        removeExpiredSessions()
        return sessions.values.filter { $0.userName == user }
            .sorted { ($0.created, $0.id) < ($1.created, $1.id) }
    }

    /// The live session `id` if it belongs to `user`.
    func session(id: String, of user: String) -> LogonSessionRecord? {
        removeExpiredSessions()
        guard let record = sessions[id.lowercased()], record.userName == user else { return nil }
        return record
    }

    /// Logs session `id` of `user` off; false when there is no such session.
    func logOff(id: String, of user: String) -> Bool {
        guard let record = session(id: id, of: user) else { return false }
        removeSession(record.id)
        return true
    }

    // MARK: Jobs

    /// The jobs of one collection, in inventory order.
    func jobs(_ kind: JobKind) -> [InventoryJob] {
        applyFinishedToggles()
        return jobs[kind] ?? []
    }

    /// One job by its GUID (any case).
    func job(_ kind: JobKind, id: String) -> InventoryJob? {
        applyFinishedToggles()
        return jobs[kind]?.first { $0.id == id.lowercased() }
    }

    /// Flips `ScheduleEnabled` for every pending toggle whose task is Finished by now: the same
    /// test as ``TaskRecord/snapshot(at:duration:)``, so a reader never sees the flag change
    /// before the task says Finished, nor a Finished task whose flag has not changed.
    private func applyFinishedToggles() {
        let now = clock.now
        while appliedToggles < pendingToggles.count, pendingToggles[appliedToggles].created.duration(to: now) >= taskDuration {
            let toggle = pendingToggles[appliedToggles]
            if let index = jobs[toggle.kind]?.firstIndex(where: { $0.id == toggle.jobID }) {
                jobs[toggle.kind]?[index].scheduleEnabled.toggle()
            }
            appliedToggles += 1
        }
        if appliedToggles > 0, appliedToggles * 2 >= pendingToggles.count {
            pendingToggles.removeFirst(appliedToggles)
            appliedToggles = 0
        }
    }

    /// Runs a job action and returns its new task, as the 202 answer shows it: always `Running`
    /// (reference §7.1), even when tasks take no time (`--task-seconds 0`).
    ///
    /// `toggleScheduleEnabled` flips `ScheduleEnabled` when its task finishes, if the task is
    /// going to succeed; a task forced to fail or never finish (`taskFault`: `task-fails`,
    /// `task-never-finishes`) leaves the job as it was.
    func run(
        _ action: JobAction,
        on kind: JobKind,
        jobID: String,
        session: LogonSessionRecord,
        taskFault: FaultKind?
    ) throws(APIError) -> TaskSnapshot {
        applyFinishedToggles()
        guard let list = jobs[kind], let index = list.firstIndex(where: { $0.id == jobID.lowercased() }) else {
            throw APIError.notFound("\(kind.entityType) with id [\(jobID)] was not found.")
        }
        let job = list[index]
        guard let operation = kind.operation(for: action), action.isSupported(byJobType: job.jobType) else {
            throw APIError.badRequest("Action '\(action.rawValue)' is not supported for job \"\(job.name)\" of type \(job.jobType).")
        }
        let outcome: TaskOutcome
        switch taskFault {
        case .taskNeverFinishes?:
            outcome = .neverFinishes
        case .taskFails(let message)?:
            outcome = .fails(message: message ?? "Job \"\(job.name)\" failed: simulated failure (Tollgate fault task-fails).")
        default:
            outcome = .succeeds(message: action.successMessage(jobName: job.name))
        }
        let now = clock.now
        if action == .toggleScheduleEnabled, case .succeeds = outcome {
            pendingToggles.append((kind, job.id, now))
        }
        recordSession(for: action, kind: kind, job: job, outcome: outcome)
        lastTaskNumber += 1
        let record = TaskRecord(
            number: lastTaskNumber,
            sessionID: session.id,
            operation: operation,
            created: now,
            outcome: outcome,
            passesThroughOperationFinished: action == .sync)
        tasks[record.number] = record
        while tasks.count > retainedTaskLimit, oldestTaskNumber < lastTaskNumber {
            tasks[oldestTaskNumber] = nil
            oldestTaskNumber += 1
        }
        return record.acceptedSnapshot
    }

    // MARK: Job sessions

    /// Every backup job session as of now, in creation order.
    func jobSessions() -> [JobSessionView] {
        let now = clock.now
        return sessionRecords.map { $0.view(at: now, duration: taskDuration) }
    }

    /// `start`, `retry` and `sync` start a session that follows the task; `stop` ends the job's
    /// working sessions when its task finishes. Replica jobs keep replica sessions, not served.
    private func recordSession(for action: JobAction, kind: JobKind, job: InventoryJob, outcome: TaskOutcome) {
        guard job.jobType != "Replica" else { return }
        let now = clock.now
        switch action {
        case .start, .retry, .sync:
            let template = sessionRecords.last { $0.job.id == job.id }?.session.tasks ?? []
            let date = Date()
            let start = EnterpriseManagerTime.text(date)
            let session = InventoryJobSession(
                id: UUID().uuidString.lowercased(), jobID: job.id, creationTime: start, state: "Working",
                result: "None", isRetry: action == .retry,
                tasks: template.map { task in
                    InventoryTaskSession(
                        id: UUID().uuidString.lowercased(), vmName: task.vmName, creationTime: start,
                        state: "InProgress", result: "None", totalSize: task.totalSize)
                })
            sessionRecords.append(
                JobSessionRecord(
                    session: session, kind: kind, job: job,
                    run: JobSessionRecord.Run(started: now, startDate: date, outcome: outcome)))
        case .stop:
            for index in sessionRecords.indices where sessionRecords[index].job.id == job.id {
                let view = sessionRecords[index].view(at: now, duration: taskDuration)
                if view.session.endTime == nil, sessionRecords[index].run != nil, sessionRecords[index].run?.stop == nil {
                    sessionRecords[index].run?.stop = (now, outcome)
                }
            }
        case .toggleScheduleEnabled:
            break
        }
    }

    // MARK: Tasks

    /// The tasks of `session`, in creation order.
    func tasks(of session: LogonSessionRecord) -> [TaskSnapshot] {
        let now = clock.now
        return tasks.values.filter { $0.sessionID == session.id }
            .sorted { $0.number < $1.number }
            .map { $0.snapshot(at: now, duration: taskDuration) }
    }

    /// Task `task-N` if `session` created it.
    func task(id: String, of session: LogonSessionRecord) -> TaskSnapshot? {
        record(id: id, of: session)?.snapshot(at: clock.now, duration: taskDuration)
    }

    /// Deletes task `task-N` of `session`; false when there is no such task.
    func deleteTask(id: String, of session: LogonSessionRecord) -> Bool {
        guard let record = record(id: id, of: session) else { return false }
        tasks[record.number] = nil
        return true
    }

    // MARK: Helpers

    private func record(id: String, of session: LogonSessionRecord) -> TaskRecord? {
        let lowered = id.lowercased()
        guard lowered.hasPrefix("task-"), let number = Int(lowered.dropFirst(5)),
            let record = tasks[number], record.sessionID == session.id
        else { return nil }
        return record
    }

    private func removeSession(_ id: String) {
        guard let record = sessions.removeValue(forKey: id) else { return }
        sessionIDsByToken[record.token] = nil
        tasks = tasks.filter { $0.value.sessionID != id }
    }

    private func removeExpiredSessions() {
        let now = clock.now
        for record in sessions.values where record.lastSeen.duration(to: now) > idleTimeout {
            removeSession(record.id)
        }
    }

    /// Compares without an early exit, so timing does not reveal how much of a password matched.
    private static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8)
        let b = Array(rhs.utf8)
        var difference = a.count ^ b.count
        for index in 0..<max(a.count, b.count) {
            let x = index < a.count ? a[index] : 0
            let y = index < b.count ? b[index] : 0
            difference |= Int(x ^ y)
        }
        return difference == 0
    }
}
