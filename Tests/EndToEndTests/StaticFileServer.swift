import Foundation

/// A folder served over HTTP on 127.0.0.1 (Python's `http.server`, port 0): a server that answers with
/// whatever a test puts in the folder.
final class StaticFileServer {
    /// `http://127.0.0.1:PORT`.
    let url: String
    private let process: Process

    /// Starts serving `folder`; waits until the server says its port.
    init(folder: URL) async throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("tollgate-static-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", folder.path]
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        var port: Substring?
        while port == nil, process.isRunning, Date() < deadline {
            try await Task.sleep(for: .milliseconds(20))
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            port = text.firstMatch(of: /port (\d+)/)?.output.1
        }
        guard let port else {
            process.terminate()
            throw HeadlessChromium.BrowserError(description: "python3 -m http.server did not start")
        }
        url = "http://127.0.0.1:\(port)"
    }

    /// Stops the server with SIGKILL: a child started from a dispatch worker thread inherits that thread's
    /// blocked signals, SIGTERM among them (seen in `/proc/PID/status`, `SigBlk`), so SIGTERM stays pending
    /// and `waitUntilExit` on a process that never ends spins forever.
    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
