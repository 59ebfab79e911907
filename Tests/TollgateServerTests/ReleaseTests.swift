import Foundation
import Testing

@testable import TollgateServer

/// The emulated releases (``ServerRelease``), on a real loopback port: what each lists at
/// `GET /api/`, the backup server build, the JSON key case and nulls. The expected values are
/// written out here, not read from `ServerRelease`, so a wrong table fails.
@Suite("Emulated releases")
struct ReleaseTests {
    /// What the reference (and README.md, "Emulated releases") says each release answers.
    struct Expected: Sendable, CustomTestStringConvertible {
        var release: ServerRelease
        var versions: [String]
        var latest: String
        var backupServerVersion: String
        var camelCase: Bool
        var nulls: Bool

        var testDescription: String { "release \(release.rawValue)" }
    }

    static let expectations = [
        Expected(
            release: .v11, versions: ["v1_4", "v1_5", "v1_6"], latest: "v1_6", backupServerVersion: "11.0.0.837",
            camelCase: false, nulls: false),
        Expected(
            release: .v12, versions: ["v1_5", "v1_6", "v1_7"], latest: "v1_7", backupServerVersion: "12.3.2.4465",
            camelCase: false, nulls: true),
        Expected(
            release: .v13, versions: ["v1_5", "v1_6", "v1_7"], latest: "v1_7", backupServerVersion: "13.0.1.2067",
            camelCase: true, nulls: true),
    ]

    static func configuration(_ release: ServerRelease, taskDuration: Duration = .milliseconds(100)) -> ServerConfiguration {
        var configuration = testConfiguration(taskDuration: taskDuration)
        configuration.release = release
        return configuration
    }

    @Test("the default release is 12, today's behaviour")
    func defaultRelease() {
        #expect(ServerConfiguration().release == .v12)
        #expect(ServerRelease.names == ["11", "12", "13"])
    }

    @Test("GET /api/ lists the release's versions and latest; ?v= accepts exactly those", arguments: expectations)
    func entryPoint(_ expected: Expected) async throws {
        try await withLiveServer(Self.configuration(expected.release)) { _, client in
            let xml = try await client.send(.GET, "/api/")
            #expect(xml.status == 200)
            expectValidXML(xml.body, "GET /api/ on \(expected.release)")
            let names = try (1...4).map {
                try xpath("string(/em:EnterpriseManager/em:SupportedVersions/em:SupportedVersion[\($0)]/@Name)", xml.body)
            }.filter { !$0.isEmpty }
            #expect(names == expected.versions)
            #expect(
                try xpath("string(/em:EnterpriseManager/em:SupportedVersions/em:SupportedVersion[last()]/@Name)", xml.body)
                    == expected.latest)

            for version in ["v1_4", "v1_5", "v1_6", "v1_7"] {
                let logon = try await client.send(
                    .POST, "/api/sessionMngr/?v=\(version)", headers: [("Authorization", adminAuthorization)])
                #expect(logon.status == (expected.versions.contains(version) ? 201 : 400), "?v=\(version)")
            }
        }
    }

    @Test("the backup server reports the release's build; an inventory's own version wins", arguments: expectations)
    func backupServerVersion(_ expected: Expected) async throws {
        try await withLiveServer(Self.configuration(expected.release)) { _, client in
            let token = try await client.logOn()
            let list = try await client.send(.GET, "/api/backupServers?format=Entity", token: token)
            #expect(try xpath("string(/em:BackupServers/em:BackupServer/em:Version)", list.body) == expected.backupServerVersion)
        }
        var pinned = Self.configuration(expected.release)
        pinned.inventory.backupServer.version = "12.1.0.2131"
        try await withLiveServer(pinned) { _, client in
            let token = try await client.logOn()
            let list = try await client.send(.GET, "/api/backupServers?format=Entity", token: token)
            #expect(try xpath("string(/em:BackupServers/em:BackupServer/em:Version)", list.body) == "12.1.0.2131")
        }
    }

    @Test("JSON keys: camelCase on 13, PascalCase on 11 and 12, in every object of every body", arguments: expectations)
    func keyCase(_ expected: Expected) async throws {
        try await withLiveServer(Self.configuration(expected.release)) { _, client in
            let token = try await client.logOn()
            let task = try await client.send(.POST, "/api/agents/jobs/\(agentJobID)?action=start", token: token, json: true)
            #expect(task.status == 202)
            var bodies = [task.body]
            for target in ["/api/", "/api/jobs", "/api/agents/jobs?format=Entity", "/api/logonSessions", "/api/backupServers?format=Entity",
                           "/api/jobs/00000000-0000-0000-0000-000000000000"] {
                bodies.append(try await client.send(.GET, target, token: token, json: true).body)
            }
            for body in bodies {
                let keys = Self.keys(in: try JSONSerialization.jsonObject(with: Data(body)))
                #expect(!keys.isEmpty)
                let wrong = keys.filter { key in
                    guard let first = key.first, first.isLetter else { return true }
                    return expected.camelCase ? first.isUppercase : first.isLowercase
                }
                #expect(wrong.isEmpty, "keys in the wrong case on \(expected.release): \(wrong.sorted())")
            }
            let root = try jsonObject(bodies[1])
            #expect(root[expected.camelCase ? "supportedVersions" : "SupportedVersions"] != nil)
            // XML does not change.
            let xml = try await client.send(.GET, "/api/")
            #expect(try xpath("count(/em:EnterpriseManager/em:SupportedVersions)", xml.body) == "1")
        }
    }

    @Test("JSON nulls: written on 12 and 13, left out on 11; Error bodies keep theirs", arguments: expectations)
    func nulls(_ expected: Expected) async throws {
        try await withLiveServer(Self.configuration(expected.release)) { _, client in
            let token = try await client.logOn()
            let entry = try jsonObject(try await client.send(.GET, "/api/", json: true).body)
            let name = { (key: String) in expected.camelCase ? ResourceNode.camelCased(key) : key }
            let links = try #require(entry[name("Links")] as? [[String: Any]])
            let create = try #require(links.first { $0[name("Rel")] as? String == "Create" })
            if expected.nulls {
                #expect(create[name("Name")] is NSNull, "\(create)")
                #expect(entry[name("Href")] is NSNull)
            } else {
                #expect(create[name("Name")] == nil, "\(create)")
                #expect(entry[name("Href")] == nil)
            }
            #expect(create[name("Type")] as? String == "LogonSession")
            let error = try jsonObject(
                try await client.send(.GET, "/api/jobs/00000000-0000-0000-0000-000000000000", token: token, json: true).body)
            #expect(error[name("StackTrace")] is NSNull, "\(error)")
            #expect(error[name("StatusCode")] as? Int == 404)
        }
    }

    /// Every object key in a JSON value, recursively.
    static func keys(in value: Any) -> Set<String> {
        if let object = value as? [String: Any] {
            return object.reduce(into: Set(object.keys)) { $0.formUnion(keys(in: $1.value)) }
        }
        if let array = value as? [Any] {
            return array.reduce(into: Set<String>()) { $0.formUnion(keys(in: $1)) }
        }
        return []
    }
}
