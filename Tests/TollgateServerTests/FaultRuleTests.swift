import Testing

@testable import TollgateServer

@Suite("Fault rule parsing")
struct FaultRuleTests {
    @Test(
        "every kind parses and prints back",
        arguments: [
            ("delay=500ms", FaultKind.delay(.milliseconds(500))), ("delay=2s", .delay(.seconds(2))),
            ("delay=1.5s", .delay(.milliseconds(1500))), ("delay=1m", .delay(.seconds(60))),
            ("error500", .error500(message: nil)), ("error500=Disk full", .error500(message: "Disk full")),
            ("task-fails", .taskFails(message: nil)), ("task-fails=No space", .taskFails(message: "No space")),
            ("task-never-finishes", .taskNeverFinishes), ("malformed-xml", .malformedXML),
            ("wrong-content-type", .wrongContentType("text/html")),
            ("wrong-content-type=text/plain", .wrongContentType("text/plain")), ("close-mid-body", .closeMidBody),
            ("expire-session", .expireSession), ("camelcase-json", .camelCaseJSON), ("empty-body", .emptyBody),
        ])
    func kinds(text: String, kind: FaultKind) throws {
        let rule = try FaultRule(parsing: text)
        #expect(rule.kind == kind)
        #expect(rule.route == nil)
        #expect(try FaultRule(parsing: rule.description) == rule)
    }

    @Test("routes: method and glob, any method, path with query")
    func routes() throws {
        let post = try FaultRule(parsing: "task-fails@POST:/api/agents/jobs/*")
        #expect(post.route == FaultRoute(method: "POST", pattern: "/api/agents/jobs/*"))
        #expect(post.applies(method: "POST", path: "/api/agents/jobs/abc", query: "action=start"))
        #expect(!post.applies(method: "GET", path: "/api/agents/jobs/abc", query: nil))
        #expect(!post.applies(method: "POST", path: "/api/jobs/abc", query: nil))

        let any = try FaultRule(parsing: "delay=1s@/api/tasks*")
        #expect(any.route?.method == nil)
        #expect(any.applies(method: "DELETE", path: "/api/tasks/task-1", query: nil))
        #expect(any.applies(method: "GET", path: "/API/Tasks", query: nil))

        let star = try FaultRule(parsing: "error500@*:/api/")
        #expect(star.route?.method == nil)
        #expect(star.applies(method: "GET", path: "/api/", query: "v=latest"))
        #expect(!star.applies(method: "GET", path: "/api/jobs", query: nil))

        let query = try FaultRule(parsing: "task-fails@post:/api/*?action=toggle*")
        #expect(query.route?.method == "POST")
        #expect(query.applies(method: "POST", path: "/api/jobs/x", query: "action=toggleScheduleEnabled"))
        #expect(!query.applies(method: "POST", path: "/api/jobs/x", query: "action=start"))
        #expect(!query.applies(method: "POST", path: "/api/jobs/x", query: nil))
        #expect(try FaultRule(parsing: query.description) == query)
    }

    @Test(
        "bad texts are refused with a reason",
        arguments: [
            ("", "empty"), ("explode", "unknown fault 'explode'"), ("delay", "needs a duration"),
            ("delay=soon", "not a duration"), ("delay=-1s", "not a duration"), ("delay=5h", "not a duration"),
            ("malformed-xml=yes", "takes no '=' argument"), ("error500@GET/api", "must be METHOD:/path/glob"),
            ("error500@GET:api", "must start with '/'"), ("error500@G3T:/api", "not an HTTP method"),
        ])
    func invalid(text: String, reason: String) {
        #expect {
            try FaultRule(parsing: text)
        } throws: { error in
            guard let error = error as? FaultRuleError else { return false }
            return error.reason.contains(reason) && error.description.contains("KIND[=ARG][@METHOD:/path/glob*]")
        }
    }

    @Test("a comma-separated header list")
    func list() throws {
        let rules = try FaultRule.parseList("task-fails=Disk full, delay=10ms,camelcase-json")
        #expect(rules.map(\.kind) == [.taskFails(message: "Disk full"), .delay(.milliseconds(10)), .camelCaseJSON])
    }
}
