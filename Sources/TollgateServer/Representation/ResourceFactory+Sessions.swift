/// Backup job sessions and task sessions (reference §14.3), and their query items (§14.2).
extension ResourceFactory {
    func jobSessionPath(_ view: JobSessionView) -> String { "/backupSessions/\(view.session.id)" }

    func taskSessionPath(_ task: InventoryTaskSession) -> String { "/backupTaskSessions/\(task.id)" }

    /// `JobName@2020-01-31 17:00:09`.
    func jobSessionName(_ view: JobSessionView) -> String {
        view.job.name + "@" + EnterpriseManagerTime.nameStamp(view.session.creationTime)
    }

    private func jobLink(_ view: JobSessionView) -> ResourceNode {
        link("Up", "\(view.kind.collectionPath)/\(view.job.id)", type: view.kind.referenceType, name: view.job.name)
    }

    private func jobSessionLinks(_ view: JobSessionView, alternate: ResourceNode) -> [ResourceNode] {
        [
            upLink, jobLink(view), alternate,
            link("Down", jobSessionPath(view) + "/taskSessions", type: "BackupTaskSessionReferenceList"),
        ]
    }

    func jobSessionReference(_ view: JobSessionView, element: String) -> ResourceNode {
        let path = jobSessionPath(view)
        let name = jobSessionName(view)
        return reference(
            element, uid: uid("BackupJobSession", view.session.id), name: name, path: path,
            type: "BackupJobSessionReference",
            links: jobSessionLinks(view, alternate: link("Alternate", path + "?format=Entity", type: "BackupJobSession", name: name)))
    }

    /// The entity; JSON puts the derived member `IsRetry` first, as the captures do.
    func jobSessionEntity(_ view: JobSessionView) -> ResourceNode {
        let path = jobSessionPath(view)
        let name = jobSessionName(view)
        let session = view.session
        return entity(
            "BackupJobSession", uid: uid("BackupJobSession", session.id), name: name, path: path,
            links: jobSessionLinks(view, alternate: link("Alternate", path, type: "BackupJobSessionReference", name: name)),
            children: [
                .leaf("JobUid", .string("urn:veeam:\(view.kind.uidKind):\(view.job.id)")),
                .leaf("JobName", .string(view.job.name)), .leaf("JobType", .string(view.job.jobType)),
                .leaf("CreationTimeUTC", .string(session.creationTime)), .leaf("EndTimeUTC", .optional(session.endTime)),
                .leaf("State", .string(session.state)), .leaf("Result", .string(session.result)),
                .leaf("Progress", .int(view.progress)), .leaf("FailureMessage", .optional(session.failureMessage)),
                .leaf("IsRetry", .bool(session.isRetry)),
            ],
            jsonKeyOrder: ["IsRetry"])
    }

    private func taskSessionLinks(_ view: JobSessionView, alternate: ResourceNode) -> [ResourceNode] {
        [
            upLink,
            link("Up", jobSessionPath(view), type: "BackupJobSessionReference", name: jobSessionName(view)),
            alternate,
        ]
    }

    /// `VM@2020-01-31 17:00:31`.
    func taskSessionName(_ task: InventoryTaskSession) -> String {
        task.vmName + "@" + EnterpriseManagerTime.nameStamp(task.creationTime)
    }

    func taskSessionReference(_ task: InventoryTaskSession, of view: JobSessionView, element: String) -> ResourceNode {
        let path = taskSessionPath(task)
        let name = taskSessionName(task)
        return reference(
            element, uid: uid("BackupTaskSession", task.id), name: name, path: path, type: "BackupTaskSessionReference",
            links: taskSessionLinks(view, alternate: link("Alternate", path + "?format=Entity", type: "BackupTaskSession", name: name)))
    }

    func taskSessionEntity(_ task: InventoryTaskSession, of view: JobSessionView) -> ResourceNode {
        let path = taskSessionPath(task)
        let name = taskSessionName(task)
        return entity(
            "BackupTaskSession", uid: uid("BackupTaskSession", task.id), name: name, path: path,
            links: taskSessionLinks(view, alternate: link("Alternate", path, type: "BackupTaskSessionReference", name: name)),
            children: [
                .leaf("JobSessionUid", .string(uid("BackupJobSession", view.session.id))),
                .leaf("CreationTimeUTC", .string(task.creationTime)), .leaf("EndTimeUTC", .optional(task.endTime)),
                .leaf("State", .string(task.state)), .leaf("Result", .string(task.result)),
                .leaf("Reason", .string(task.reason)), .leaf("TotalSize", .int(task.totalSize)),
            ],
            extra: [ResourceAttribute("VmDisplayName", .string(task.vmName))],
            jsonKeyOrder: [
                "JobSessionUid", "CreationTimeUTC", "EndTimeUTC", "State", "Result", "Reason", "TotalSize", "VmDisplayName",
            ])
    }

    // MARK: Query items

    private func serverValues() -> [String: QueryValue] {
        [
            "backupserveruid": .text(uid("BackupServer", backupServer.id)),
            "backupservername": .text(backupServer.name),
        ]
    }

    private static func ordinal(_ value: String, in values: [String]) -> QueryValue? {
        values.firstIndex(of: value).map(QueryValue.ordinal)
    }

    /// A `BackupJobSession` query item.
    func jobSessionItem(_ view: JobSessionView) -> QueryItem {
        let session = view.session
        var values = serverValues()
        values["uid"] = .text(uid("BackupJobSession", session.id))
        values["name"] = .text(jobSessionName(view))
        values["jobtype"] = Self.ordinal(view.job.jobType, in: QueryType.jobTypes)
        values["jobuid"] = .text("urn:veeam:\(view.kind.uidKind):\(view.job.id)")
        values["jobname"] = .text(view.job.name)
        values["creationtime"] = EnterpriseManagerTime.date(session.creationTime).map(QueryValue.date)
        values["endtime"] = session.endTime.flatMap(EnterpriseManagerTime.date).map(QueryValue.date)
        values["state"] = Self.ordinal(session.state, in: Inventory.sessionStates)
        values["result"] = Self.ordinal(session.result, in: QueryType.results)
        values["isretry"] = .flag(session.isRetry)
        return QueryItem(values: values, reference: jobSessionReference(view, element: "Ref"), entity: jobSessionEntity(view))
    }

    /// A `BackupTaskSession` query item.
    func taskSessionItem(_ task: InventoryTaskSession, of view: JobSessionView) -> QueryItem {
        var values = serverValues()
        values["uid"] = .text(uid("BackupTaskSession", task.id))
        values["name"] = .text(taskSessionName(task))
        values["creationtime"] = EnterpriseManagerTime.date(task.creationTime).map(QueryValue.date)
        values["endtime"] = task.endTime.flatMap(EnterpriseManagerTime.date).map(QueryValue.date)
        values["state"] = Self.ordinal(task.state, in: Inventory.taskStates)
        values["result"] = Self.ordinal(task.result, in: QueryType.results)
        values["reason"] = .text(task.reason)
        values["totalsize"] = .number(task.totalSize)
        values["jobsessionuid"] = .text(uid("BackupJobSession", view.session.id))
        values["jobuid"] = .text("urn:veeam:\(view.kind.uidKind):\(view.job.id)")
        values["jobname"] = .text(view.job.name)
        values["vmdisplayname"] = .text(task.vmName)
        return QueryItem(
            values: values, reference: taskSessionReference(task, of: view, element: "Ref"),
            entity: taskSessionEntity(task, of: view))
    }

    /// `QueryResult`: `Refs` or `Entities` (one list filled; the others `null` in JSON), then
    /// `PagingInfo` with `First`, `Previous` (after page 1), `Next` (while more follow), `Last`.
    func queryResult(_ request: QueryRequest, items: [QueryItem], pagesCount: Int) -> ResourceNode {
        let content: ResourceNode
        if request.entities {
            content = ResourceNode(
                "Entities",
                children: [Self.entityList(request.type.entityList, items.map(\.entity))])
        } else {
            content = ResourceNode("Refs", children: items.map(\.reference), jsonShape: .wrappedList("Refs"))
        }
        var pagingLinks = [link("First", request.path(page: 1))]
        if request.page > 1 {
            pagingLinks.append(link("Previous", request.path(page: min(request.page - 1, pagesCount))))
        }
        if request.page < pagesCount {
            pagingLinks.append(link("Next", request.path(page: request.page + 1)))
        }
        pagingLinks.append(link("Last", request.path(page: pagesCount)))
        let paging = ResourceNode(
            "PagingInfo",
            attributes: [
                ResourceAttribute("PageNum", .int(request.page)), ResourceAttribute("PageSize", .int(request.pageSize)),
                ResourceAttribute("PagesCount", .int(pagesCount)),
            ],
            children: [links(pagingLinks)],
            jsonKeyOrder: ["Links", "PageNum", "PageSize", "PagesCount"])
        return ResourceNode(
            "QueryResult",
            children: [
                request.entities ? .leaf("Refs", .null) : content,
                request.entities ? content : .leaf("Entities", .null),
                .leaf("Resources", .null), .leaf("Links", .null), paging,
            ],
            jsonKeyOrder: ["Refs", "Entities", "Resources", "Links", "PagingInfo"])
    }
}
