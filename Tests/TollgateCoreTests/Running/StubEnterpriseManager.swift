import Foundation
import Synchronization

/// A tiny Enterprise Manager for runner tests: logon (Basic), token check, logoff, tasks that finish
/// after a few polls, and any extra routes a test adds. Secrets are fixed so tests can search for them.
final class StubEnterpriseManager: Sendable {
    static let user = "tester"
    static let password = "s3cret-Passw0rd"
    static let sessionID = "4f1c2d3e-aaaa-bbbb-cccc-0123456789ab"
    static var token: String { Data(sessionID.utf8).base64EncodedString() }

    /// What the logon answers.
    enum LogonMode: Sendable {
        case xml, json, unauthorized, noToken, noDeleteLink
    }

    let logonMode: LogonMode
    /// Whether the logon session links a `BackupServerList` (the fingerprint then asks it).
    let backupServerList: Bool
    /// Extra routes: (method, path) → action; checked before the built-in ones.
    let routes: @Sendable (FaultServer.Request) -> FaultServer.Action?
    private let state = Mutex<State>(State())

    struct State {
        var loggedOn = false
        var logons = 0
        var logoffs = 0
        var taskPolls: [String: Int] = [:]
        var nextTask = 1
    }

    init(
        logonMode: LogonMode = .xml,
        backupServerList: Bool = false,
        routes: @escaping @Sendable (FaultServer.Request) -> FaultServer.Action? = { _ in nil }
    ) {
        self.logonMode = logonMode
        self.backupServerList = backupServerList
        self.routes = routes
    }

    var logons: Int { state.withLock { $0.logons } }
    var logoffs: Int { state.withLock { $0.logoffs } }

    /// Starts a fault server answering like Enterprise Manager.
    func start() async throws -> FaultServer {
        try await FaultServer.start { [self] request in handle(request) }
    }

    func handle(_ request: FaultServer.Request) -> FaultServer.Action {
        let base = "http://\(request.header("Host") ?? "127.0.0.1")"
        if request.method == "POST", request.path == "/api/sessionMngr/" {
            return logon(request, base: base)
        }
        if let action = routes(request) { return action }
        if request.method == "DELETE", request.path == "/api/logonSessions/\(Self.sessionID)" {
            guard authorized(request) else { return unauthorized() }
            state.withLock {
                $0.loggedOn = false
                $0.logoffs += 1
            }
            return .empty(204)
        }
        guard request.path.hasPrefix("/api/") else { return .empty(404) }
        guard authorized(request) else { return unauthorized() }
        if request.method == "POST", request.path == "/api/jobs/job-1" {
            let id = state.withLock {
                let id = $0.nextTask
                $0.nextTask += 1
                return id
            }
            return .xml(202, task(id: "task-\(id)", state: "Running", base: base))
        }
        if request.method == "GET", request.path.hasPrefix("/api/tasks/") {
            let id = String(request.path.dropFirst("/api/tasks/".count))
            let polls = state.withLock {
                $0.taskPolls[id, default: 0] += 1
                return $0.taskPolls[id, default: 0]
            }
            if id.hasPrefix("fail-") {
                return .xml(200, task(id: id, state: polls >= 2 ? "Finished" : "Running", base: base, success: polls >= 2 ? false : nil))
            }
            if id.hasPrefix("never-") {
                return .xml(200, task(id: id, state: "Running", base: base))
            }
            return .xml(200, task(id: id, state: polls >= 3 ? "Finished" : "Running", base: base, success: polls >= 3 ? true : nil))
        }
        if request.method == "GET", request.path == "/api/jobs" {
            return .xml(
                200,
                """
                <?xml version="1.0" encoding="utf-8"?>
                <EntityReferences xmlns="http://www.veeam.com/ent/v1.0">
                  <Ref UID="urn:veeam:Job:1" Name="Backup 1" Href="\(base)/api/jobs/job-1" Type="JobReference"/>
                  <Ref UID="urn:veeam:Job:2" Name="Backup 2" Href="\(base)/api/jobs/job-2" Type="JobReference"/>
                </EntityReferences>
                """)
        }
        return .xml(404, #"<Error xmlns="http://www.veeam.com/ent/v1.0" Message="no such resource" StatusCode="404"/>"#)
    }

    private func authorized(_ request: FaultServer.Request) -> Bool {
        request.header("X-RestSvcSessionId") == Self.token && state.withLock { $0.loggedOn }
    }

    private func unauthorized() -> FaultServer.Action {
        .xml(
            401,
            #"<Error xmlns="http://www.veeam.com/ent/v1.0" Message="authorization header expected but not found (or found but is expired)" StatusCode="401"/>"#,
            headers: [("WWW-Authenticate", "Basic Realm=RestSvc")])
    }

    private func logon(_ request: FaultServer.Request, base: String) -> FaultServer.Action {
        let expected = "Basic " + Data("\(Self.user):\(Self.password)".utf8).base64EncodedString()
        guard request.header("Authorization") == expected, logonMode != .unauthorized else {
            return .xml(
                401, #"<Error xmlns="http://www.veeam.com/ent/v1.0" Message="Invalid credentials" StatusCode="401"/>"#,
                headers: [("WWW-Authenticate", "Basic Realm=RestSvc")])
        }
        state.withLock {
            $0.loggedOn = true
            $0.logons += 1
        }
        let tokenHeaders = [
            ("X-RestSvcSessionId", Self.token), ("Set-Cookie", "X-RestSvcSessionId=\(Self.token); Path=/api;"),
        ]
        let href = "\(base)/api/logonSessions/\(Self.sessionID)"
        switch logonMode {
        case .noToken:
            return .xml(201, "<LogonSession xmlns=\"http://www.veeam.com/ent/v1.0\"/>")
        case .json:
            return .json(
                201,
                #"{"UserName":"tester","SessionId":"\#(Self.sessionID)","Links":[{"Rel":"Up","Href":"\#(base)/api/"},{"Rel":"Delete","Href":"\#(href)"}],"Href":"\#(href)","Type":"LogonSession"}"#,
                headers: tokenHeaders)
        case .noDeleteLink:
            return .xml(
                201,
                """
                <LogonSession xmlns="http://www.veeam.com/ent/v1.0" Type="LogonSession" Href="\(href)">
                  <UserName>tester</UserName><SessionId>\(Self.sessionID)</SessionId>
                </LogonSession>
                """, headers: tokenHeaders)
        default:
            return .xml(
                201,
                """
                <?xml version="1.0" encoding="utf-8"?>
                <LogonSession xmlns="http://www.veeam.com/ent/v1.0" Type="LogonSession" Href="\(href)">
                  <Links>
                    <Link Rel="Up" Type="EnterpriseManager" Href="\(base)/api/"/>
                    \(backupServerList ? "<Link Rel=\"Down\" Type=\"BackupServerList\" Href=\"\(base)/api/backupServers?format=Entity\"/>" : "")
                    <Link Rel="Delete" Href="\(href)"/>
                  </Links>
                  <UserName>tester</UserName>
                  <SessionId>\(Self.sessionID)</SessionId>
                </LogonSession>
                """, headers: tokenHeaders)
        }
    }

    func task(id: String, state: String, base: String, success: Bool? = nil) -> String {
        let result = success.map { "<Result Success=\"\($0)\"><Message>\($0 ? "Ok" : "Job failed: disk full")</Message></Result>" } ?? ""
        return """
            <?xml version="1.0" encoding="utf-8"?>
            <Task xmlns="http://www.veeam.com/ent/v1.0" Href="\(base)/api/tasks/\(id)" Type="Task">
              <Links><Link Href="\(base)/api/tasks/\(id)" Rel="Delete"/></Links>
              <TaskId>\(id)</TaskId>
              <State>\(state)</State>
              <Operation>StartJob</Operation>
              \(result)
            </Task>
            """
    }
}
