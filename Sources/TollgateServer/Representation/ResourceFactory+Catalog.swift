/// The read-only resources of reference §14 that come straight from the inventory: backup
/// servers, repositories, backups, restore points, VM restore points, discovered computers and
/// hierarchy roots, each as a reference (`Ref` in a list, `EntityRef` as a root) and as an entity.
extension ResourceFactory {
    // MARK: Shared shapes

    /// `urn:veeam:<kind>:<id>`.
    func uid(_ kind: String, _ id: String) -> String {
        "urn:veeam:\(kind):\(id)"
    }

    /// A reference with the attribute order of real servers (`UID Name Href Type`).
    func reference(
        _ element: String, uid: String, name: String, path: String, type: String, links items: [ResourceNode]
    ) -> ResourceNode {
        ResourceNode(
            element,
            attributes: [
                ResourceAttribute("UID", .string(uid)),
                ResourceAttribute("Name", .string(name)),
                ResourceAttribute("Href", .string(url(path))),
                ResourceAttribute("Type", .string(type)),
            ],
            children: [links(items)],
            jsonKeyOrder: ["Links", "UID", "Name", "Href", "Type"])
    }

    /// An entity root (`Href Type Name UID`, then `extra` attributes), its `Href` ending in `?format=Entity`.
    func entity(
        _ type: String, uid: String, name: String, path: String, links items: [ResourceNode], children: [ResourceNode],
        extra: [ResourceAttribute] = [], jsonKeyOrder: [String] = []
    ) -> ResourceNode {
        ResourceNode(
            type,
            attributes: [
                ResourceAttribute("Href", .string(url(path + "?format=Entity"))),
                ResourceAttribute("Type", .string(type)),
                ResourceAttribute("Name", .string(name)),
                ResourceAttribute("UID", .string(uid)),
            ] + extra,
            children: [links(items)] + children,
            jsonKeyOrder: jsonKeyOrder)
    }

    /// `EntityReferences` (JSON `{"Refs": […]}`).
    static func referenceList(_ refs: [ResourceNode]) -> ResourceNode {
        ResourceNode("EntityReferences", children: refs, jsonShape: .wrappedList("Refs"))
    }

    /// A plural entity list root (`<Repositories>`, JSON `{"Repositories": […]}`).
    static func entityList(_ root: String, _ entities: [ResourceNode]) -> ResourceNode {
        ResourceNode(root, children: entities, jsonShape: .wrappedList(root))
    }

    // MARK: Backup servers

    func backupServerPath(_ server: BackupServer) -> String { "/backupServers/\(server.id)" }

    private func backupServerDownLinks(_ server: BackupServer) -> [ResourceNode] {
        [
            link("Down", backupServerPath(server) + "/jobs", type: "JobReferenceList"),
            link("Down", backupServerPath(server) + "/repositories", type: "RepositoryReferenceList"),
        ]
    }

    func backupServerReference(_ server: BackupServer, element: String) -> ResourceNode {
        let path = backupServerPath(server)
        return reference(
            element, uid: uid("BackupServer", server.id), name: server.name, path: path, type: "BackupServerReference",
            links: [link("Alternate", path + "?format=Entity", type: "BackupServer", name: server.name)]
                + backupServerDownLinks(server))
    }

    func backupServerEntity(_ server: BackupServer) -> ResourceNode {
        let path = backupServerPath(server)
        return entity(
            "BackupServer", uid: uid("BackupServer", server.id), name: server.name, path: path,
            links: [link("Alternate", path, type: "BackupServerReference", name: server.name)]
                + backupServerDownLinks(server),
            children: [
                .leaf("Description", .string(server.description)), .leaf("Port", .int(server.port)),
                .leaf("Version", .string(server.version ?? release.backupServerVersion)),
            ])
    }

    // MARK: Repositories

    func repositoryPath(_ repository: InventoryRepository) -> String { "/repositories/\(repository.id)" }

    func repositoryLink(_ repository: InventoryRepository) -> ResourceNode {
        link("Up", repositoryPath(repository), type: "RepositoryReference", name: repository.name)
    }

    func repositoryReference(_ repository: InventoryRepository, element: String) -> ResourceNode {
        let path = repositoryPath(repository)
        return reference(
            element, uid: uid("Repository", repository.id), name: repository.name, path: path, type: "RepositoryReference",
            links: [
                upLink, link("Alternate", path + "?format=Entity", type: "Repository", name: repository.name),
                link("Down", path + "/backups", type: "BackupReferenceList"),
            ])
    }

    func repositoryEntity(_ repository: InventoryRepository) -> ResourceNode {
        let path = repositoryPath(repository)
        return entity(
            "Repository", uid: uid("Repository", repository.id), name: repository.name, path: path,
            links: [
                upLink, link("Alternate", path, type: "RepositoryReference", name: repository.name),
                link("Down", path + "/backups", type: "BackupReferenceList"),
            ],
            children: [
                .leaf("Capacity", .int(repository.capacity)), .leaf("FreeSpace", .int(repository.freeSpace)),
                .leaf("Kind", .string(repository.kind)),
            ])
    }

    // MARK: Backups

    func backupPath(_ backup: InventoryBackup) -> String { "/backups/\(backup.id)" }

    private func backupRepositoryLinks(_ backup: InventoryBackup) -> [ResourceNode] {
        inventory.repositories.filter { $0.id == backup.repositoryID }.map(repositoryLink)
    }

    func backupReference(_ backup: InventoryBackup, element: String) -> ResourceNode {
        let path = backupPath(backup)
        return reference(
            element, uid: uid("Backup", backup.id), name: backup.name, path: path, type: "BackupReference",
            links: [upLink] + backupRepositoryLinks(backup) + [
                link("Alternate", path + "?format=Entity", type: "Backup", name: backup.name),
                link("Down", path + "/restorePoints", type: "RestorePointReferenceList"),
            ])
    }

    /// The v13 shape (`Platform`, `BackupType`), where the 2017 XSD and the v13 docs disagree.
    func backupEntity(_ backup: InventoryBackup) -> ResourceNode {
        let path = backupPath(backup)
        return entity(
            "Backup", uid: uid("Backup", backup.id), name: backup.name, path: path,
            links: backupRepositoryLinks(backup) + [
                upLink, link("Alternate", path, type: "BackupReference", name: backup.name),
                link("Down", path + "/restorePoints", type: "RestorePointReferenceList"),
            ],
            children: [.leaf("Platform", .string(backup.platform)), .leaf("BackupType", .string("Standard"))])
    }

    // MARK: Restore points

    func restorePointPath(_ point: InventoryRestorePoint) -> String { "/restorePoints/\(point.id)" }

    private func restorePointLinks(_ point: InventoryRestorePoint, backup: InventoryBackup, alternate: ResourceNode)
        -> [ResourceNode]
    {
        [
            upLink, link("Up", backupPath(backup), type: "BackupReference", name: backup.name), alternate,
            link("Down", restorePointPath(point) + "/vmRestorePoints", type: "VmRestorePointReferenceList"),
        ]
    }

    func restorePointReference(_ point: InventoryRestorePoint, backup: InventoryBackup, element: String) -> ResourceNode {
        let path = restorePointPath(point)
        let name = EnterpriseManagerTime.pointName(point.time)
        return reference(
            element, uid: uid("RestorePoint", point.id), name: name, path: path, type: "RestorePointReference",
            links: restorePointLinks(
                point, backup: backup, alternate: link("Alternate", path + "?format=Entity", type: "RestorePoint", name: name)))
    }

    func restorePointEntity(_ point: InventoryRestorePoint, backup: InventoryBackup) -> ResourceNode {
        let path = restorePointPath(point)
        let name = EnterpriseManagerTime.pointName(point.time)
        return entity(
            "RestorePoint", uid: uid("RestorePoint", point.id), name: name, path: path,
            links: restorePointLinks(
                point, backup: backup, alternate: link("Alternate", path, type: "RestorePointReference", name: name)),
            children: [.leaf("BackupDateUTC", .string(point.time))])
    }

    // MARK: VM restore points

    func vmRestorePointPath(_ vm: InventoryVmRestorePoint) -> String { "/vmRestorePoints/\(vm.id)" }

    private func vmRestorePointName(_ vm: InventoryVmRestorePoint, point: InventoryRestorePoint) -> String {
        vm.vmName + "@" + EnterpriseManagerTime.nameStamp(point.time)
    }

    private func vmRestorePointLinks(_ point: InventoryRestorePoint, alternate: ResourceNode) -> [ResourceNode] {
        [
            upLink,
            link("Up", restorePointPath(point), type: "RestorePointReference", name: EnterpriseManagerTime.pointName(point.time)),
            alternate,
        ]
    }

    func vmRestorePointReference(_ vm: InventoryVmRestorePoint, point: InventoryRestorePoint, element: String)
        -> ResourceNode
    {
        let path = vmRestorePointPath(vm)
        let name = vmRestorePointName(vm, point: point)
        return reference(
            element, uid: uid("VmRestorePoint", vm.id), name: name, path: path, type: "VmRestorePointReference",
            links: vmRestorePointLinks(
                point, alternate: link("Alternate", path + "?format=Entity", type: "VmRestorePoint", name: name)))
    }

    func vmRestorePointEntity(_ vm: InventoryVmRestorePoint, point: InventoryRestorePoint, backup: InventoryBackup)
        -> ResourceNode
    {
        let path = vmRestorePointPath(vm)
        let name = vmRestorePointName(vm, point: point)
        return entity(
            "VmRestorePoint", uid: uid("VmRestorePoint", vm.id), name: name, path: path,
            links: vmRestorePointLinks(point, alternate: link("Alternate", path, type: "VmRestorePointReference", name: name)),
            children: [
                .leaf("CreationTimeUTC", .string(point.time)), .leaf("VmName", .string(vm.vmName)),
                .leaf("Algorithm", .string(vm.pointType == "Full" ? "Full" : "Incremental")),
                .leaf("PointType", .string(vm.pointType)),
                .leaf("HierarchyObjRef", .string(VmCatalog(inventory).objectRef(vm: vm.vmName, platform: backup.platform))),
            ],
            extra: [ResourceAttribute("VmDisplayName", .string(vm.vmName))])
    }

    // MARK: Discovered computers

    func discoveredComputerPath(_ computer: DiscoveredComputer) -> String { "/agents/discoveredComputers/\(computer.id)" }

    /// The `Href` is the computer's own path, not the vendor's `/backupTaskSessions/{id}` quirk.
    func discoveredComputerReference(_ computer: DiscoveredComputer, element: String) -> ResourceNode {
        let path = discoveredComputerPath(computer)
        return reference(
            element, uid: uid("DiscoveredComputer", computer.id), name: computer.name, path: path,
            type: "DiscoveredComputerReference",
            links: [upLink, link("Alternate", path + "?format=Entity", type: "DiscoveredComputer", name: computer.name)])
    }

    func discoveredComputerEntity(_ computer: DiscoveredComputer) -> ResourceNode {
        let path = discoveredComputerPath(computer)
        return entity(
            "DiscoveredComputer", uid: uid("DiscoveredComputer", computer.id), name: computer.name, path: path,
            links: [upLink, link("Alternate", path, type: "DiscoveredComputerReference", name: computer.name)],
            children: [
                .leaf("HostStatus", .string(computer.hostStatus)), .leaf("AgentVersion", .string(computer.agentVersion)),
                .leaf("AgentStatus", .string(computer.agentStatus)), .leaf("OsVersion", .string(computer.osVersion)),
                .leaf("IpAddress", .string(computer.ipAddress)),
                .leaf(
                    "HierarchyObjRef",
                    .string("urn:AgentForWindows:VeeamAgent:00000000-0000-0000-0000-000000000000.\(computer.id)")),
            ])
    }

    // MARK: Hierarchy roots

    func hierarchyRootPath(_ root: HierarchyRoot) -> String { "/hierarchyRoots/\(root.id)" }

    func hierarchyRootReference(_ root: HierarchyRoot, element: String) -> ResourceNode {
        let path = hierarchyRootPath(root)
        return reference(
            element, uid: uid("HierarchyRoot", root.id), name: root.name, path: path, type: "HierarchyRootReference",
            links: [upLink, link("Alternate", path + "?format=Entity", type: "HierarchyRoot", name: root.name)])
    }

    func hierarchyRootEntity(_ root: HierarchyRoot) -> ResourceNode {
        let path = hierarchyRootPath(root)
        return entity(
            "HierarchyRoot", uid: uid("HierarchyRoot", root.id), name: root.name, path: path,
            links: [upLink, link("Alternate", path, type: "HierarchyRootReference", name: root.name)],
            children: [
                .leaf("HierarchyRootId", .string(root.id)), .leaf("UniqueId", .string(root.name)),
                .leaf("HostType", .string(root.hostType)),
            ])
    }

    /// `/lookup`: `HierarchyItems` of `HierarchyItem` (`ObjectRef`, `ObjectType`, `ObjectName`).
    func hierarchyItems(_ items: [VmCatalog.Entry]) -> ResourceNode {
        ResourceNode(
            "HierarchyItems",
            children: items.map { item in
                ResourceNode(
                    "HierarchyItem", attributes: [ResourceAttribute("Type", .string("HierarchyItem"))],
                    children: [
                        .leaf("ObjectRef", .string(item.objectRef)), .leaf("ObjectType", .string("Vm")),
                        .leaf("ObjectName", .string(item.name)),
                    ])
            },
            jsonShape: .wrappedList("HierarchyItems"))
    }
}
