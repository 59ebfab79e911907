import Foundation
import Testing

@testable import TollgateServer

/// HTTPS with a generated certificate and with certificate files.
@Suite("TLS")
struct TLSTests {
    @Test("self-signed: the toggle example over HTTPS, trusting only the generated certificate")
    func selfSigned() async throws {
        var configuration = testConfiguration()
        configuration.tls = .selfSigned
        try await withLiveServer(configuration) { server, client in
            #expect(server.baseURL == "https://127.0.0.1:\(server.port)")
            let pem = try #require(server.certificatePEM)
            #expect(pem.hasPrefix("-----BEGIN CERTIFICATE-----"))
            let token = try await client.logOn()
            let accepted = try await client.post("/api/agents/jobs/\(agentJobID)?action=toggleScheduleEnabled", token: token)
            #expect(accepted.status == 202)
            let href = try xpath("string(/em:Task/@Href)", accepted.body)
            #expect(href == "\(server.baseURL)/api/tasks/task-1")
            let finished = try await client.waitForTask(href, token: token)
            #expect(try xpath("string(/em:Task/em:Result/em:Message)", finished.body) == "Ok")
            let json = try jsonObject(try await client.get("/api/tasks/task-1", token: token, json: true).body)
            #expect(json["State"] as? String == "Finished")
            let viaLocalhost = try await client.get("https://localhost:\(server.port)/api/")
            #expect(viaLocalhost.status == 200, "the certificate names localhost too")
        }
    }

    @Test("a client that does not trust the certificate is refused")
    func untrusted() async throws {
        var configuration = testConfiguration()
        configuration.tls = .selfSigned
        try await withLiveServer(configuration) { server, _ in
            try await withClient(server.baseURL, connectTimeout: .milliseconds(500)) { stranger in
                await #expect(throws: (any Error).self) { _ = try await stranger.get("/api/") }
            }
        }
    }

    @Test("certificate and key files")
    func files() async throws {
        let generated = try SelfSignedCertificate.generate(for: "127.0.0.1")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tollgate-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let certificatePath = directory.appendingPathComponent("cert.pem").path
        let keyPath = directory.appendingPathComponent("key.pem").path
        try generated.certificatePEM.write(toFile: certificatePath, atomically: true, encoding: .utf8)
        try generated.privateKeyPEM.write(toFile: keyPath, atomically: true, encoding: .utf8)

        var configuration = testConfiguration()
        configuration.tls = .files(certificatePath: certificatePath, keyPath: keyPath)
        let server = try await EnterpriseManagerServer(configuration: configuration, logger: quietLogger).start()
        #expect(server.certificatePEM == nil)
        let answer: LiveResponse
        do {
            answer = try await withClient(server.baseURL, trusting: generated.certificatePEM) { client in try await client.get("/api/") }
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
        #expect(answer.status == 200)
        #expect(try xpath("string(/em:EnterpriseManager/em:Links/em:Link[1]/@Href)", answer.body).hasPrefix("https://"))

        configuration.tls = .files(certificatePath: directory.appendingPathComponent("missing.pem").path, keyPath: keyPath)
        await #expect(throws: ServerError.self) {
            _ = try await EnterpriseManagerServer(configuration: configuration, logger: quietLogger).start()
        }
        configuration.tls = .files(certificatePath: certificatePath, keyPath: certificatePath)
        await #expect(throws: ServerError.self) {
            _ = try await EnterpriseManagerServer(configuration: configuration, logger: quietLogger).start()
        }
    }
}
