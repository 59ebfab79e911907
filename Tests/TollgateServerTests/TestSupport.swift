import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOSSL
import Testing
import TollgateXML

@testable import TollgateServer

/// The Enterprise Manager namespace, bound to `em` in every XPath of these tests.
let emNamespace = "http://www.veeam.com/ent/v1.0"
let agentJobID = "78c3919c-54d7-43fe-b047-485d3566f11f"
let jobID = "5658281f-625e-4627-89dd-d2a0c48be99e"
let copyJobID = "8acac50d-3711-4c99-bf7b-76fe9c7e39c3"
let replicaJobID = "b04c217b-0538-4650-bec4-19deff4ea1ac"

/// The repository root, found from this file.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The project's XSD, loaded once.
let enterpriseManagerSchema: Result<XMLSchema, XMLError> = Result {
    () throws(XMLError) -> XMLSchema in
    try XMLSchema(contentsOf: repositoryRoot.appendingPathComponent("Specs/schemas/enterprise-manager.xsd").path)
}

/// Expects `bytes` to validate against Specs/schemas/enterprise-manager.xsd.
func expectValidXML(_ bytes: [UInt8], _ what: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
    switch enterpriseManagerSchema {
    case .success(let schema):
        let violations = schema.validate(bytes)
        #expect(violations.isEmpty, "\(what) does not validate: \(violations) in \(String(decoding: bytes, as: UTF8.self))", sourceLocation: sourceLocation)
    case .failure(let error):
        Issue.record("the XSD does not load: \(error)", sourceLocation: sourceLocation)
    }
}

/// Evaluates an XPath (prefix `em`) on an XML body and returns its string value.
func xpath(_ expression: String, _ bytes: [UInt8]) throws -> String {
    let compiled = try XPathExpression(expression, namespaces: ["em": emNamespace])
    return try XMLDocument.evaluate(compiled, in: bytes).stringValue
}

/// A JSON body as a dictionary.
func jsonObject(_ bytes: [UInt8]) throws -> [String: Any] {
    let value = try JSONSerialization.jsonObject(with: Data(bytes))
    return try #require(value as? [String: Any], "not a JSON object: \(String(decoding: bytes, as: UTF8.self))")
}

/// A server configuration for tests: loopback, any port, fast tasks, one administrator.
func testConfiguration(
    taskDuration: Duration = .milliseconds(100),
    faults: [FaultRule] = [],
    faultHeader: Bool = false
) -> ServerConfiguration {
    var configuration = ServerConfiguration(
        host: "127.0.0.1", port: 0, taskDuration: taskDuration, faults: faults, faultHeaderEnabled: faultHeader)
    configuration.add(UserAccount(name: "admin", password: "s3cret"))
    configuration.add(UserAccount(name: "operator", password: "0perator", role: .restoreOperator))
    return configuration
}

/// Basic credentials of the test administrator.
let adminAuthorization = "Basic " + Data("admin:s3cret".utf8).base64EncodedString()

/// A logger that drops everything (the request log is tested with `RecordingLogHandler`).
let quietLogger: Logger = {
    var logger = Logger(label: "tollgate.server.tests") { _ in SwiftLogNoOpLogHandler() }
    logger.logLevel = .critical
    return logger
}()

/// One answer seen by `LiveClient`.
struct LiveResponse: Sendable {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    /// The first header of that name (case-insensitive).
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    var text: String { String(decoding: body, as: UTF8.self) }
}

/// An AsyncHTTPClient talking to a live server on the loopback.
final class LiveClient: Sendable {
    let http: HTTPClient
    let baseURL: String

    init(baseURL: String, trusting certificatePEM: String? = nil, connectTimeout: TimeAmount = .seconds(5)) throws {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: 64)
        configuration.timeout = .init(connect: connectTimeout, read: .seconds(20))
        if let certificatePEM {
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(certificatePEM.utf8)))
            configuration.tlsConfiguration = tls
        }
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.baseURL = baseURL
    }

    /// Sends a request to `target` (a path below the base URL, or a full URL).
    func send(
        _ method: HTTPMethod = .GET,
        _ target: String,
        token: String? = nil,
        json: Bool = false,
        headers: [(String, String)] = []
    ) async throws -> LiveResponse {
        var request = HTTPClientRequest(url: target.hasPrefix("http") ? target : baseURL + target)
        request.method = method
        if let token {
            request.headers.add(name: "X-RestSvcSessionId", value: token)
        }
        if json {
            request.headers.add(name: "Accept", value: "application/json")
        }
        for (name, value) in headers {
            request.headers.add(name: name, value: value)
        }
        let response = try await http.execute(request, timeout: .seconds(20))
        let body = try await response.body.collect(upTo: 10 * 1024 * 1024)
        return LiveResponse(
            status: Int(response.status.code),
            headers: response.headers.map { (name: $0.name, value: $0.value) },
            body: Array(buffer: body))
    }

    /// Logs on as `user` and returns the session token.
    func logOn(_ user: String = "admin", _ password: String = "s3cret") async throws -> String {
        let authorization = "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
        let response = try await send(.POST, "/api/sessionMngr/?v=latest", headers: [("Authorization", authorization)])
        #expect(response.status == 201, "logon failed: \(response.status) \(response.text)")
        return try #require(response.header("X-RestSvcSessionId"))
    }

    func shutdown() async {
        try? await http.shutdown()
    }
}

/// Runs `body` with a client for `baseURL`, shutting it down however `body` ends.
func withClient<T: Sendable>(
    _ baseURL: String, trusting certificatePEM: String? = nil, connectTimeout: TimeAmount = .seconds(5),
    _ body: (LiveClient) async throws -> T
) async throws -> T {
    let client = try LiveClient(baseURL: baseURL, trusting: certificatePEM, connectTimeout: connectTimeout)
    do {
        let result = try await body(client)
        await client.shutdown()
        return result
    } catch {
        await client.shutdown()
        throw error
    }
}

/// Starts a live server on 127.0.0.1 port 0, runs `body` with a client, then stops both.
func withLiveServer<T: Sendable>(
    _ configuration: ServerConfiguration = testConfiguration(),
    logger: Logger = quietLogger,
    _ body: (RunningServer, LiveClient) async throws -> T
) async throws -> T {
    let server = try await EnterpriseManagerServer(configuration: configuration, logger: logger).start()
    let client: LiveClient
    do {
        client = try LiveClient(baseURL: server.baseURL, trusting: server.certificatePEM)
    } catch {
        await server.stop()
        throw error
    }
    do {
        let result = try await body(server, client)
        await client.shutdown()
        await server.stop()
        return result
    } catch {
        await client.shutdown()
        await server.stop()
        throw error
    }
}

/// Collects log messages, to prove what the request log says and what it never says.
final class LogRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) {
        lock.lock()
        lines.append(line)
        lock.unlock()
    }

    var messages: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }

    /// A logger writing into this recorder.
    func logger(level: Logger.Level = .trace) -> Logger {
        var logger = Logger(label: "tollgate.server.tests") { _ in RecordingLogHandler(recorder: self) }
        logger.logLevel = level
        return logger
    }
}

struct RecordingLogHandler: LogHandler {
    let recorder: LogRecorder
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        recorder.append("\(event.level) \(event.message) \(event.metadata ?? [:])")
    }
}
