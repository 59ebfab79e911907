import Foundation
import Testing

extension ReliabilityTests {
    /// Broken scenario files send nothing: `tollgate run` against a server the test owns exits with 2,
    /// prints the loader's caret diagnostics, and the server sees no request at all, not even a logon.
    @Suite("Reliability: broken scenario files send nothing")
    struct BadInput {
        static let password = "bad-input-Pw-7c41"
        /// `Tests/TollgateCoreTests/Fixtures`: the golden files show paths as `loading/NAME.yaml` from here.
        static let fixtures = TollgateProcess.packageRoot.appendingPathComponent("Tests/TollgateCoreTests/Fixtures")
        static let loading = fixtures.appendingPathComponent("loading")
        static let closingLine = "error: the scenario files are invalid; nothing was sent\n"

        /// The broken files (without `.yaml`), sorted.
        static let names: [String] = {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: loading.path)) ?? []
            return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
        }()

        /// `too-large.yaml` is broken only under the golden test's 8 KiB limit; the CLI's limit is 4 MiB,
        /// so for the CLI the test writes a copy padded beyond that.
        static let sizeFixture = "too-large"

        @Test("all the loader's broken fixtures are here (at least the 41 known)")
        func inventory() {
            #expect(Self.names.count >= 41, "found \(Self.names.count) broken fixtures in \(Self.loading.path)")
            #expect(Self.names.contains(Self.sizeFixture))
        }

        @Test("a broken fixture: exit 2, exactly the loader's golden diagnostics, zero requests", arguments: names)
        func brokenFixture(name: String) async throws {
            let outcome = try await InProcessServer.with(password: Self.password) { server in
                let reports = try TollgateProcess.temporaryFolder()
                let target: String
                if name == Self.sizeFixture {
                    target = try Self.oversizedCopy(in: reports).path
                } else {
                    target = "loading/\(name).yaml"
                }
                let outcome = try await Self.run(target, server: server, reports: reports)
                #expect(server.requestCount == 0, "\(name).yaml: the server saw \(server.requestCount) requests")
                #expect(!FileManager.default.fileExists(atPath: reports.appendingPathComponent("junit.xml").path))
                return outcome
            }
            #expect(outcome.status == 2, "\(name).yaml: exit \(outcome.status)\n\(outcome.stderr)")
            #expect(outcome.stdout.isEmpty, "\(name).yaml printed on stdout: \(outcome.stdout)")
            #expect(outcome.stderr.contains("--> "), "\(name).yaml: no location arrow\n\(outcome.stderr)")
            if name == Self.sizeFixture {
                #expect(outcome.stderr.contains("error: file too large: "), "\(outcome.stderr)")
                #expect(outcome.stderr.hasSuffix(Self.closingLine))
                return
            }
            let golden = try String(contentsOf: Self.loading.appendingPathComponent("\(name).err"), encoding: .utf8)
            if golden.contains("^") {
                #expect(outcome.stderr.contains("^"), "\(name).yaml: no caret\n\(outcome.stderr)")
            }
            #expect(
                outcome.stderr == golden + "\n" + Self.closingLine,
                "\(name).yaml: the CLI's diagnostics differ from \(name).err:\n\(outcome.stderr)")
        }

        @Test("an empty file, a binary file and an invalid UTF-8 file made here: exit 2, located diagnostic, zero requests")
        func madeHere() async throws {
            let folder = try TollgateProcess.temporaryFolder()
            var binary: [UInt8] = Array("\u{89}PNG\r\n".utf8) + [0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]
            binary += (0..<512).map { UInt8(truncatingIfNeeded: $0 &* 37) }
            let files: [(name: String, bytes: [UInt8], expected: String, caret: Bool)] = [
                ("empty.yaml", [], "error: the file is empty", false),
                ("binary.yaml", binary, "error: binary content", false),
                ("latin1.yaml", Array("scenarios:\n  - name: caf".utf8) + [0xE9] + Array(" au lait\n    steps:\n      - request: { path: /api/ }\n".utf8),
                 "error: invalid UTF-8", true),
            ]
            for file in files {
                let url = folder.appendingPathComponent(file.name)
                try Data(file.bytes).write(to: url)
                let outcome = try await InProcessServer.with(password: Self.password) { server in
                    let outcome = try await Self.run(url.path, server: server, reports: folder)
                    #expect(server.requestCount == 0, "\(file.name): the server saw \(server.requestCount) requests")
                    return outcome
                }
                #expect(outcome.status == 2, "\(file.name): exit \(outcome.status)\n\(outcome.stderr)")
                #expect(outcome.stderr.contains(file.expected), "\(file.name):\n\(outcome.stderr)")
                #expect(outcome.stderr.contains("--> \(url.path):"), "\(file.name): no location\n\(outcome.stderr)")
                if file.caret {
                    #expect(outcome.stderr.contains("^"), "\(file.name): no caret\n\(outcome.stderr)")
                }
                #expect(outcome.stderr.hasSuffix(Self.closingLine))
            }
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("junit.xml").path))
        }

        /// Runs `tollgate run TARGET` against `server` as its user, from the fixtures folder.
        static func run(_ target: String, server: InProcessServer, reports: URL) async throws -> TollgateProcess.Outcome {
            try await TollgateProcess.start(
                [
                    "run", target, "--base-url", server.url, "--user", InProcessServer.user,
                    "--var", "env_host=example.com", "--junit", reports.appendingPathComponent("junit.xml").path,
                ],
                environment: ["TOLLGATE_PASSWORD": password], currentDirectory: fixtures
            ).wait(limit: 30)
        }

        /// `too-large.yaml` padded with comment lines beyond the CLI's 4 MiB limit.
        static func oversizedCopy(in folder: URL) throws -> URL {
            var text = try String(contentsOf: loading.appendingPathComponent("\(sizeFixture).yaml"), encoding: .utf8)
            let line = "# padding " + String(repeating: ".", count: 100) + "\n"
            text += String(repeating: line, count: (4 << 20) / line.utf8.count + 100)
            let url = folder.appendingPathComponent("too-large.yaml")
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url
        }
    }
}
