/// What a fault does to a request. Written `KIND[=ARG]` (see ``FaultRule/init(parsing:)``).
public enum FaultKind: Sendable, Equatable {
    /// `delay=DURATION` (`250ms`, `2s`, `1.5s`, `1m`): wait before answering.
    case delay(Duration)
    /// `error500[=MESSAGE]`: answer 500 with an Error body instead of handling the request.
    case error500(message: String?)
    /// `task-fails[=MESSAGE]`: a task created by the request finishes with `Success="false"`.
    case taskFails(message: String?)
    /// `task-never-finishes`: a task created by the request stays Running forever.
    case taskNeverFinishes
    /// `malformed-xml`: the body loses its last closing tag (JSON: its last brace).
    case malformedXML
    /// `wrong-content-type[=TYPE]`: the `Content-Type` of a body becomes TYPE (default `text/html`).
    case wrongContentType(String)
    /// `close-mid-body`: headers with the full `Content-Length`, half the body, then the connection closes.
    case closeMidBody
    /// `expire-session`: the caller's logon session expires before the request is handled (401).
    case expireSession
    /// `camelcase-json`: JSON bodies use the v13 camelCase keys (`taskId`, `links`, `href`, …).
    case camelCaseJSON
    /// `empty-body`: status and headers as usual, but the body is empty (`Content-Length: 0`).
    case emptyBody

    /// The kind names accepted by the parser, for help and error texts.
    public static let names = [
        "delay=DURATION", "error500[=MESSAGE]", "task-fails[=MESSAGE]", "task-never-finishes", "malformed-xml",
        "wrong-content-type[=TYPE]", "close-mid-body", "expire-session", "camelcase-json", "empty-body",
    ]

    /// Parses `KIND[=ARG]`.
    init(name: String, argument: String?, text: String) throws {
        func noArgument(_ kind: FaultKind) throws -> FaultKind {
            guard argument == nil else {
                throw FaultRuleError(text: text, reason: "'\(name)' takes no '=' argument")
            }
            return kind
        }
        let argument = argument.flatMap { $0.isEmpty ? nil : $0 }
        switch name.lowercased() {
        case "delay":
            guard let argument else {
                throw FaultRuleError(text: text, reason: "'delay' needs a duration, e.g. delay=500ms or delay=2s")
            }
            guard let duration = DurationText.parse(argument) else {
                throw FaultRuleError(text: text, reason: "'\(argument)' is not a duration like 500ms, 2s, 1.5s or 1m")
            }
            self = .delay(duration)
        case "error500":
            self = .error500(message: argument)
        case "task-fails":
            self = .taskFails(message: argument)
        case "task-never-finishes":
            self = try noArgument(.taskNeverFinishes)
        case "malformed-xml":
            self = try noArgument(.malformedXML)
        case "wrong-content-type":
            self = .wrongContentType(argument ?? "text/html")
        case "close-mid-body":
            self = try noArgument(.closeMidBody)
        case "expire-session":
            self = try noArgument(.expireSession)
        case "camelcase-json":
            self = try noArgument(.camelCaseJSON)
        case "empty-body":
            self = try noArgument(.emptyBody)
        default:
            throw FaultRuleError(
                text: text, reason: "unknown fault '\(name)' (known: \(FaultKind.names.joined(separator: ", ")))")
        }
    }
}

extension FaultKind: CustomStringConvertible {
    /// The `KIND[=ARG]` text this kind parses from.
    public var description: String {
        switch self {
        case .delay(let duration): "delay=\(DurationText.format(duration))"
        case .error500(let message): message.map { "error500=\($0)" } ?? "error500"
        case .taskFails(let message): message.map { "task-fails=\($0)" } ?? "task-fails"
        case .taskNeverFinishes: "task-never-finishes"
        case .malformedXML: "malformed-xml"
        case .wrongContentType(let type): "wrong-content-type=\(type)"
        case .closeMidBody: "close-mid-body"
        case .expireSession: "expire-session"
        case .camelCaseJSON: "camelcase-json"
        case .emptyBody: "empty-body"
        }
    }
}
