import Foundation
import Testing

/// The harness's own scenarios, run by the real binary against the built-in server's fault modes.
/// Each must fail exactly as its golden files say: `NAME.out` (console, normalized), `NAME.err`
/// (standard error), `NAME.exit`, and for some `NAME.junit.xml`. Regenerate with `TOLLGATE_UPDATE_GOLDEN=1 swift test --filter SelfTest`.
@Suite("Self-tests against the built-in server's fault modes")
struct SelfTestGoldenTests {
    static let folder = TollgateProcess.fixtures.appendingPathComponent("selftests")
    static let names = ["assertions", "faults", "errors"]
    static let updating = ProcessInfo.processInfo.environment["TOLLGATE_UPDATE_GOLDEN"] == "1"

    @Test("self-test fails exactly as its golden output says", arguments: names)
    func selfTest(name: String) async throws {
        let reports = try TollgateProcess.temporaryFolder()
        let junit = reports.appendingPathComponent("junit.xml")
        let extra = (try? String(contentsOf: Self.folder.appendingPathComponent("\(name).args"), encoding: .utf8))?
            .split(whereSeparator: \.isWhitespace).map(String.init) ?? []
        let outcome = try await TollgateProcess.run(
            ["run", "Tests/EndToEndTests/Fixtures/selftests/\(name).yaml", "--junit", junit.path] + extra)

        let console = OutputNormalizer.normalize(outcome.stdout)
        let report = OutputNormalizer.normalize(try String(contentsOf: junit, encoding: .utf8))
        try compare(console, golden: "\(name).out")
        try compare("\(outcome.status)\n", golden: "\(name).exit")
        if name == "assertions" {
            try compare(report, golden: "\(name).junit.xml")
        }
        try compare(OutputNormalizer.normalize(outcome.stderr), golden: "\(name).err")
    }

    private func compare(_ actual: String, golden name: String) throws {
        let url = Self.folder.appendingPathComponent(name)
        if Self.updating {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(name) differs from the golden file; diff it or regenerate with TOLLGATE_UPDATE_GOLDEN=1")
    }
}
