/// The complete set of keys of each mapping of the scenario format (README.md, "Writing scenarios").
enum Keys {
    static let suite = ["name", "namespaces", "variables", "session", "scenarios"]
    static let scenario = ["name", "id", "tags", "session", "skip", "setup", "steps", "teardown"]
    static let step = ["name", "request", "poll", "expect", "capture"]
    static let request = ["method", "path", "url", "query", "headers", "body", "auth"]
    static let requestBody = ["file"]
    static let auth = ["user", "password"]
    static let poll = ["until", "fail-when", "body", "interval", "timeout"]
    static let expect = ["status", "headers", "xpath", "json", "body", "schema"]
    static let predicates = ["equals", "not-equals", "count", "exists", "matches", "contains", "lt", "le", "gt", "ge"]
    static let assertion = ["query"] + predicates
    static let captureSources = ["xpath", "json", "header", "regex"]
    static let capture = captureSources + ["group", "secret"]
    static let methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    /// Explanations for step keys written directly in a scenario.
    static let hintsInScenario: [String: String] = Dictionary(
        uniqueKeysWithValues: ["request", "poll", "expect", "capture"].map {
            ($0, "`\($0)` belongs to a step: put the step under `steps:`")
        })

    /// Explanations for scenario and step keys written at the top level.
    static let hintsAtTopLevel: [String: String] = Dictionary(
        uniqueKeysWithValues: ["steps", "setup", "teardown", "tags", "skip"].map {
            ($0, "`\($0)` belongs to a scenario: put the scenario under `scenarios:`")
        })

    /// Explanations for request and expect keys written directly in a step.
    static let hintsInStep: [String: String] = {
        var hints: [String: String] = [:]
        for key in ["method", "path", "url", "query", "auth"] {
            hints[key] = "`\(key)` belongs under `request:`"
        }
        for key in ["status", "xpath", "json", "schema"] {
            hints[key] = "`\(key)` belongs under `expect:`"
        }
        for key in ["headers", "body"] {
            hints[key] = "`\(key)` belongs under `request:` (to send) or `expect:` (to check)"
        }
        return hints
    }()
}
