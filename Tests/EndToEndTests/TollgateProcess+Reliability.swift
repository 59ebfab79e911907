import Foundation

extension TollgateProcess.Running {
    /// What the process has written to standard output so far.
    var stdoutSoFar: String {
        (try? String(contentsOf: stdoutFile, encoding: .utf8)) ?? ""
    }

    /// Waits until standard output contains `text`; false when the process ended or `limit` passed first.
    func waitForStdout(containing text: String, limit: TimeInterval) async throws -> Bool {
        let deadline = Date().addingTimeInterval(limit)
        while Date() < deadline {
            if stdoutSoFar.contains(text) { return true }
            if !process.isRunning { return stdoutSoFar.contains(text) }
            try await Task.sleep(for: .milliseconds(10))
        }
        return false
    }

    /// Waits until `condition` holds; false when the process ended or `limit` passed first.
    func waitUntil(limit: TimeInterval, _ condition: () -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(limit)
        while Date() < deadline {
            if condition() { return true }
            if !process.isRunning { return condition() }
            try await Task.sleep(for: .milliseconds(10))
        }
        return false
    }
}
