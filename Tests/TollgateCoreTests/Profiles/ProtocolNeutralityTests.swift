import Foundation
import Testing

/// The engine is protocol-neutral: outside `Profiles/EnterpriseManager/`, Core's runner, assertions,
/// results, reports, model and profiles name no Enterprise Manager path, header or element.
@Suite("Profiles: no Enterprise Manager knowledge outside its profile")
struct ProtocolNeutralityTests {
    /// What only the Enterprise Manager profile may write (paths, headers, element and attribute names).
    static let forbidden = [
        #"X-RestSvcSessionId"#, #"RestSvc"#, #"sessionMngr"#, #"logonSessions"#, #"LogonSession"#, #"SessionId"#,
        #"SupportedVersion"#, #"BackupServer"#, #"/api/"#, #"\bem:"#, #"@Success"#, #"'State'"#, #"'Result'"#,
        #"'Error'"#, #"'Message'"#, #"veeam\.com"#,
    ]
    /// The folders of `Sources/TollgateCore` that are checked.
    static let folders = ["Running", "Assertions", "Results", "Reports", "Model", "Profiles"]
    /// The one folder allowed to know the protocol.
    static let profileFolder = "Profiles/EnterpriseManager/"

    static var coreSources: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/TollgateCore")
    }

    /// `file:line: token` for every forbidden token in `text`.
    static func hits(in text: String, file: String) throws -> [String] {
        let patterns = try forbidden.map { try NSRegularExpression(pattern: $0) }
        var found: [String] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(line)
            for pattern in patterns
            where pattern.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil {
                found.append("\(file):\(number + 1): \(pattern.pattern)")
            }
        }
        return found
    }

    @Test("no Enterprise Manager path, header or element name outside Profiles/EnterpriseManager")
    func engineIsNeutral() throws {
        var checked = 0
        var found: [String] = []
        for folder in Self.folders {
            let root = Self.coreSources.appendingPathComponent(folder)
            let enumerator = try #require(FileManager.default.enumerator(atPath: root.path))
            while let relative = enumerator.nextObject() as? String {
                let path = "\(folder)/\(relative)"
                guard path.hasSuffix(".swift"), !path.hasPrefix(Self.profileFolder) else { continue }
                let text = try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
                found += try Self.hits(in: text, file: path)
                checked += 1
            }
        }
        #expect(checked > 40, "the source tree was not found at \(Self.coreSources.path)")
        #expect(found.isEmpty, "Enterprise Manager knowledge outside its profile:\n\(found.joined(separator: "\n"))")
    }

    @Test("the check finds a planted header, path and element name")
    func checkCanFail() throws {
        let planted = """
            let header = "X-RestSvcSessionId"
            let path = "/api/sessionMngr/?v=latest"
            let query = "string(/em:Task/em:State)"
            let fine = "item: Authorization"
            """
        let found = try Self.hits(in: planted, file: "Planted.swift")
        #expect(found.contains("Planted.swift:1: X-RestSvcSessionId"))
        #expect(found.contains("Planted.swift:2: /api/"))
        #expect(found.contains("Planted.swift:3: \\bem:"))
        #expect(!found.contains { $0.hasPrefix("Planted.swift:4:") })
    }
}
