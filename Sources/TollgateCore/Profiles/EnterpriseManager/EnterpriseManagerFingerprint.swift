import TollgateXML

/// Who an Enterprise Manager is (protocol §2, §14.4):
/// - `GET /api/` (no logon): the `SupportedVersions` names, the latest of them, and the `Server` header;
/// - once logged on, when the logon session links a `BackupServerList`: each backup server's name and
///   `Version` (the product version of Veeam Backup & Replication behind it).
///
/// Facts: `SupportedVersions` (`v1_5, v1_6, v1_7`), `LatestVersion` (`v1_7`), `Server`, then per backup
/// server `BackupServer` and `BackupServerVersion`. A probe that fails or answers other than 200 adds a
/// note and leaves its facts out.
enum EnterpriseManagerFingerprint {
    /// The entry point, relative to the base URL.
    static let entryPoint = "/api/"

    private static let versionsXML = try? XPathExpression(
        "/*[local-name()='EnterpriseManager']/*[local-name()='SupportedVersions']/*[local-name()='SupportedVersion']/@Name",
        namespaces: [:])
    private static let versionsJSON = try? XPathExpression(
        "/json/*[local-name()='SupportedVersions' or local-name()='supportedVersions']"
            + "/*[local-name()='SupportedVersions' or local-name()='supportedVersions']/*[local-name()='Name' or local-name()='name']",
        namespaces: [:])
    private static let serverNamesXML = try? XPathExpression(
        "/*[local-name()='BackupServers']/*[local-name()='BackupServer']/@Name", namespaces: [:])
    private static let serverVersionsXML = try? XPathExpression(
        "/*[local-name()='BackupServers']/*[local-name()='BackupServer']/*[local-name()='Version']", namespaces: [:])
    private static let serverNamesJSON = try? XPathExpression(
        "/json/*[local-name()='BackupServers' or local-name()='backupServers']/*[local-name()='Name' or local-name()='name']",
        namespaces: [:])
    private static let serverVersionsJSON = try? XPathExpression(
        "/json/*[local-name()='BackupServers' or local-name()='backupServers']/*[local-name()='Version' or local-name()='version']",
        namespaces: [:])

    /// Runs the probes; never fails.
    static func probe(using client: ProbeClient, session: RunSession?) async -> Fingerprint {
        var fingerprint = Fingerprint()
        switch await client.get(entryPoint) {
        case .failure(let error):
            fingerprint.notes.append("GET \(entryPoint) failed: \(error.message)")
        case .success(let response):
            let versions = ResponseValues.texts(versionsXML, versionsJSON, in: response)
            if response.status == 200, !versions.isEmpty {
                fingerprint.facts.append(.init(name: "SupportedVersions", value: versions.joined(separator: ", ")))
                if let latest = latestVersion(versions) {
                    fingerprint.facts.append(.init(name: "LatestVersion", value: latest))
                }
            } else if response.status == 200 {
                fingerprint.notes.append("GET \(entryPoint) answered 200 without SupportedVersions")
            } else {
                fingerprint.notes.append("GET \(entryPoint) answered \(response.status): no Enterprise Manager entry point")
            }
            if let server = response.header("Server") {
                fingerprint.facts.append(.init(name: "Server", value: server))
            }
        }
        if let session, let url = session.links[EnterpriseManagerSession.backupServerListLink] {
            switch await client.get(url, session: session) {
            case .failure(let error):
                fingerprint.notes.append("backup servers: \(error.message)")
            case .success(let response) where response.status != 200:
                fingerprint.notes.append("backup servers: the list answered \(response.status)")
            case .success(let response):
                let names = ResponseValues.texts(serverNamesXML, serverNamesJSON, in: response)
                let versions = ResponseValues.texts(serverVersionsXML, serverVersionsJSON, in: response)
                for index in 0..<max(names.count, versions.count) {
                    if index < names.count { fingerprint.facts.append(.init(name: "BackupServer", value: names[index])) }
                    if index < versions.count {
                        fingerprint.facts.append(.init(name: "BackupServerVersion", value: versions[index]))
                    }
                }
            }
        }
        return fingerprint
    }

    /// The highest `vN_M` name (`v1` counts as 1.0); names of another shape are ignored.
    static func latestVersion(_ names: [String]) -> String? {
        func key(_ name: String) -> [Int]? {
            guard name.hasPrefix("v") else { return nil }
            let parts = name.dropFirst().split(separator: "_", omittingEmptySubsequences: false).map { Int($0) }
            guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else { return nil }
            return parts.compactMap { $0 }
        }
        return names.compactMap { name in key(name).map { (name, $0) } }
            .max { $0.1.lexicographicallyPrecedes($1.1) }?.0
    }
}
