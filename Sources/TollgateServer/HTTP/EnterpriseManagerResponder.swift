import Foundation
import Hummingbird
import Logging

/// Answers every request of the built-in Enterprise Manager: picks the faults that apply,
/// routes, renders the resource as XML or JSON, applies the output faults and logs one line.
struct EnterpriseManagerResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let configuration: ServerConfiguration
    let state: EnterpriseManagerState
    /// `http` or `https`.
    let scheme: String
    /// `host:port` for `Href`s when a request carries no usable `Host` header; set once bound.
    let fallbackAuthority: LockedValue<String>
    /// Requests received so far.
    let requestCount: LockedValue<Int>
    let logger: Logger

    /// The 500 message when `error500` gives none: the real server's message in the reference's capture.
    static let defaultError500Message = "Object reference not set to an instance of an object."

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        let started = ContinuousClock.now
        requestCount.withLock { $0 += 1 }
        let facts = RequestFacts(request)
        var faults: [FaultKind] = []
        let reply: Reply
        do {
            faults = try activeFaults(for: facts)
            for case .delay(let duration) in faults {
                try? await Task.sleep(for: duration)
            }
            reply = await handle(facts, faults: faults)
        } catch {
            reply = Reply(error: .badRequest("Invalid X-Tollgate-Fault header: \(error)"))
        }
        let response = render(reply, for: facts, faults: faults)
        let elapsed = started.duration(to: .now)
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        var line = "\(facts.method) \(RequestLog.target(path: facts.path, query: facts.query)) \(reply.status)"
        line += " " + String(format: "%.1fms", milliseconds)
        if !faults.isEmpty {
            line += " faults: " + faults.map(\.description).joined(separator: ", ")
        }
        logger.log(level: configuration.requestLogLevel, "\(line)")
        return response
    }

    /// The faults for this request: the configured rules whose route matches, then the
    /// `X-Tollgate-Fault` header ones when enabled.
    private func activeFaults(for facts: RequestFacts) throws -> [FaultKind] {
        var rules = configuration.faults
        if configuration.faultHeaderEnabled, let header = facts.faultHeader {
            rules += try FaultRule.parseList(header)
        }
        return rules.filter { $0.applies(method: facts.method, path: facts.path, query: facts.query) }.map(\.kind)
    }

    /// Routes the request; every failure becomes an Error reply.
    private func handle(_ facts: RequestFacts, faults: [FaultKind]) async -> Reply {
        for case .error500(let message) in faults {
            return Reply(error: .internalError(message ?? Self.defaultError500Message))
        }
        guard let route = Route(path: facts.path) else {
            return Reply(error: .notFound("The resource at \(facts.path) was not found."))
        }
        guard route.allowedMethods.contains(facts.method) else {
            return Reply(error: .methodNotAllowed(facts.method, allowed: route.allowedMethods))
        }
        let factory = ResourceFactory(
            origin: "\(scheme)://\(facts.authority ?? fallbackAuthority.current)",
            backupServer: configuration.inventory.backupServer,
            inventory: configuration.inventory,
            release: configuration.release)
        do {
            return try await perform(route, facts: facts, faults: faults, factory: factory)
        } catch {
            return Reply(error: error)
        }
    }

    /// Renders the reply in the representation the client asked for, then applies output faults.
    private func render(_ reply: Reply, for facts: RequestFacts, faults: [FaultKind]) -> Response {
        var headers = HTTPFields()
        for header in reply.headers {
            if let name = HTTPFields.Element.Name(header.name) {
                headers.append(HTTPFields.Element(name: name, value: header.value))
            }
        }
        let status = HTTPResponse.Status(code: reply.status)
        guard let body = reply.body else {
            var response = Response(status: status, headers: headers)
            if reply.status == 204 {
                response.headers[.contentLength] = nil
            }
            return response
        }
        let release = configuration.release
        let camelCase = release.jsonKeyCase == .camelCase || faults.contains(.camelCaseJSON)
        let text =
            facts.wantsJSON
            ? body.jsonDocument(camelCase: camelCase, writesNulls: release.jsonNulls == .written) : body.xmlDocument()
        var bytes = Array(text.utf8)
        var contentType = facts.wantsJSON ? "application/json" : "application/xml"
        for fault in faults {
            switch fault {
            case .malformedXML: bytes = Self.malformed(bytes)
            case .emptyBody: bytes = []
            case .wrongContentType(let type): contentType = type
            default: break
            }
        }
        headers[.contentType] = contentType
        if faults.contains(.closeMidBody), bytes.count > 0 {
            let part = ByteBuffer(bytes: bytes.prefix(max(1, bytes.count / 2)))
            return Response(
                status: status, headers: headers,
                body: ResponseBody(contentLength: bytes.count) { writer in
                    try await writer.write(part)
                    throw ConnectionClosedByFault()
                })
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// Drops the document's final `>` (XML) or closing bracket (JSON) and what follows, so the
    /// body is no longer well-formed.
    static func malformed(_ bytes: [UInt8]) -> [UInt8] {
        let closers: Set<UInt8> = [UInt8(ascii: ">"), UInt8(ascii: "}"), UInt8(ascii: "]")]
        guard let last = bytes.lastIndex(where: { closers.contains($0) }) else { return bytes }
        return Array(bytes[..<last])
    }
}

/// Thrown by the `close-mid-body` fault to make Hummingbird close the connection mid-body.
struct ConnectionClosedByFault: Error {}
