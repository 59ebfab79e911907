import Foundation
import Testing
import TollgateCore

/// Golden diagnostics: every `Fixtures/loading/<name>.yaml` is a broken scenario file; loading it must
/// give exactly the diagnostics in `<name>.err`, rendered without colour, file paths shown as
/// `loading/<name>.yaml`.
///
/// To regenerate the `.err` files after an intended change, run
///
///     TOLLGATE_UPDATE_GOLDEN=1 swift test --filter GoldenDiagnosticsTests
///
/// and review the diff before committing it.
@Suite("Golden load diagnostics")
struct GoldenDiagnosticsTests {
    /// The options every golden file is loaded with: one outside variable and an 8 KiB size limit
    /// (so the size check has a small fixture).
    static let options = LoadOptions(externalVariables: ["env_host"], maxFileBytes: 8 << 10)

    /// The names of the broken files (without `.yaml`), sorted.
    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: LoadingFixtures.loadingDirectory.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }()

    static var updating: Bool {
        ProcessInfo.processInfo.environment["TOLLGATE_UPDATE_GOLDEN"] == "1"
    }

    /// All diagnostics of a fixture, rendered and joined by blank lines, ending with a newline.
    static func render(_ name: String) -> (text: String, result: LoadResult) {
        let path = LoadingFixtures.path(name + ".yaml")
        let result = ScenarioLoader(options: options).load(paths: [path])
        let renderer = DiagnosticRenderer(useColor: false)
        let prefix = LoadingFixtures.fixturesDirectory.path + "/"
        let blocks = result.diagnostics.map { diagnostic -> String in
            var shown = diagnostic
            if let location = diagnostic.location, location.file.hasPrefix(prefix) {
                shown.location?.file = String(location.file.dropFirst(prefix.count))
            }
            shown.message = shown.message.replacingOccurrences(of: prefix, with: "")
            return renderer.render(shown)
        }
        return (blocks.joined(separator: "\n\n") + "\n", result)
    }

    @Test("broken file gives exactly its golden diagnostics", arguments: names)
    func golden(name: String) throws {
        let (actual, result) = Self.render(name)
        #expect(result.hasErrors, "a golden fixture must be broken")
        #expect(result.suites.isEmpty, "a file with errors must not produce a suite")
        let goldenURL = LoadingFixtures.loadingDirectory.appendingPathComponent(name + ".err")
        if Self.updating {
            try actual.write(to: goldenURL, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: goldenURL, encoding: .utf8)
        #expect(actual == expected, "diagnostics of \(name).yaml differ from \(name).err")
    }

    @Test("there are enough golden files, each with its expected output")
    func inventory() {
        #expect(Self.names.count >= 30)
        // While regenerating, the .err files are being written by the other test at the same time.
        guard !Self.updating else { return }
        for name in Self.names {
            let golden = LoadingFixtures.loadingDirectory.appendingPathComponent(name + ".err").path
            #expect(FileManager.default.fileExists(atPath: golden), "\(name).yaml has no \(name).err")
        }
    }
}
