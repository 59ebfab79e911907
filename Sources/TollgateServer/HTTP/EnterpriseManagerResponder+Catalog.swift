/// Serves the read-only resources of reference §14 from the inventory and the job sessions.
extension EnterpriseManagerResponder {
    /// Handles a catalog route for a live session whose role may read it (403 otherwise).
    func serveCatalog(
        _ route: CatalogRoute,
        session: LogonSessionRecord,
        facts: RequestFacts,
        factory: ResourceFactory
    ) async throws(APIError) -> Reply {
        guard session.role.mayRead(route.area) else {
            throw APIError.accessDenied
        }
        let inventory = configuration.inventory
        let server = inventory.backupServer
        switch route {
        case .backupServers:
            return try list(facts, root: "BackupServers", [server], factory.backupServerReference, factory.backupServerEntity)
        case .backupServer(let id):
            guard id.lowercased() == server.id else { throw Self.notFound("Backup server", id) }
            return try single(facts, factory.backupServerReference(server, element: "EntityRef"), factory.backupServerEntity(server))
        case .backupServerJobs(let id):
            guard id.lowercased() == server.id else { throw Self.notFound("Backup server", id) }
            let jobs = await state.jobs(.job)
            return Reply(status: 200, body: try wantsEntity(facts) ? factory.jobEntities(.job, jobs) : factory.jobReferences(.job, jobs))
        case .backupServerRepositories(let id):
            guard id.lowercased() == server.id else { throw Self.notFound("Backup server", id) }
            return try list(facts, root: "Repositories", inventory.repositories, factory.repositoryReference, factory.repositoryEntity)
        case .repositories:
            return try list(facts, root: "Repositories", inventory.repositories, factory.repositoryReference, factory.repositoryEntity)
        case .repository(let id):
            let repository = try Self.find(inventory.repositories, id, \.id, "Repository")
            return try single(facts, factory.repositoryReference(repository, element: "EntityRef"), factory.repositoryEntity(repository))
        case .repositoryBackups(let id):
            let repository = try Self.find(inventory.repositories, id, \.id, "Repository")
            let backups = inventory.backups.filter { $0.repositoryID == repository.id }
            return try list(facts, root: "Backups", backups, factory.backupReference, factory.backupEntity)
        case .backupSessions:
            return try sessionList(facts, await state.jobSessions(), factory: factory)
        case .backupSession(let id):
            let view = try Self.find(await state.jobSessions(), id, \.session.id, "Backup job session")
            return try single(facts, factory.jobSessionReference(view, element: "EntityRef"), factory.jobSessionEntity(view))
        case .backupSessionTasks(let id):
            let view = try Self.find(await state.jobSessions(), id, \.session.id, "Backup job session")
            return try taskList(facts, view.session.tasks.map { ($0, view) }, factory: factory)
        case .taskSessions:
            let tasks = await state.jobSessions().flatMap { view in view.session.tasks.map { ($0, view) } }
            return try taskList(facts, tasks, factory: factory)
        case .taskSession(let id):
            let tasks = await state.jobSessions().flatMap { view in view.session.tasks.map { (task: $0, view: view) } }
            let found = try Self.find(tasks, id, \.task.id, "Backup task session")
            return try single(
                facts, factory.taskSessionReference(found.task, of: found.view, element: "EntityRef"),
                factory.taskSessionEntity(found.task, of: found.view))
        case .backups:
            return try list(facts, root: "Backups", inventory.backups, factory.backupReference, factory.backupEntity)
        case .backup(let id):
            let backup = try Self.find(inventory.backups, id, \.id, "Backup")
            return try single(facts, factory.backupReference(backup, element: "EntityRef"), factory.backupEntity(backup))
        case .backupRestorePoints(let id):
            let backup = try Self.find(inventory.backups, id, \.id, "Backup")
            return try pointList(facts, backup.restorePoints.map { ($0, backup) }, factory: factory)
        case .restorePoints:
            return try pointList(facts, Self.restorePoints(inventory), factory: factory)
        case .restorePoint(let id):
            let found = try Self.find(Self.restorePoints(inventory), id, \.point.id, "Restore point")
            return try single(
                facts, factory.restorePointReference(found.point, backup: found.backup, element: "EntityRef"),
                factory.restorePointEntity(found.point, backup: found.backup))
        case .restorePointVms(let id):
            let found = try Self.find(Self.restorePoints(inventory), id, \.point.id, "Restore point")
            return try vmPointList(facts, found.point.vms.map { ($0, found.point, found.backup) }, factory: factory)
        case .vmRestorePoints:
            return try vmPointList(facts, Self.vmRestorePoints(inventory), factory: factory)
        case .vmRestorePoint(let id):
            let found = try Self.find(Self.vmRestorePoints(inventory), id, \.vm.id, "VM restore point")
            return try single(
                facts, factory.vmRestorePointReference(found.vm, point: found.point, element: "EntityRef"),
                factory.vmRestorePointEntity(found.vm, point: found.point, backup: found.backup))
        case .summaryReport:
            return Reply(status: 200, body: factory.summaryReport())
        case .reportFrame(let frame):
            let sessions = await state.jobSessions()
            let jobs = await state.jobs(.job) + state.jobs(.agentJob)
            switch frame {
            case "overview": return Reply(status: 200, body: factory.overviewReport(jobs: jobs, sessions: sessions))
            case "vms_overview": return Reply(status: 200, body: factory.vmsOverviewReport(sessions: sessions))
            case "job_statistics": return Reply(status: 200, body: factory.jobStatisticsReport(jobs: jobs, sessions: sessions))
            case "repository": return Reply(status: 200, body: factory.repositoryReport())
            default: return Reply(status: 200, body: factory.processedVmsReport(sessions: sessions))
            }
        case .query:
            return try await query(facts, factory: factory)
        case .discoveredComputers:
            return try list(
                facts, root: "DiscoveredComputers", inventory.discoveredComputers, factory.discoveredComputerReference,
                factory.discoveredComputerEntity)
        case .discoveredComputer(let id):
            let computer = try Self.find(inventory.discoveredComputers, id, \.id, "Discovered computer")
            return try single(
                facts, factory.discoveredComputerReference(computer, element: "EntityRef"), factory.discoveredComputerEntity(computer))
        case .roles:
            return try list(facts, root: "EnterpriseRoles", ResourceFactory.enterpriseRoles, factory.roleReference, factory.roleEntity)
        case .role(let id):
            let role = try Self.find(ResourceFactory.enterpriseRoles, id, \.id, "Enterprise role")
            return try single(facts, factory.roleReference(role, element: "EntityRef"), factory.roleEntity(role))
        case .accounts:
            let users = configuration.users.keys.sorted()
            return try list(
                facts, root: "EnterpriseAccounts", users, factory.accountReference,
                { factory.accountEntity($0, role: configuration.role(of: $0)) })
        case .account(let id):
            let user = try Self.find(configuration.users.keys.sorted(), id, ResourceFactory.accountID, "Enterprise account")
            return try single(
                facts, factory.accountReference(user, element: "EntityRef"),
                factory.accountEntity(user, role: configuration.role(of: user)))
        case .accountRoles(let id):
            let user = try Self.find(configuration.users.keys.sorted(), id, ResourceFactory.accountID, "Enterprise account")
            let role = ResourceFactory.enterpriseRole(of: configuration.role(of: user))
            return try list(facts, root: "EnterpriseRoles", [role], factory.roleReference, factory.roleEntity)
        case .hierarchyRoots:
            return try list(
                facts, root: "HierarchyRoots", inventory.hierarchyRoots, factory.hierarchyRootReference, factory.hierarchyRootEntity)
        case .hierarchyRoot(let id):
            let root = try Self.find(inventory.hierarchyRoots, id, \.id, "Hierarchy root")
            return try single(facts, factory.hierarchyRootReference(root, element: "EntityRef"), factory.hierarchyRootEntity(root))
        case .lookup:
            return Reply(status: 200, body: factory.hierarchyItems(try Self.lookup(facts, inventory)))
        case .jobIncludes(let kind, let id):
            guard await state.job(kind, id: id) != nil else { throw Self.notFound(kind.entityType, id) }
            return Reply(status: 200, body: ResourceFactory.entityList("ObjectsInJob", []))
        }
    }

    /// The sessions of one job, for `/jobs/{id}/backupSessions`.
    func jobSessionList(_ facts: RequestFacts, kind: JobKind, jobID: String, factory: ResourceFactory) async throws(APIError)
        -> Reply
    {
        let sessions = await state.jobSessions().filter { $0.kind == kind && $0.job.id == jobID.lowercased() }
        return try sessionList(facts, sessions, factory: factory)
    }

    // MARK: Shapes

    private func list<Item>(
        _ facts: RequestFacts, root: String, _ items: [Item], _ reference: (Item, String) -> ResourceNode,
        _ entity: (Item) -> ResourceNode
    ) throws(APIError) -> Reply {
        if try wantsEntity(facts) {
            return Reply(status: 200, body: ResourceFactory.entityList(root, items.map(entity)))
        }
        return Reply(status: 200, body: ResourceFactory.referenceList(items.map { reference($0, "Ref") }))
    }

    private func single(_ facts: RequestFacts, _ reference: ResourceNode, _ entity: ResourceNode) throws(APIError) -> Reply {
        Reply(status: 200, body: try wantsEntity(facts) ? entity : reference)
    }

    private func sessionList(_ facts: RequestFacts, _ sessions: [JobSessionView], factory: ResourceFactory) throws(APIError)
        -> Reply
    {
        try list(facts, root: "BackupJobSessions", sessions, factory.jobSessionReference, factory.jobSessionEntity)
    }

    private func taskList(
        _ facts: RequestFacts, _ tasks: [(InventoryTaskSession, JobSessionView)], factory: ResourceFactory
    ) throws(APIError) -> Reply {
        try list(
            facts, root: "BackupTaskSessions", tasks, { factory.taskSessionReference($0.0, of: $0.1, element: $1) },
            { factory.taskSessionEntity($0.0, of: $0.1) })
    }

    private func pointList(
        _ facts: RequestFacts, _ points: [(InventoryRestorePoint, InventoryBackup)], factory: ResourceFactory
    ) throws(APIError) -> Reply {
        try list(
            facts, root: "RestorePoints", points, { factory.restorePointReference($0.0, backup: $0.1, element: $1) },
            { factory.restorePointEntity($0.0, backup: $0.1) })
    }

    private func vmPointList(
        _ facts: RequestFacts, _ vms: [(InventoryVmRestorePoint, InventoryRestorePoint, InventoryBackup)],
        factory: ResourceFactory
    ) throws(APIError) -> Reply {
        try list(
            facts, root: "VmRestorePoints", vms, { factory.vmRestorePointReference($0.0, point: $0.1, element: $1) },
            { factory.vmRestorePointEntity($0.0, point: $0.1, backup: $0.2) })
    }

    // MARK: Query and lookup

    private func query(_ facts: RequestFacts, factory: ResourceFactory) async throws(APIError) -> Reply {
        let request: QueryRequest
        do {
            request = try QueryRequest(parameters: facts.parameters)
        } catch {
            throw APIError.badRequest(error.message)
        }
        let sessions = await state.jobSessions()
        let items: [QueryItem]
        if request.type.name == QueryType.backupJobSession.name {
            items = sessions.map(factory.jobSessionItem)
        } else {
            items = sessions.flatMap { view in view.session.tasks.map { factory.taskSessionItem($0, of: view) } }
        }
        let page = request.select(from: items)
        return Reply(status: 200, body: factory.queryResult(request, items: page.items, pagesCount: page.pagesCount))
    }

    /// `?hierarchyRef=<ObjectRef>`, or `?host=<root UID or id>[&name=<glob>][&type=Vm]`.
    private static func lookup(_ facts: RequestFacts, _ inventory: Inventory) throws(APIError) -> [VmCatalog.Entry] {
        let catalog = VmCatalog(inventory)
        if let reference = facts.parameters["hierarchyref"], !reference.isEmpty {
            return catalog.entries.filter { $0.objectRef.lowercased() == reference.lowercased() }
        }
        guard let host = facts.parameters["host"], !host.isEmpty else {
            throw APIError.badRequest("The 'host' (a hierarchy root UID) or 'hierarchyRef' query parameter is required.")
        }
        let rootID = host.lowercased().replacingOccurrences(of: "urn:veeam:hierarchyroot:", with: "")
        guard let root = inventory.hierarchyRoots.first(where: { $0.id == rootID }) else {
            throw notFound("Hierarchy root", host)
        }
        if let type = facts.parameters["type"], !type.isEmpty, type.lowercased() != "vm" {
            return []
        }
        let pattern = FaultRoute(method: nil, pattern: "/" + (facts.parameters["name"].flatMap { $0.isEmpty ? nil : $0 } ?? "*"))
        return catalog.entries.filter { $0.rootID == root.id && pattern.matches(method: "GET", path: "/" + $0.name, query: nil) }
    }

    // MARK: Helpers

    private static func find<Item>(_ items: [Item], _ id: String, _ key: (Item) -> String, _ what: String) throws(APIError)
        -> Item
    {
        guard let item = items.first(where: { key($0) == id.lowercased() }) else {
            throw notFound(what, id)
        }
        return item
    }

    private static func notFound(_ what: String, _ id: String) -> APIError {
        APIError.notFound("\(what) with id [\(id)] was not found.")
    }

    private static func restorePoints(_ inventory: Inventory) -> [(point: InventoryRestorePoint, backup: InventoryBackup)] {
        inventory.backups.flatMap { backup in backup.restorePoints.map { (point: $0, backup: backup) } }
    }

    private static func vmRestorePoints(_ inventory: Inventory)
        -> [(vm: InventoryVmRestorePoint, point: InventoryRestorePoint, backup: InventoryBackup)]
    {
        restorePoints(inventory).flatMap { pair in pair.point.vms.map { (vm: $0, point: pair.point, backup: pair.backup) } }
    }
}
