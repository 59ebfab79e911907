import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// A small token-based notes API that is not Enterprise Manager, for the `Examples/` suite: `POST /login`
/// with a JSON body answers `{"token": …}`; `/notes` needs `Authorization: Bearer <token>`; `POST /logout`
/// ends the session (204). Runs in the test process on 127.0.0.1, port 0.
final class NotesServer: Sendable {
    /// How the server (mis)behaves.
    enum Mode: Sendable {
        /// As the Examples suite expects.
        case correct
        /// Logs on, then refuses every token with 401.
        case rejectsTokens
        /// Stores titles but reads them back wrong.
        case wrongTitles
    }

    static let user = "demo"

    let password: String
    let mode: Mode
    private let state = Mutex(State())

    struct State {
        var tokens: Set<String> = []
        var issued: [String] = []
        var logoffs = 0
        var notes: [Int: String] = [1: "Welcome"]
        var nextID = 2
    }

    init(password: String, mode: Mode = .correct) {
        self.password = password
        self.mode = mode
    }

    /// Every token the server issued.
    var issuedTokens: [String] { state.withLock { $0.issued } }
    /// How many logoffs it answered with 204.
    var logoffs: Int { state.withLock { $0.logoffs } }

    /// Starts the server, runs `body` with its base URL, stops it whatever happens.
    func serve<T: Sendable>(_ body: (String) async throws -> T) async throws -> T {
        let router = Router()
        router.post("login") { request, _ in try await self.login(request) }
        router.post("logout") { request, _ in self.logout(request) }
        router.get("notes") { request, _ in self.list(request) }
        router.post("notes") { request, _ in try await self.create(request) }
        router.get("notes/:id") { request, context in self.read(request, id: context.parameters.get("id")) }
        router.delete("notes/:id") { request, context in self.delete(request, id: context.parameters.get("id")) }
        let port = Mutex<Int?>(nil)
        var logger = Logger(label: "tollgate.e2e.notes")
        logger.logLevel = .error
        let application = Application(
            router: router, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in port.withLock { $0 = channel.localAddress?.port } }, logger: logger)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(services: [application], gracefulShutdownSignals: [], logger: logger))
        let running = Task { try await group.run() }
        defer { running.cancel() }
        var bound: Int?
        for _ in 0..<500 where bound == nil {
            try await Task.sleep(for: .milliseconds(10))
            bound = port.withLock { $0 }
        }
        guard let bound else { throw CancellationError() }
        do {
            let result = try await body("http://127.0.0.1:\(bound)")
            await group.triggerGracefulShutdown()
            return result
        } catch {
            await group.triggerGracefulShutdown()
            throw error
        }
    }

    private func json(_ status: HTTPResponse.Status, _ object: Any) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    private func authorized(_ request: Request) -> Bool {
        guard mode != .rejectsTokens, let value = request.headers[.authorization], value.hasPrefix("Bearer ") else {
            return false
        }
        let token = String(value.dropFirst("Bearer ".count))
        return state.withLock { $0.tokens.contains(token) }
    }

    private func unauthorized() -> Response { json(.unauthorized, ["error": "missing or expired token"]) }

    private func bodyObject(_ request: Request) async throws -> [String: Any] {
        var request = request
        let buffer = try await request.collectBody(upTo: 1 << 16)
        let object = try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView))
        return object as? [String: Any] ?? [:]
    }

    private func login(_ request: Request) async throws -> Response {
        let body = try await bodyObject(request)
        guard body["user"] as? String == Self.user, body["password"] as? String == password else {
            return json(.unauthorized, ["error": "bad credentials"])
        }
        let token = UUID().uuidString + "-" + UUID().uuidString
        state.withLock {
            $0.tokens.insert(token)
            $0.issued.append(token)
        }
        return json(.ok, ["token": token, "expiresIn": 900])
    }

    private func logout(_ request: Request) -> Response {
        guard let value = request.headers[.authorization], value.hasPrefix("Bearer ") else { return unauthorized() }
        let token = String(value.dropFirst("Bearer ".count))
        let known = state.withLock { state -> Bool in
            guard state.tokens.remove(token) != nil else { return false }
            state.logoffs += 1
            return true
        }
        return known ? Response(status: .noContent) : unauthorized()
    }

    private func list(_ request: Request) -> Response {
        guard authorized(request) else { return unauthorized() }
        let notes = state.withLock { $0.notes.sorted { $0.key < $1.key }.map { ["id": $0.key, "title": $0.value] } }
        return json(.ok, ["notes": notes])
    }

    private func create(_ request: Request) async throws -> Response {
        guard authorized(request) else { return unauthorized() }
        let title = try await bodyObject(request)["title"] as? String ?? ""
        let id = state.withLock { state -> Int in
            let id = state.nextID
            state.nextID += 1
            state.notes[id] = title
            return id
        }
        return json(.created, ["id": id, "title": title])
    }

    private func read(_ request: Request, id: String?) -> Response {
        guard authorized(request) else { return unauthorized() }
        guard let id = id.flatMap(Int.init), let title = state.withLock({ $0.notes[id] }) else {
            return json(.notFound, ["error": "no such note"])
        }
        return json(.ok, ["id": id, "title": mode == .wrongTitles ? title.uppercased() : title])
    }

    private func delete(_ request: Request, id: String?) -> Response {
        guard authorized(request) else { return unauthorized() }
        guard let id = id.flatMap(Int.init), state.withLock({ $0.notes.removeValue(forKey: id) }) != nil else {
            return json(.notFound, ["error": "no such note"])
        }
        return Response(status: .noContent)
    }
}
