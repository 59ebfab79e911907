import Foundation

/// Paths of the loading fixtures in the source tree (`Tests/TollgateCoreTests/Fixtures/loading`).
///
/// The source tree is used rather than the copied bundle resources so that the golden files can be
/// regenerated in place (see ``GoldenDiagnosticsTests``).
enum LoadingFixtures {
    /// `…/Tests/TollgateCoreTests/Fixtures` (absolute).
    static let fixturesDirectory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// `…/Fixtures/loading` (absolute).
    static let loadingDirectory = fixturesDirectory.appendingPathComponent("loading")

    /// An absolute path under `Fixtures/loading`.
    static func path(_ relative: String) -> String {
        loadingDirectory.appendingPathComponent(relative).path
    }
}
