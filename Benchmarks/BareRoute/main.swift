// The yardstick for the built-in server (Benchmarks/run.sh, part server): a bare Hummingbird 2 router
// doing comparable work per request, with none of the built-in server's protocol logic.
//
//   BareRoute --port 0     prints "listening on http://127.0.0.1:PORT/" and serves until SIGTERM/SIGINT
//
// GET  /job                a session lookup under a lock, then an agent job entity rendered as XML
//                          (same elements and links as the built-in server's, escaped per request)
// POST /job?action=toggle  a session lookup, the job's flag flipped and a task recorded under a lock
//                          (the newest 10,000 kept), then the Task rendered as XML; 202
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Synchronization

/// The state the routes share: the session table, the job's flag and the tasks.
final class BareState: Sendable {
    struct Tasks {
        var scheduleEnabled = true
        var nextNumber = 1
        var created: [Int: Date] = [:]
    }
    let sessions = Mutex<Set<String>>([])
    let tasks = Mutex(Tasks())
}

/// XML text with the five predefined entities escaped.
func escaped(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text {
        switch character {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&apos;"
        default: out.append(character)
        }
    }
    return out
}

func xmlResponse(_ status: HTTPResponse.Status, _ body: String) -> Response {
    var buffer = ByteBuffer()
    buffer.writeString(body)
    return Response(
        status: status, headers: [.contentType: "application/xml; charset=utf-8"], body: .init(byteBuffer: buffer))
}

func jobEntity(base: String, enabled: Bool) -> String {
    let id = "6f2c1a3e-5b7d-4c9e-8f01-23456789abcd"
    let href = "\(base)/api/agents/jobs/\(id)"
    let links = [
        ("Alternate", "AgentBackupJobReference", href),
        ("Up", "EnterpriseManager", "\(base)/api/"),
        ("ToggleScheduleEnabled", "Task", "\(href)?action=toggleScheduleEnabled"),
        ("Start", "Task", "\(href)?action=start"),
        ("Stop", "Task", "\(href)?action=stop"),
    ].map { rel, type, link in
        #"<Link Href="\#(escaped(link))" Rel="\#(rel)" Type="\#(type)"/>"#
    }.joined()
    return """
        <?xml version="1.0" encoding="utf-8"?>
        <AgentBackupJob Href="\(escaped(href))" Type="AgentBackupJob" Name="\(escaped("Laptops & desktops"))" \
        UID="urn:veeam:AgentBackupJob:\(id)" xmlns="http://www.veeam.com/ent/v1.0" \
        xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
        <Links>\(links)</Links><Description>\(escaped("Agent backups of <managed> computers"))</Description>\
        <ScheduleEnabled>\(enabled)</ScheduleEnabled><Mode>ManagedByBackupServer</Mode></AgentBackupJob>
        """
}

func task(base: String, number: Int) -> String {
    let href = "\(base)/api/tasks/task-\(number)"
    return """
        <?xml version="1.0" encoding="utf-8"?>
        <Task Href="\(escaped(href))" Type="Task" xmlns="http://www.veeam.com/ent/v1.0" \
        xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
        <Links><Link Href="\(escaped(href))" Rel="Delete" Type="Task"/></Links><TaskId>task-\(number)</TaskId>\
        <State>Running</State><Operation>UpdateJob</Operation></Task>
        """
}

let arguments = CommandLine.arguments
let port = arguments.firstIndex(of: "--port").flatMap { Int(arguments[$0 + 1]) } ?? 0
let state = BareState()
let sessionHeader = HTTPField.Name("X-RestSvcSessionId")!
/// A session lookup under the lock, as the built-in server does; an unknown token is taken on first sight
/// (the bare route has no logon).
func known(_ request: Request) -> Bool {
    guard let session = request.headers[sessionHeader], !session.isEmpty else { return false }
    state.sessions.withLock { _ = $0.insert(session) }
    return true
}
let router = Router()
router.get("/job") { request, context -> Response in
    guard known(request) else { return xmlResponse(.unauthorized, "<Error/>") }
    let enabled = state.tasks.withLock { $0.scheduleEnabled }
    return xmlResponse(.ok, jobEntity(base: "http://\(request.head.authority ?? "127.0.0.1")", enabled: enabled))
}
router.post("/job") { request, context -> Response in
    guard known(request) else { return xmlResponse(.unauthorized, "<Error/>") }
    guard request.uri.queryParameters["action"] == "toggle" else { return xmlResponse(.badRequest, "<Error/>") }
    let number = state.tasks.withLock { tasks in
        tasks.scheduleEnabled.toggle()
        let number = tasks.nextNumber
        tasks.nextNumber += 1
        tasks.created[number] = Date()
        tasks.created[number - 10_000] = nil
        return number
    }
    return xmlResponse(.accepted, task(base: "http://\(request.head.authority ?? "127.0.0.1")", number: number))
}
var logger = Logger(label: "BareRoute")
logger.logLevel = .warning
let app = Application(
    router: router,
    configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "BareRoute"),
    onServerRunning: { channel in
        FileHandle.standardOutput.write(Data("listening on http://127.0.0.1:\(channel.localAddress?.port ?? 0)/\n".utf8))
    },
    logger: logger)
try await app.runService()
