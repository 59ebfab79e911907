import Foundation

/// Headless Chromium (Debian package `chromium`, installed by `.ci/run`) for the HTML report's browser tests.
enum HeadlessChromium {
    /// The browser's executable, or nil when none is installed (the browser tests then say so and skip).
    static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in path.split(separator: ":") {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }()

    /// Why the browser tests skip, when they do.
    static let missing = "Chromium is not installed (apt-get install -y chromium): the HTML report's browser tests skip"

    /// Loads `file` (with `query` and `fragment`) and returns the DOM after the page's script ran.
    static func dumpDOM(_ file: URL, query: String = "", fragment: String = "") throws -> String {
        try run(["--dump-dom", url(file, query: query, fragment: fragment)])
    }

    /// Saves a screenshot of `file` at `size` (width, height) to `destination`.
    static func screenshot(_ file: URL, query: String = "", fragment: String = "", size: (Int, Int), to destination: URL) throws {
        _ = try run(["--window-size=\(size.0),\(size.1)", "--screenshot=\(destination.path)", url(file, query: query, fragment: fragment)])
    }

    private static func url(_ file: URL, query: String, fragment: String) -> String {
        file.absoluteString + (query.isEmpty ? "" : "?" + query) + (fragment.isEmpty ? "" : "#" + fragment)
    }

    private static func run(_ arguments: [String]) throws -> String {
        guard let executable else { throw BrowserError(description: missing) }
        let profile = try TollgateProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--user-data-dir=\(profile.path)", "--hide-scrollbars",
        ] + arguments
        let out = profile.appendingPathComponent("stdout")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BrowserError(description: "chromium exited with \(process.terminationStatus)")
        }
        return try String(contentsOf: out, encoding: .utf8)
    }

    /// Chromium could not be run.
    struct BrowserError: Error, CustomStringConvertible {
        var description: String
    }
}
