import Foundation

/// Headless Chromium (Debian package `chromium`, installed by `.ci/run`) for the HTML report's browser tests.
///
/// One browser runs at a time (``BrowserTurn``), at a lower scheduling priority, so that the suite's timing
/// tests, which run beside these on two cores, keep their CPU. Waiting never blocks a thread: the exit is
/// polled with `Task.sleep`, and a browser still running at its deadline is killed with SIGKILL.
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

    /// How long one page load may take before the browser is killed and the test fails.
    static let deadline: Duration = .seconds(180)

    /// Loads `file` (with `query` and `fragment`) and returns the DOM after the page's script ran.
    static func dumpDOM(_ file: URL, query: String = "", fragment: String = "") async throws -> String {
        try await BrowserTurn.shared.take { try await run(["--dump-dom", url(file, query: query, fragment: fragment)]) }
    }

    private static func url(_ file: URL, query: String, fragment: String) -> String {
        file.absoluteString + (query.isEmpty ? "" : "?" + query) + (fragment.isEmpty ? "" : "#" + fragment)
    }

    private static func run(_ arguments: [String]) async throws -> String {
        guard let executable else { throw BrowserError(description: missing) }
        let profile = try TollgateProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/nice")
        process.arguments = [
            "-n", "10", executable,
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--disable-dev-shm-usage", "--renderer-process-limit=1",
            "--user-data-dir=\(profile.path)", "--hide-scrollbars",
        ] + arguments
        let out = profile.appendingPathComponent("stdout")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let clock = ContinuousClock()
        let end = clock.now + deadline
        while process.isRunning, clock.now < end {
            try await Task.sleep(for: .milliseconds(50))
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            while process.isRunning { try await Task.sleep(for: .milliseconds(50)) }
            throw BrowserError(description: "chromium did not finish within \(deadline) and was killed")
        }
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

/// Lets one browser run at a time across all tests.
actor BrowserTurn {
    /// The one turn every browser test waits for.
    static let shared = BrowserTurn()

    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Runs `body` once no other browser runs.
    func take<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        if busy {
            await withCheckedContinuation { waiting.append($0) }
        } else {
            busy = true
        }
        defer {
            if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
        }
        return try await body()
    }
}
