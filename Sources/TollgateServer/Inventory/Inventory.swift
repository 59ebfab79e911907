import Foundation

/// The jobs and agent jobs the built-in Enterprise Manager serves.
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

    /// Job types allowed under `jobs`.
    public static let jobTypes = ["Backup", "BackupCopy", "ImmediateBackupCopy", "Replica"]
    /// Platforms allowed under `jobs`.
    public static let jobPlatforms = ["VMware", "HyperV", "Hyperv", "vCloud", "CustomPlatform"]
    /// Job types allowed under `agentJobs`.
    public static let agentJobTypes = ["AgentBackup"]
    /// Platforms allowed under `agentJobs`.
    public static let agentJobPlatforms = ["AgentForWindows", "AgentForLinux"]

    /// Creates an inventory after checking it: GUID ids (stored lowercase), unique ids,
    /// known job types and platforms, xs:dateTime `nextRun`.
    /// - Throws: ``ServerFileError`` naming `path` (a file name, or a label for code-built inventories).
    public init(
        backupServer: BackupServer,
        jobs: [InventoryJob],
        agentJobs: [InventoryJob],
        path: String = "<inventory>"
    ) throws {
        var server = backupServer
        server.id = try Self.checkedID(server.id, place: "backupServer", path: path)
        self.backupServer = server
        var seen: Set<String> = []
        self.jobs = try Self.checked(jobs, list: "jobs", types: Self.jobTypes, platforms: Self.jobPlatforms, seen: &seen, path: path)
        self.agentJobs = try Self.checked(
            agentJobs, list: "agentJobs", types: Self.agentJobTypes, platforms: Self.agentJobPlatforms, seen: &seen, path: path)
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
    init(checkedBackupServer: BackupServer, jobs: [InventoryJob], agentJobs: [InventoryJob]) {
        self.backupServer = checkedBackupServer
        self.jobs = jobs
        self.agentJobs = agentJobs
    }

    private static func checked(
        _ jobs: [InventoryJob],
        list: String,
        types: [String],
        platforms: [String],
        seen: inout Set<String>,
        path: String
    ) throws -> [InventoryJob] {
        try jobs.enumerated().map { index, job in
            let place = "\(list)[\(index)]"
            var job = job
            job.id = try checkedID(job.id, place: place, path: path)
            guard seen.insert(job.id).inserted else {
                throw ServerFileError(path: path, message: "\(place): id \(job.id) is used twice")
            }
            guard !job.name.isEmpty else {
                throw ServerFileError(path: path, message: "\(place): the name is empty")
            }
            guard types.contains(job.jobType) else {
                throw ServerFileError(
                    path: path, message: "\(place): unknown type '\(job.jobType)' (known: \(types.joined(separator: ", ")))")
            }
            guard platforms.contains(job.platform) else {
                throw ServerFileError(
                    path: path,
                    message: "\(place): unknown platform '\(job.platform)' (known: \(platforms.joined(separator: ", ")))")
            }
            if let nextRun = job.nextRun, !isDateTime(nextRun) {
                throw ServerFileError(
                    path: path, message: "\(place): nextRun '\(nextRun)' is not a date-time like 2020-02-01T17:00:00Z")
            }
            return job
        }
    }

    private static func checkedID(_ id: String, place: String, path: String) throws -> String {
        guard UUID(uuidString: id) != nil else {
            throw ServerFileError(
                path: path, message: "\(place): id '\(id)' is not a GUID like 78c3919c-54d7-43fe-b047-485d3566f11f")
        }
        return id.lowercased()
    }

    private static func isDateTime(_ text: String) -> Bool {
        text.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?/) != nil
    }
}
