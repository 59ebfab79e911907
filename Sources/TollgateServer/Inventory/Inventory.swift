import Foundation

/// What the built-in Enterprise Manager serves: the backup server, its jobs and agent jobs,
/// repositories, backups with restore points, job sessions with task sessions and discovered
/// agent computers.
///
/// ``standard`` is the default set; ``init(contentsOf:)`` loads another from YAML
/// (the format is described on ``init(yaml:path:)``).
public struct Inventory: Sendable, Equatable {
    /// The backup server every job belongs to.
    public var backupServer: BackupServer
    /// Backup, backup copy and replica jobs (`/api/jobs`).
    public var jobs: [InventoryJob]
    /// Veeam Agent backup jobs (`/api/agents/jobs`).
    public var agentJobs: [InventoryJob]
    /// Backup repositories (`/api/repositories`).
    public var repositories: [InventoryRepository]
    /// Backups with their restore points (`/api/backups`).
    public var backups: [InventoryBackup]
    /// Backup job sessions with their task sessions (`/api/backupSessions`), in any order.
    public var sessions: [InventoryJobSession]
    /// Discovered agent computers (`/api/agents/discoveredComputers`).
    public var discoveredComputers: [DiscoveredComputer]
    /// Hosts and vCenters (`/api/hierarchyRoots`, `/api/lookup`).
    public var hierarchyRoots: [HierarchyRoot]

    /// Job types allowed under `jobs`.
    public static let jobTypes = ["Backup", "BackupCopy", "ImmediateBackupCopy", "Replica"]
    /// Platforms allowed under `jobs`.
    public static let jobPlatforms = ["VMware", "HyperV", "Hyperv", "vCloud", "CustomPlatform"]
    /// Job types allowed under `agentJobs`.
    public static let agentJobTypes = ["AgentBackup"]
    /// Platforms allowed under `agentJobs`.
    public static let agentJobPlatforms = ["AgentForWindows", "AgentForLinux"]
    /// Repository kinds (reference §14.5, v13 list plus the `AmazonS3Compatible` of real output).
    public static let repositoryKinds = [
        "WindowsLocal", "LinuxLocal", "CifsShare", "DDBoost", "Cloud", "HPStoreOnce", "ExaGrid", "Foreign",
        "SanSnapshot", "HPStoreOnceIntegration", "Extendable", "Quantum", "Nfs", "AmazonS3Compatible",
    ]
    /// Backup platforms (reference §14.6).
    public static let backupPlatforms = ["VMware", "HyperV", "vCloud", "AgentForLinux", "AgentForWindows", "CustomPlatform"]
    /// VM restore point types.
    public static let pointTypes = ["Full", "Increment"]
    /// Job session states (reference §14.3).
    public static let sessionStates = ["Starting", "Stopping", "Working", "Pausing", "Resuming", "Stopped"]
    /// Job and task session results; `None` while there is none yet.
    public static let sessionResults = ["None", "Success", "Warning", "Failed"]
    /// Task session states.
    public static let taskStates = ["Pending", "InProgress", "Completed"]
    /// `HostStatus` values of a discovered computer.
    public static let hostStatuses = ["Online", "Offline", "Unknown"]
    /// `HostType` values of a hierarchy root.
    public static let hostTypes = ["ESX", "VC", "ESXi", "HvServer", "HvCluster", "Scvmm", "VcdSystem"]
    /// `AgentStatus` values of a discovered computer.
    public static let agentStatuses = ["NotInstalled", "Installed", "UnsupportedOs", "Failed", "Exclude"]

    /// Creates an inventory after checking it: GUID ids (stored lowercase), unique ids, known
    /// enumeration values, xs:dateTime times (UTC, `Z`, for sessions and restore points), and
    /// references that resolve (a backup's or session's job, a backup's repository).
    /// - Throws: ``ServerFileError`` naming `path` (a file name, or a label for code-built inventories).
    public init(
        backupServer: BackupServer,
        jobs: [InventoryJob],
        agentJobs: [InventoryJob],
        repositories: [InventoryRepository] = [],
        backups: [InventoryBackup] = [],
        sessions: [InventoryJobSession] = [],
        discoveredComputers: [DiscoveredComputer] = [],
        hierarchyRoots: [HierarchyRoot] = [],
        path: String = "<inventory>"
    ) throws {
        var checker = InventoryChecker(path: path)
        var server = backupServer
        server.id = try checker.id(server.id, place: "backupServer")
        self.backupServer = server
        self.jobs = try Self.checked(jobs, list: "jobs", types: Self.jobTypes, platforms: Self.jobPlatforms, checker: &checker)
        self.agentJobs = try Self.checked(
            agentJobs, list: "agentJobs", types: Self.agentJobTypes, platforms: Self.agentJobPlatforms, checker: &checker)
        let jobIDs = Set((self.jobs + self.agentJobs).map(\.id))
        let replicaJobIDs = Set(self.jobs.filter { $0.jobType == "Replica" }.map(\.id))
        self.repositories = try repositories.enumerated().map { index, repository in
            let place = "repositories[\(index)]"
            var repository = repository
            repository.id = try checker.id(repository.id, place: place)
            try checker.name(repository.name, place: place)
            try checker.oneOf(repository.kind, Self.repositoryKinds, what: "kind", place: place)
            return repository
        }
        let repositoryIDs = Set(self.repositories.map(\.id))
        self.backups = try backups.enumerated().map { index, backup in
            let place = "backups[\(index)]"
            var backup = backup
            backup.id = try checker.id(backup.id, place: place)
            try checker.name(backup.name, place: place)
            backup.jobID = try checker.reference(backup.jobID, in: jobIDs, what: "job", place: place)
            backup.repositoryID = try checker.reference(
                backup.repositoryID, in: repositoryIDs, what: "repository", place: place)
            try checker.oneOf(backup.platform, Self.backupPlatforms, what: "platform", place: place)
            backup.restorePoints = try backup.restorePoints.enumerated().map { pointIndex, point in
                let pointPlace = "\(place).restorePoints[\(pointIndex)]"
                var point = point
                point.id = try checker.id(point.id, place: pointPlace)
                try checker.utcTime(point.time, what: "time", place: pointPlace)
                point.vms = try point.vms.enumerated().map { vmIndex, vm in
                    let vmPlace = "\(pointPlace).vms[\(vmIndex)]"
                    var vm = vm
                    vm.id = try checker.id(vm.id, place: vmPlace)
                    try checker.name(vm.vmName, place: vmPlace)
                    try checker.oneOf(vm.pointType, Self.pointTypes, what: "type", place: vmPlace)
                    return vm
                }
                return point
            }
            return backup
        }
        self.sessions = try sessions.enumerated().map { index, session in
            let place = "sessions[\(index)]"
            var session = session
            session.id = try checker.id(session.id, place: place)
            session.jobID = try checker.reference(session.jobID, in: jobIDs, what: "job", place: place)
            if replicaJobIDs.contains(session.jobID) {
                throw checker.failure(place, "job '\(session.jobID)' is a Replica job, whose sessions are replica sessions")
            }
            try checker.utcTime(session.creationTime, what: "start", place: place)
            if let end = session.endTime { try checker.utcTime(end, what: "end", place: place) }
            try checker.oneOf(session.state, Self.sessionStates, what: "state", place: place)
            try checker.oneOf(session.result, Self.sessionResults, what: "result", place: place)
            session.tasks = try session.tasks.enumerated().map { taskIndex, task in
                let taskPlace = "\(place).tasks[\(taskIndex)]"
                var task = task
                task.id = try checker.id(task.id, place: taskPlace)
                try checker.name(task.vmName, place: taskPlace)
                try checker.utcTime(task.creationTime, what: "start", place: taskPlace)
                if let end = task.endTime { try checker.utcTime(end, what: "end", place: taskPlace) }
                try checker.oneOf(task.state, Self.taskStates, what: "state", place: taskPlace)
                try checker.oneOf(task.result, Self.sessionResults, what: "result", place: taskPlace)
                return task
            }
            return session
        }
        self.discoveredComputers = try discoveredComputers.enumerated().map { index, computer in
            let place = "discoveredComputers[\(index)]"
            var computer = computer
            computer.id = try checker.id(computer.id, place: place)
            try checker.name(computer.name, place: place)
            try checker.oneOf(computer.hostStatus, Self.hostStatuses, what: "hostStatus", place: place)
            try checker.oneOf(computer.agentStatus, Self.agentStatuses, what: "agentStatus", place: place)
            return computer
        }
        self.hierarchyRoots = try hierarchyRoots.enumerated().map { index, root in
            let place = "hierarchyRoots[\(index)]"
            var root = root
            root.id = try checker.id(root.id, place: place)
            try checker.name(root.name, place: place)
            try checker.oneOf(root.hostType, Self.hostTypes, what: "hostType", place: place)
            return root
        }
    }

    /// Loads an inventory from the YAML file at `path`.
    public init(contentsOf path: String) throws {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ServerFileError(path: path, message: "cannot read the inventory file (\(error.localizedDescription))")
        }
        try self.init(yaml: text, path: path)
    }

    /// Memberwise initialiser for values known to be valid (``standard``).
    init(
        checkedBackupServer: BackupServer,
        jobs: [InventoryJob],
        agentJobs: [InventoryJob],
        repositories: [InventoryRepository],
        backups: [InventoryBackup],
        sessions: [InventoryJobSession],
        discoveredComputers: [DiscoveredComputer],
        hierarchyRoots: [HierarchyRoot]
    ) {
        self.backupServer = checkedBackupServer
        self.jobs = jobs
        self.agentJobs = agentJobs
        self.repositories = repositories
        self.backups = backups
        self.sessions = sessions
        self.discoveredComputers = discoveredComputers
        self.hierarchyRoots = hierarchyRoots
    }

    /// The job or agent job with this id, and which collection it is in.
    func job(id: String) -> (kind: JobKind, job: InventoryJob)? {
        if let job = jobs.first(where: { $0.id == id }) { return (.job, job) }
        if let job = agentJobs.first(where: { $0.id == id }) { return (.agentJob, job) }
        return nil
    }

    private static func checked(
        _ jobs: [InventoryJob],
        list: String,
        types: [String],
        platforms: [String],
        checker: inout InventoryChecker
    ) throws -> [InventoryJob] {
        try jobs.enumerated().map { index, job in
            let place = "\(list)[\(index)]"
            var job = job
            job.id = try checker.id(job.id, place: place)
            try checker.name(job.name, place: place)
            try checker.oneOf(job.jobType, types, what: "type", place: place)
            try checker.oneOf(job.platform, platforms, what: "platform", place: place)
            if let nextRun = job.nextRun, !InventoryChecker.isDateTime(nextRun) {
                throw checker.failure(place, "nextRun '\(nextRun)' is not a date-time like 2020-02-01T17:00:00Z")
            }
            return job
        }
    }
}
