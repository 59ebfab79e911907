import Foundation
import Testing

@testable import TollgateCore

@Suite("Profiles: Enterprise Manager fingerprint")
struct EnterpriseManagerFingerprintTests {
    typealias M = TestModel

    static let entryPoint = """
        <?xml version="1.0" encoding="utf-8"?>
        <EnterpriseManager xmlns="http://www.veeam.com/ent/v1.0">
          <Links><Link Href="/api/sessionMngr/?v=latest" Type="LogonSession" Rel="Create"/></Links>
          <SupportedVersions>
            <SupportedVersion Name="v1_6"><Links/></SupportedVersion>
            <SupportedVersion Name="v1_7"><Links/></SupportedVersion>
            <SupportedVersion Name="v1_5"><Links/></SupportedVersion>
          </SupportedVersions>
        </EnterpriseManager>
        """

    /// An Enterprise Manager whose logon links a BackupServerList; the list needs the token.
    static func server() -> StubEnterpriseManager {
        StubEnterpriseManager(logonMode: .xml, backupServerList: true) { request in
            if request.method == "GET", request.path == "/api/" {
                return .xml(200, entryPoint, headers: [("Server", "Microsoft-HTTPAPI/2.0")])
            }
            if request.method == "GET", request.path == "/api/backupServers" {
                guard request.header("X-RestSvcSessionId") == StubEnterpriseManager.token else { return .empty(401) }
                return .json(
                    200,
                    #"{"BackupServers":[{"Name":"vbr01","Version":"12.3.2.4465"},{"Name":"vbr02","Version":"13.0.1.2067"}]}"#)
            }
            return nil
        }
    }

    static let scenario = M.scenario(
        "list", steps: [M.step("list", M.request(path: "/api/jobs"), expect: Expectations(status: M.status(200)))])

    @Test("GET /api/ and the backup servers give ordered facts; the report keeps them; an event announces them")
    func facts() async throws {
        let em = Self.server()
        let server = try await em.start()
        let (report, events, _) = await RunnerTestSupport.run(
            [M.suite("s", [Self.scenario])], RunnerTestSupport.configuration(server.baseURL))
        await server.stop()
        #expect(report.scenarios[0].outcome.isPassed)
        let expected = [
            Fingerprint.Fact(name: "SupportedVersions", value: "v1_6, v1_7, v1_5"),
            Fingerprint.Fact(name: "LatestVersion", value: "v1_7"),
            Fingerprint.Fact(name: "Server", value: "Microsoft-HTTPAPI/2.0"),
            Fingerprint.Fact(name: "BackupServer", value: "vbr01"),
            Fingerprint.Fact(name: "BackupServerVersion", value: "12.3.2.4465"),
            Fingerprint.Fact(name: "BackupServer", value: "vbr02"),
            Fingerprint.Fact(name: "BackupServerVersion", value: "13.0.1.2067"),
        ]
        #expect(report.fingerprint.facts == expected)
        #expect(report.fingerprint.notes == [])
        let announced = events.all.compactMap { event -> Fingerprint? in
            if case .fingerprinted(let fingerprint) = event { return fingerprint }
            return nil
        }
        #expect(announced == [report.fingerprint])
        #expect(
            ConsoleFormatter(useColor: false).fingerprintLines(report.fingerprint).hasPrefix(
                "Server: SupportedVersions=v1_6, v1_7, v1_5; LatestVersion=v1_7; Server=Microsoft-HTTPAPI/2.0; BackupServer=vbr01"))
    }

    @Test("a server without /api/ gives a partial fingerprint and a note")
    func noEntryPoint() async throws {
        let server = try await FaultServer.start { request in
            .empty(404, headers: [("Server", "nginx")])
        }
        let scenario = M.scenario("plain", session: .none, steps: [M.step("get", M.request(path: "/x"))])
        let (report, _, _) = await RunnerTestSupport.run(
            [M.suite("s", [scenario])], RunnerTestSupport.configuration(server.baseURL, logOn: false))
        await server.stop()
        #expect(report.fingerprint.facts == [Fingerprint.Fact(name: "Server", value: "nginx")])
        #expect(report.fingerprint.notes == ["GET /api/ answered 404: no Enterprise Manager entry point"])
    }

    @Test("an unreachable server gives an empty fingerprint and a note, and the scenario an error")
    func unreachable() async throws {
        let (report, _, _) = await RunnerTestSupport.run(
            [M.suite("s", [Self.scenario])], RunnerTestSupport.configuration("http://127.0.0.1:1", logOn: false))
        #expect(report.fingerprint.facts.isEmpty)
        #expect(report.fingerprint.notes.count == 1)
        #expect(report.fingerprint.notes.first?.hasPrefix("GET /api/ failed: could not connect") == true)
        #expect(report.scenarios[0].outcome.isErrored)
    }

    @Test("the latest version is the highest vN_M, not the last listed")
    func latest() {
        #expect(EnterpriseManagerFingerprint.latestVersion(["v1_10", "v1_9", "v1"]) == "v1_10")
        #expect(EnterpriseManagerFingerprint.latestVersion(["v1", "latest"]) == "v1")
        #expect(EnterpriseManagerFingerprint.latestVersion(["latest"]) == nil)
    }

    @Test("a JSON entry point (v13 camelCase) is read too")
    func jsonEntryPoint() async throws {
        let server = try await FaultServer.start { _ in
            .json(
                200,
                #"{"supportedVersions":{"supportedVersions":[{"name":"v1_7","links":[]},{"name":"v1_8","links":[]}]},"links":[]}"#)
        }
        let scenario = M.scenario("plain", session: .none, steps: [M.step("get", M.request(path: "/x"))])
        let (report, _, _) = await RunnerTestSupport.run(
            [M.suite("s", [scenario])], RunnerTestSupport.configuration(server.baseURL, logOn: false))
        await server.stop()
        #expect(report.fingerprint.value("SupportedVersions") == "v1_7, v1_8")
        #expect(report.fingerprint.value("LatestVersion") == "v1_8")
    }
}
