import Foundation

extension EnterpriseManagerResponder {
    /// Handles a request for a matched route and allowed method.
    func perform(
        _ route: Route,
        facts: RequestFacts,
        faults: [FaultKind],
        factory: ResourceFactory
    ) async throws(APIError) -> Reply {
        switch route {
        case .entryPoint:
            return Reply(status: 200, body: factory.enterpriseManager())
        case .logon:
            return try await logOn(facts, factory: factory)
        case .resource(let resource):
            if faults.contains(.expireSession) {
                await state.expire(token: facts.token)
            }
            let session = try await state.authenticate(token: facts.token)
            return try await serve(resource, session: session, facts: facts, faults: faults, factory: factory)
        }
    }

    /// Handles a request that carries a live session.
    private func serve(
        _ resource: Route.Resource,
        session: LogonSessionRecord,
        facts: RequestFacts,
        faults: [FaultKind],
        factory: ResourceFactory
    ) async throws(APIError) -> Reply {
        switch resource {
        case .logonSessions:
            return Reply(status: 200, body: factory.logonSessions(await state.sessions(of: session.userName)))
        case .logonSession(let id):
            if facts.method == "DELETE" {
                guard await state.logOff(id: id, of: session.userName) else {
                    throw APIError.notFound("Logon session was not found.")
                }
                return Reply(status: 204)
            }
            // The reference reports that a real server answers 500, not 404, for an unknown id.
            guard let found = await state.session(id: id, of: session.userName) else {
                throw APIError.internalError("Logon session was not found.")
            }
            return Reply(status: 200, body: factory.logonSession(found))
        case .jobs(let kind):
            let entity = try wantsEntity(facts)
            guard session.role.mayReadJobs else { throw APIError.accessDenied }
            let jobs = await state.jobs(kind)
            if entity {
                return Reply(status: 200, body: factory.jobEntities(kind, jobs))
            }
            return Reply(status: 200, body: factory.jobReferences(kind, jobs))
        case .job(let kind, let id):
            if facts.method == "POST" {
                return try await runAction(on: kind, id: id, facts: facts, session: session, faults: faults, factory: factory)
            }
            let entity = try wantsEntity(facts)
            guard session.role.mayReadJobs else { throw APIError.accessDenied }
            guard let job = await state.job(kind, id: id) else {
                throw Self.jobNotFound(kind, id)
            }
            return Reply(status: 200, body: entity ? factory.jobEntity(kind, job) : factory.jobReference(kind, job, element: "EntityRef"))
        case .jobSessions(let kind, let id):
            guard session.role.mayReadJobs else { throw APIError.accessDenied }
            guard let job = await state.job(kind, id: id) else {
                throw Self.jobNotFound(kind, id)
            }
            if job.jobType == "Replica" {
                return Reply(status: 200, body: try wantsEntity(facts) ? ResourceFactory.entityList("ReplicaJobSessions", []) : ResourceFactory.referenceList([]))
            }
            return try await jobSessionList(facts, kind: kind, jobID: job.id, factory: factory)
        case .catalog(let route):
            return try await serveCatalog(route, session: session, facts: facts, factory: factory)
        case .tasks:
            return Reply(status: 200, body: factory.tasks(await state.tasks(of: session)))
        case .task(let id):
            if facts.method == "DELETE" {
                guard await state.deleteTask(id: id, of: session) else {
                    throw Self.taskNotFound(id)
                }
                return Reply(status: 204)
            }
            guard let task = await state.task(id: id, of: session) else {
                throw Self.taskNotFound(id)
            }
            return Reply(status: 200, body: factory.task(task))
        }
    }

    /// `POST /api/sessionMngr/?v=…`: Basic credentials in, 201 with the token out.
    private func logOn(_ facts: RequestFacts, factory: ResourceFactory) async throws(APIError) -> Reply {
        var version = "latest"
        if let requested = facts.parameters["v"], !requested.isEmpty {
            let known = ["latest"] + configuration.release.restVersions
            guard known.contains(requested.lowercased()) else {
                throw APIError.badRequest(
                    "Unsupported API version '\(requested)'. Supported: \(known.joined(separator: ", ")).")
            }
            version = requested.lowercased()
        }
        guard let credentials = Self.basicCredentials(facts.authorization) else {
            throw APIError.logonFailed("Authorization header with Basic credentials expected but not found.")
        }
        guard let session = await state.logOn(user: credentials.user, password: credentials.password, version: version)
        else {
            throw APIError.logonFailed("The user name or password is incorrect.")
        }
        return Reply(
            status: 201,
            headers: [
                (name: RequestFacts.tokenName, value: session.token),
                (name: "Set-Cookie", value: "\(RequestFacts.tokenName)=\(session.token); Path=/api;"),
                (name: "Location", value: factory.url("/logonSessions/\(session.id)")),
            ],
            body: factory.logonSession(session))
    }

    /// `POST …/{id}?action=…`: 202 and a Task.
    private func runAction(
        on kind: JobKind,
        id: String,
        facts: RequestFacts,
        session: LogonSessionRecord,
        faults: [FaultKind],
        factory: ResourceFactory
    ) async throws(APIError) -> Reply {
        let known = JobAction.allCases.filter { kind.operation(for: $0) != nil }.map(\.rawValue)
        guard let text = facts.parameters["action"], !text.isEmpty else {
            throw APIError.badRequest("The 'action' query parameter is required (one of: \(known.joined(separator: ", "))).")
        }
        guard let action = JobAction(query: text), kind.operation(for: action) != nil else {
            throw APIError.badRequest("Unknown action '\(text)' (known: \(known.joined(separator: ", "))).")
        }
        guard session.role.mayRunJobActions else {
            throw APIError.accessDenied
        }
        var taskFault: FaultKind?
        for fault in faults {
            switch fault {
            case .taskNeverFinishes: taskFault = fault
            case .taskFails where taskFault == nil: taskFault = fault
            default: break
            }
        }
        let task = try await state.run(action, on: kind, jobID: id, session: session, taskFault: taskFault)
        return Reply(status: 202, body: factory.task(task))
    }

    /// `?format=Entity` selects the entity form; nothing (or `Ref`) the reference form.
    func wantsEntity(_ facts: RequestFacts) throws(APIError) -> Bool {
        guard let format = facts.parameters["format"], !format.isEmpty else { return false }
        switch format.lowercased() {
        case "entity": return true
        case "ref", "reference": return false
        default: throw APIError.badRequest("Unknown format '\(format)'; use format=Entity or leave it out.")
        }
    }

    /// User and password from `Authorization: Basic …`; nil when absent or malformed.
    static func basicCredentials(_ header: String?) -> (user: String, password: String)? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic",
            let data = Data(base64Encoded: String(parts[1]).trimmingCharacters(in: .whitespaces)),
            let text = String(data: data, encoding: .utf8),
            let colon = text.firstIndex(of: ":")
        else { return nil }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }

    private static func jobNotFound(_ kind: JobKind, _ id: String) -> APIError {
        APIError.notFound("\(kind.entityType) with id [\(id)] was not found.")
    }

    private static func taskNotFound(_ id: String) -> APIError {
        APIError.notFound("Task with id [\(id)] was not found.")
    }
}
