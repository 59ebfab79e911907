/// The VMs the inventory mentions (in restore points and task sessions), each placed below the
/// first hierarchy root of its job's platform, with a stable object reference
/// (`urn:VMware:Vm:<root id>.vm-1001`) that `/lookup` and `VmRestorePoint` agree on.
struct VmCatalog: Sendable {
    struct Entry: Sendable, Equatable {
        var name: String
        var platform: String
        /// The hierarchy root the VM is below, nil when the inventory has none of its platform.
        var rootID: String?
        var objectRef: String
    }

    let entries: [Entry]

    init(_ inventory: Inventory) {
        var seen: [String: String] = [:]
        var order: [String] = []
        func add(_ name: String, jobID: String, platform: String?) {
            guard seen[name] == nil else { return }
            let jobPlatform = platform ?? inventory.job(id: jobID)?.job.platform ?? "VMware"
            seen[name] = jobPlatform == "Hyperv" ? "HyperV" : jobPlatform
            order.append(name)
        }
        for backup in inventory.backups {
            for point in backup.restorePoints {
                for vm in point.vms { add(vm.vmName, jobID: backup.jobID, platform: backup.platform) }
            }
        }
        for session in inventory.sessions {
            for task in session.tasks { add(task.vmName, jobID: session.jobID, platform: nil) }
        }
        entries = order.enumerated().map { index, name in
            let platform = seen[name] ?? "VMware"
            let root = inventory.hierarchyRoots.first { $0.platform == platform }
            let rootID = root?.id ?? "00000000-0000-0000-0000-000000000000"
            return Entry(
                name: name, platform: platform, rootID: root?.id,
                objectRef: "urn:\(platform):Vm:\(rootID).vm-\(1001 + index)")
        }
    }

    /// The object reference of `vm` (the platform decides it when the VM is not listed).
    func objectRef(vm: String, platform: String) -> String {
        entries.first { $0.name == vm }?.objectRef ?? "urn:\(platform):Vm:00000000-0000-0000-0000-000000000000.\(vm)"
    }
}
