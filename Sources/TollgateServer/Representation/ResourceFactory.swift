/// Builds the resource trees of the Enterprise Manager, with `Href`s on the scheme, host and
/// port the client used. Attribute orders copy real server output (reference §1.1):
/// `Href Name Type Rel` on links, `UID Name Href Type` on references, `Href Type Name UID`
/// on entity roots.
struct ResourceFactory: Sendable {
    /// `scheme://host:port`, no trailing slash.
    var origin: String
    var backupServer: BackupServer
    /// What the catalog resources (repositories, backups, reports, …) are built from.
    var inventory: Inventory

    /// The emulated release: the API versions `GET /api/` lists and the backup server's `Version`.
    var release: ServerRelease

    func url(_ path: String) -> String {
        origin + "/api" + path
    }

    func link(_ rel: String, _ path: String, type: String? = nil, name: String? = nil) -> ResourceNode {
        ResourceNode(
            "Link",
            attributes: [
                ResourceAttribute("Href", .string(url(path))),
                ResourceAttribute("Name", .optional(name)),
                ResourceAttribute("Type", .optional(type)),
                ResourceAttribute("Rel", .string(rel)),
            ],
            jsonKeyOrder: ["Rel", "Href", "Name", "Type"])
    }

    func links(_ items: [ResourceNode]) -> ResourceNode {
        ResourceNode("Links", children: items, jsonShape: .list)
    }

    // MARK: Entry point and sessions

    /// `GET /api/`: no `Href` on the root (JSON `"Href": null`), as real servers answer.
    func enterpriseManager() -> ResourceNode {
        let versions = release.restVersions.map { version in
            ResourceNode(
                "SupportedVersion",
                attributes: [ResourceAttribute("Name", .string(version))],
                children: [links([link("Create", "/sessionMngr/?v=\(version)", type: "LogonSession")])],
                jsonKeyOrder: ["Links", "Name"])
        }
        return ResourceNode(
            "EnterpriseManager",
            attributes: [ResourceAttribute("Href", .null), ResourceAttribute("Type", .null)],
            children: [
                links([
                    link("Down", "/logonSessions", type: "LogonSessionList"),
                    link("Create", "/sessionMngr/?v=latest", type: "LogonSession"),
                ]),
                ResourceNode("SupportedVersions", children: versions, jsonShape: .wrappedList("SupportedVersions")),
            ])
    }

    func logonSession(_ session: LogonSessionRecord) -> ResourceNode {
        let path = "/logonSessions/\(session.id)"
        return ResourceNode(
            "LogonSession",
            attributes: [ResourceAttribute("Href", .string(url(path))), ResourceAttribute("Type", .string("LogonSession"))],
            children: [
                links(logonSessionLinks(role: session.role) + [link("Delete", path)]),
                .leaf("UserName", .string(session.userName)),
                .leaf("SessionId", .string(session.id)),
            ])
    }

    /// The `Down` links of a logon session: what this server serves and the role may read, in
    /// the doc example's order (reference lists, the task list, the report, then the entity lists).
    private func logonSessionLinks(role: UserRole) -> [ResourceNode] {
        var items = [link("Up", "/", type: "EnterpriseManager")]
        let monitoring = role.mayRead(.monitoring)
        let restore = role.mayRead(.restore)
        if monitoring {
            items.append(link("Down", "/backupServers", type: "BackupServerReferenceList"))
        }
        if role.mayReadJobs {
            items.append(link("Down", "/jobs", type: "JobReferenceList"))
        }
        if monitoring {
            items += [
                link("Down", "/hierarchyRoots", type: "HierarchyRootReferenceList"),
                link("Down", "/repositories", type: "RepositoryReferenceList"),
            ]
        }
        if restore {
            items += [
                link("Down", "/backups", type: "BackupReferenceList"),
                link("Down", "/restorePoints", type: "RestorePointReferenceList"),
                link("Down", "/vmRestorePoints", type: "VmRestorePointReferenceList"),
            ]
        }
        if monitoring {
            items += [
                link("Down", "/backupSessions", type: "BackupJobSessionReferenceList"),
                link("Down", "/backupTaskSessions", type: "BackupTaskSessionReferenceList"),
                link("Down", "/agents/discoveredComputers", type: "DiscoveredComputerReferenceList"),
            ]
        }
        if role.mayRead(.security) {
            items += [
                link("Down", "/security/roles", type: "EnterpriseRoleReferenceList"),
                link("Down", "/security/accounts", type: "EnterpriseAccountReferenceList"),
            ]
        }
        items.append(link("Down", "/tasks", type: "TaskList"))
        if monitoring {
            items += [
                link("Down", "/reports/summary", type: "Report", name: "Summary"),
                link("Down", "/backupServers?format=Entity", type: "BackupServerList"),
            ]
        }
        if role.mayReadJobs {
            items.append(link("Down", "/jobs?format=Entity", type: "JobList"))
        }
        if monitoring {
            items += [
                link("Down", "/hierarchyRoots?format=Entity", type: "HierarchyRootList"),
                link("Down", "/repositories?format=Entity", type: "RepositoryList"),
            ]
        }
        if restore {
            items.append(link("Down", "/backups?format=Entity", type: "BackupList"))
        }
        if monitoring {
            items += [
                link("Down", "/backupSessions?format=Entity", type: "BackupJobSessionList"),
                link("Down", "/backupTaskSessions?format=Entity", type: "BackupTaskSessionList"),
                link("Down", "/agents/discoveredComputers?format=Entity", type: "DiscoveredComputerList"),
            ]
        }
        return items
    }

    func logonSessions(_ sessions: [LogonSessionRecord]) -> ResourceNode {
        ResourceNode("LogonSessions", children: sessions.map(logonSession), jsonShape: .wrappedList("LogonSessions"))
    }

    // MARK: Jobs

    private func jobPath(_ kind: JobKind, _ job: InventoryJob) -> String {
        "\(kind.collectionPath)/\(job.id)"
    }

    private func uid(_ kind: JobKind, _ job: InventoryJob) -> String {
        "urn:veeam:\(kind.uidKind):\(job.id)"
    }

    var upLink: ResourceNode {
        link("Up", "/backupServers/\(backupServer.id)", type: "BackupServerReference", name: backupServer.name)
    }

    private func sessionsLink(_ kind: JobKind, _ job: InventoryJob) -> ResourceNode {
        if job.jobType == "Replica" {
            return link("Down", jobPath(kind, job) + "/replicaSessions", type: "ReplicaJobSessionReferenceList")
        }
        return link("Down", jobPath(kind, job) + "/backupSessions", type: "BackupJobSessionReferenceList")
    }

    /// A reference: `<Ref>` inside a list, `<EntityRef>` as a root.
    func jobReference(_ kind: JobKind, _ job: InventoryJob, element: String) -> ResourceNode {
        let path = jobPath(kind, job)
        return ResourceNode(
            element,
            attributes: [
                ResourceAttribute("UID", .string(uid(kind, job))),
                ResourceAttribute("Name", .string(job.name)),
                ResourceAttribute("Href", .string(url(path))),
                ResourceAttribute("Type", .string(kind.referenceType)),
            ],
            children: [
                links([
                    upLink,
                    link("Alternate", path + "?format=Entity", type: kind.entityType, name: job.name),
                    sessionsLink(kind, job),
                ])
            ],
            jsonKeyOrder: ["Links", "UID", "Name", "Href", "Type"])
    }

    func jobReferences(_ kind: JobKind, _ jobs: [InventoryJob]) -> ResourceNode {
        ResourceNode(
            "EntityReferences", children: jobs.map { jobReference(kind, $0, element: "Ref") },
            jsonShape: .wrappedList("Refs"))
    }

    /// The entity (`?format=Entity`) with the links of reference §5.3 / §6.2.
    func jobEntity(_ kind: JobKind, _ job: InventoryJob) -> ResourceNode {
        let path = jobPath(kind, job)
        var items = [upLink]
        switch kind {
        case .job:
            items += [
                link("Alternate", path, type: "JobReference", name: job.name),
                link("Edit", path, type: "JobReference", name: job.name),
                link("Clone", path + "?action=clone"),
                link("ToggleScheduleEnabled", path + "?action=toggleScheduleEnabled"),
                link("Down", path + "/includes", type: "ObjectInJobList"),
                sessionsLink(kind, job),
                link("Create", path + "/includes", type: "ObjectInJob"),
            ]
            if job.jobType == "BackupCopy" {
                items.append(link("Sync", path + "?action=sync"))
            } else {
                items += [
                    link("Start", path + "?action=start"),
                    link("Stop", path + "?action=stop"),
                    link("Retry", path + "?action=retry"),
                ]
            }
        case .agentJob:
            // The vendor documents the agent entity's Alternate link with Type="JobReference".
            items += [
                link("Alternate", path, type: "JobReference", name: job.name),
                link("Down", path + "/includes", type: "ObjectInJobList"),
                link("ToggleScheduleEnabled", path + "?action=toggleScheduleEnabled"),
                sessionsLink(kind, job),
                link("Start", path + "?action=start"),
                link("Stop", path + "?action=stop"),
                link("Retry", path + "?action=retry"),
            ]
        }
        return ResourceNode(
            kind.entityType,
            attributes: [
                ResourceAttribute("Href", .string(url(path + "?format=Entity"))),
                ResourceAttribute("Type", .string(kind.entityType)),
                ResourceAttribute("Name", .string(job.name)),
                ResourceAttribute("UID", .string(uid(kind, job))),
            ],
            children: [
                links(items),
                .leaf("JobType", .string(job.jobType)),
                .leaf("Platform", .string(job.platform)),
                .leaf("Description", .string(job.description)),
                .leaf("ScheduleConfigured", .bool(job.scheduleConfigured)),
                .leaf("ScheduleEnabled", .bool(job.scheduleEnabled)),
                .leaf("NextRun", .optional(job.nextRun)),
            ])
    }

    func jobEntities(_ kind: JobKind, _ jobs: [InventoryJob]) -> ResourceNode {
        ResourceNode(
            kind.entityListRoot, children: jobs.map { jobEntity(kind, $0) },
            jsonShape: .wrappedList(kind.entityListRoot))
    }

    // MARK: Tasks

    /// A task; its `Delete` link carries `Type="Task"` as in the vendor's toggle example.
    func task(_ task: TaskSnapshot) -> ResourceNode {
        let path = "/tasks/\(task.id)"
        var children = [
            links([link("Delete", path, type: "Task")]),
            .leaf("TaskId", .string(task.id)),
            .leaf("State", .string(task.state)),
            .leaf("Operation", .string(task.operation)),
        ]
        if let result = task.result {
            children.append(
                ResourceNode(
                    "Result",
                    attributes: [ResourceAttribute("Success", .bool(result.success))],
                    children: [.leaf("Message", .string(result.message))]))
        }
        return ResourceNode(
            "Task",
            attributes: [ResourceAttribute("Href", .string(url(path))), ResourceAttribute("Type", .string("Task"))],
            children: children)
    }

    func tasks(_ tasks: [TaskSnapshot]) -> ResourceNode {
        ResourceNode("Tasks", children: tasks.map(task), jsonShape: .wrappedList("Tasks"))
    }

    // MARK: Errors

    /// `<Error Message StatusCode>`; `FirstChanceExceptionMessage` repeats the message on 500s as in
    /// the real capture; absent values are `null` in JSON, whose keys are alphabetical.
    static func error(_ error: APIError) -> ResourceNode {
        var node = ResourceNode(
            "Error",
            attributes: [
                ResourceAttribute("Message", .string(error.message)),
                ResourceAttribute("StatusCode", .int(error.status)),
                ResourceAttribute("Status", .null),
            ],
            children: [
                .leaf("FirstChanceExceptionMessage", error.status >= 500 ? .string(error.message) : .null),
                .leaf("StackTrace", .null),
            ],
            jsonKeyOrder: ["FirstChanceExceptionMessage", "Message", "StackTrace", "Status", "StatusCode"])
        node.keepsJSONNulls = true
        return node
    }
}
