import Foundation
import HTTPTypes
import Hummingbird
import Logging
import HummingbirdTesting
import NIOCore
import NIOHTTP1
import Testing

@testable import TollgateServer

/// How a test reaches the server: in-process through Hummingbird's router test client, or
/// over a real loopback socket with AsyncHTTPClient.
enum Mode: String, CaseIterable, Sendable, CustomStringConvertible {
    case router
    case live

    var description: String { rawValue }
}

/// Sends requests to the server under test, whatever the mode.
protocol Transport: Sendable {
    func send(
        _ method: HTTPMethod,
        _ target: String,
        token: String?,
        json: Bool,
        headers: [(String, String)]
    ) async throws -> LiveResponse
}

extension Transport {
    func get(_ target: String, token: String? = nil, json: Bool = false, headers: [(String, String)] = []) async throws
        -> LiveResponse
    {
        try await send(.GET, target, token: token, json: json, headers: headers)
    }

    func post(_ target: String, token: String? = nil, json: Bool = false, headers: [(String, String)] = []) async throws
        -> LiveResponse
    {
        try await send(.POST, target, token: token, json: json, headers: headers)
    }

    func delete(_ target: String, token: String? = nil, json: Bool = false) async throws -> LiveResponse {
        try await send(.DELETE, target, token: token, json: json, headers: [])
    }

    /// Logs on and returns the token.
    func logOn(_ user: String = "admin", _ password: String = "s3cret") async throws -> String {
        let authorization = "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
        let response = try await post("/api/sessionMngr/?v=latest", headers: [("Authorization", authorization)])
        try #require(response.status == 201, "logon failed: \(response.status) \(response.text)")
        return try #require(response.header("X-RestSvcSessionId"))
    }

    /// Polls a task until it is no longer Running (at most `attempts` × 50 ms).
    func waitForTask(_ target: String, token: String, attempts: Int = 100) async throws -> LiveResponse {
        for _ in 0..<attempts {
            let response = try await get(target, token: token)
            if try xpath("string(/em:Task/em:State)", response.body) != "Running" {
                return response
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("task \(target) still Running")
        return try await get(target, token: token)
    }
}

extension LiveClient: Transport {}

/// Hummingbird's in-process router client.
struct RouterTransport: Transport {
    let client: any TestClientProtocol

    func send(
        _ method: HTTPMethod, _ target: String, token: String?, json: Bool, headers: [(String, String)]
    ) async throws -> LiveResponse {
        var fields = HTTPFields()
        if let token, let name = HTTPField.Name("X-RestSvcSessionId") {
            fields.append(HTTPField(name: name, value: token))
        }
        if json {
            fields.append(HTTPField(name: .accept, value: "application/json"))
        }
        for (name, value) in headers {
            if let fieldName = HTTPField.Name(name) {
                fields.append(HTTPField(name: fieldName, value: value))
            }
        }
        var path = target
        if let range = target.range(of: "://") {
            let rest = target[range.upperBound...]
            path = rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? "/"
        }
        let response = try await client.execute(
            uri: path, method: HTTPRequest.Method(rawValue: method.rawValue) ?? .get, headers: fields)
        return LiveResponse(
            status: response.status.code,
            headers: response.headers.map { (name: $0.name.canonicalName, value: $0.value) },
            body: Array(buffer: response.body))
    }
}

/// Runs `body` against a fresh server reached the way `mode` says.
func withServer<T: Sendable>(
    _ mode: Mode,
    _ configuration: ServerConfiguration = testConfiguration(),
    logger: Logger = quietLogger,
    _ body: @escaping @Sendable (any Transport) async throws -> T
) async throws -> T {
    switch mode {
    case .live:
        return try await withLiveServer(configuration, logger: logger) { _, client in try await body(client) }
    case .router:
        let application = try EnterpriseManagerServer(configuration: configuration, logger: logger).makeApplication()
            .application
        return try await application.test(.router) { client in
            try await body(RouterTransport(client: client))
        }
    }
}
