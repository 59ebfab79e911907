import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// A small HTTP/1.1 server on 127.0.0.1 (port 0) for runner tests. It parses requests itself and writes
/// raw bytes, so a route can misbehave in any way a real server might: hang, trickle, reset mid-body,
/// send garbage, stream a huge body, redirect.
final class FaultServer: Sendable {
    /// One request as the server received it.
    struct Request: Sendable {
        var method: String
        var target: String
        var headers: [(name: String, value: String)]
        var body: [UInt8]

        /// The first value of a header (case-insensitive).
        func header(_ name: String) -> String? {
            headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }

        /// The target without its query.
        var path: String { String(target.split(separator: "?", maxSplits: 1).first ?? "") }
        /// The body as text.
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// What the server does with a request.
    enum Action: Sendable {
        /// A normal response with `Content-Length`.
        case respond(status: Int, headers: [(String, String)], body: [UInt8])
        /// Never answer (the connection stays open until the server stops).
        case hang
        /// Send the head with `Content-Length: total`, then one byte every `interval`.
        case trickle(total: Int, interval: Duration)
        /// Send the head with `Content-Length: declared`, `sent` bytes of body, then reset the connection (RST).
        case resetMidBody(declared: Int, sent: Int)
        /// Send these bytes instead of an HTTP response, then close.
        case garbage([UInt8])
        /// Stream a chunked body of `total` bytes (no `Content-Length`), 64 KiB at a time.
        case hugeChunked(total: Int)
        /// Answer with `Content-Length: declared` and only then start sending.
        case hugeDeclared(declared: Int)
    }

    typealias Handler = @Sendable (Request) async -> Action

    /// The port the server listens on.
    let port: Int
    private let serverChannel: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>
    private let serving: Task<Void, Never>
    private let log = RequestLog()

    /// `http://127.0.0.1:PORT`.
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Every request received so far, in arrival order.
    var requests: [Request] { log.entries.withLock { $0 } }

    /// Starts a server that answers each request with `handler`.
    static func start(_ handler: @escaping Handler) async throws -> FaultServer {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { child in
                child.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: child)
                }
            }
        return FaultServer(channel: channel, handler: handler)
    }

    private init(channel: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>, handler: @escaping Handler) {
        serverChannel = channel
        port = channel.channel.localAddress?.port ?? 0
        let log = self.log
        serving = Task {
            await withDiscardingTaskGroup { group in
                do {
                    try await channel.executeThenClose { inbound in
                        for try await connection in inbound {
                            group.addTask {
                                await Self.serve(connection, handler: handler, log: log)
                            }
                        }
                    }
                } catch {
                    // The server was stopped.
                }
                group.cancelAll()
            }
        }
    }

    /// Stops listening and drops every connection.
    func stop() async {
        serving.cancel()
        try? await serverChannel.channel.close()
        await serving.value
    }

    private static func serve(
        _ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>, handler: Handler, log: RequestLog
    ) async {
        try? await connection.executeThenClose { inbound, outbound in
            var pending = ByteBuffer()
            for try await chunk in inbound {
                pending.writeImmutableBuffer(chunk)
                while let request = parse(&pending) {
                    log.entries.withLock { $0.append(request) }
                    let keepOpen = try await perform(await handler(request), connection: connection, outbound: outbound)
                    if !keepOpen { return }
                }
            }
        }
    }

    /// Does what the action says; returns whether the connection can serve another request.
    private static func perform(
        _ action: Action, connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>,
        outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    ) async throws -> Bool {
        switch action {
        case .respond(let status, let headers, let body):
            var head = "HTTP/1.1 \(status) \(reason(status))\r\n"
            for (name, value) in headers { head += "\(name): \(value)\r\n" }
            head += "Content-Length: \(body.count)\r\n\r\n"
            try await outbound.write(ByteBuffer(bytes: Array(head.utf8) + body))
            return true
        case .hang:
            try await Task.sleep(for: .seconds(3_600))
            return false
        case .trickle(let total, let interval):
            try await outbound.write(ByteBuffer(string: "HTTP/1.1 200 OK\r\nContent-Length: \(total)\r\n\r\n"))
            for _ in 0..<total {
                try await Task.sleep(for: interval)
                try await outbound.write(ByteBuffer(string: "x"))
            }
            return true
        case .resetMidBody(let declared, let sent):
            try await outbound.write(
                ByteBuffer(
                    bytes: Array("HTTP/1.1 200 OK\r\nContent-Length: \(declared)\r\n\r\n".utf8)
                        + Array(repeating: UInt8(ascii: "<"), count: sent)))
            try await Task.sleep(for: .milliseconds(50))
            // SO_LINGER 0 makes the close a reset (RST) instead of an orderly shutdown.
            try await (connection.channel as? SocketOptionProvider)?.setSoLinger(linger(l_onoff: 1, l_linger: 0)).get()
            return false
        case .garbage(let bytes):
            try await outbound.write(ByteBuffer(bytes: bytes))
            try await Task.sleep(for: .milliseconds(50))
            return false
        case .hugeChunked(let total):
            try await outbound.write(ByteBuffer(string: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"))
            let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 64 * 1024)
            var sent = 0
            while sent < total {
                let size = min(chunk.count, total - sent)
                try await outbound.write(
                    ByteBuffer(
                        bytes: Array("\(String(size, radix: 16))\r\n".utf8) + chunk.prefix(size) + Array("\r\n".utf8)))
                sent += size
            }
            try await outbound.write(ByteBuffer(string: "0\r\n\r\n"))
            return true
        case .hugeDeclared(let declared):
            try await outbound.write(ByteBuffer(string: "HTTP/1.1 200 OK\r\nContent-Length: \(declared)\r\n\r\n"))
            let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 64 * 1024)
            var sent = 0
            while sent < declared {
                try await outbound.write(ByteBuffer(bytes: chunk.prefix(min(chunk.count, declared - sent))))
                sent += chunk.count
            }
            return true
        }
    }

    /// Takes one complete request off the front of `buffer`, if there is one.
    private static func parse(_ buffer: inout ByteBuffer) -> Request? {
        let bytes = Array(buffer.readableBytesView)
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let headEnd = bytes.indices.first(where: { bytes[$0...].starts(with: separator) }) else { return nil }
        let lines = String(decoding: bytes[..<headEnd], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = lines.first?.split(separator: " ").map(String.init) ?? []
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append(
                (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        let length = headers.first { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value) } ?? 0
        let bodyStart = headEnd + 4
        guard bytes.count >= bodyStart + length else { return nil }
        buffer.moveReaderIndex(forwardBy: bodyStart + length)
        return Request(
            method: requestLine.first ?? "", target: requestLine.count > 1 ? requestLine[1] : "",
            headers: headers, body: Array(bytes[bodyStart..<bodyStart + length]))
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 201: return "Created"
        case 202: return "Accepted"
        case 204: return "No Content"
        case 302: return "Found"
        case 400: return "BadRequest"
        case 401: return "Unauthorized"
        case 404: return "Not Found"
        case 500: return "Internal Server Error"
        default: return "Status"
        }
    }
}

/// The requests a server received (a class, so the serving tasks can share it).
final class RequestLog: Sendable {
    let entries = Mutex<[FaultServer.Request]>([])
}

extension FaultServer.Action {
    /// An XML response.
    static func xml(_ status: Int, _ body: String, headers: [(String, String)] = []) -> Self {
        .respond(status: status, headers: [("Content-Type", "application/xml")] + headers, body: Array(body.utf8))
    }

    /// A JSON response.
    static func json(_ status: Int, _ body: String, headers: [(String, String)] = []) -> Self {
        .respond(status: status, headers: [("Content-Type", "application/json")] + headers, body: Array(body.utf8))
    }

    /// A response without a body.
    static func empty(_ status: Int, headers: [(String, String)] = []) -> Self {
        .respond(status: status, headers: headers, body: [])
    }
}
