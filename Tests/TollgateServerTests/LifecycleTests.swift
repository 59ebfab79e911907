import Foundation
import Testing

@testable import TollgateServer

/// Starting, counting and stopping.
@Suite("Server lifecycle")
struct LifecycleTests {
    @Test("port 0 binds a free port; requestCount and issuedSessionIDs count; stop is idempotent and frees the port")
    func startCountStop() async throws {
        let server = try await EnterpriseManagerServer(configuration: testConfiguration(), logger: quietLogger).start()
        #expect(server.port > 0)
        #expect(server.baseURL == "http://127.0.0.1:\(server.port)")
        #expect(server.certificatePEM == nil)
        #expect(server.requestCount == 0)
        let token = try await withClient(server.baseURL) { client in
            _ = try await client.get("/api/")
            _ = try await client.get("/api/jobs")
            return try await client.logOn()
        }
        #expect(server.requestCount == 3)
        #expect(server.issuedSessionIDs.map { Data($0.utf8).base64EncodedString() } == [token])
        await server.stop()
        await server.stop()
        try await server.waitUntilStopped()

        var again = testConfiguration()
        again.port = server.port
        let restarted = try await EnterpriseManagerServer(configuration: again, logger: quietLogger).start()
        #expect(restarted.port == server.port)
        await restarted.stop()
    }

    @Test("a port in use is an error, not a hang")
    func portInUse() async throws {
        let first = try await EnterpriseManagerServer(configuration: testConfiguration(), logger: quietLogger).start()
        var configuration = testConfiguration()
        configuration.port = first.port
        await #expect(throws: ServerError.self) {
            _ = try await EnterpriseManagerServer(configuration: configuration, logger: quietLogger).start()
        }
        await first.stop()
    }

    @Test("a request in flight is answered when the server stops")
    func gracefulStop() async throws {
        let configuration = testConfiguration(faults: [try FaultRule(parsing: "delay=400ms@GET:/api/")])
        let server = try await EnterpriseManagerServer(configuration: configuration, logger: quietLogger).start()
        let status = try await withClient(server.baseURL) { client in
            async let slow = client.get("/api/")
            while server.requestCount == 0 {
                try await Task.sleep(for: .milliseconds(10))
            }
            await server.stop()
            return try await slow.status
        }
        #expect(status == 200)
    }

    @Test("invalid ports are refused")
    func invalidPort() async throws {
        var configuration = testConfiguration()
        configuration.port = 70000
        await #expect(throws: ServerError.self) {
            _ = try await EnterpriseManagerServer(configuration: configuration, logger: quietLogger).start()
        }
    }

    @Test("URLs use loopback for wildcard binds and brackets for IPv6")
    func displayHost() {
        #expect(EnterpriseManagerServer.displayHost("0.0.0.0") == "127.0.0.1")
        #expect(EnterpriseManagerServer.displayHost("::") == "[::1]")
        #expect(EnterpriseManagerServer.displayHost("::1") == "[::1]")
        #expect(EnterpriseManagerServer.displayHost("localhost") == "localhost")
    }
}
