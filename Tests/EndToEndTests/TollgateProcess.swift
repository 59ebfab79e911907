import Foundation

/// Runs the built `tollgate` binary, as a user or CI would, and captures what it prints.
struct TollgateProcess {
    /// What a finished run left behind.
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package root (two levels above this file's folder).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `tollgate` executable built beside the test bundle.
    static var executable: URL {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("tollgate")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return packageRoot.appendingPathComponent(".build/debug/tollgate")
    }

    /// The fixtures folder of this test target.
    static let fixtures = packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures")

    /// Starts the binary (or another `program`); call `wait` or `interrupt` on the result.
    static func start(
        _ arguments: [String], environment: [String: String] = [:], currentDirectory: URL = packageRoot,
        program: URL = executable
    ) throws -> Running {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = currentDirectory
        var merged = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("TOLLGATE_") }
        merged["NO_COLOR"] = "1"
        merged.merge(environment) { $1 }
        process.environment = merged
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("tollgate-out-\(UUID().uuidString)")
        let err = FileManager.default.temporaryDirectory.appendingPathComponent("tollgate-err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return Running(process: process, stdoutFile: out, stderrFile: err)
    }

    /// Runs the binary to the end (killed after `limit` seconds) and returns what it printed.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], limit: TimeInterval = 120
    ) async throws -> Outcome {
        try await start(arguments, environment: environment).wait(limit: limit)
    }

    /// A started binary.
    struct Running {
        let process: Process
        let stdoutFile: URL
        let stderrFile: URL

        /// Sends a signal (SIGINT, SIGTERM).
        func signal(_ number: Int32) {
            kill(process.processIdentifier, number)
        }

        /// Waits for the exit, killing the process after `limit` seconds so a hang fails the test instead of the suite.
        func wait(limit: TimeInterval = 120) async throws -> Outcome {
            let deadline = Date().addingTimeInterval(limit)
            while process.isRunning, Date() < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            if process.isRunning {
                process.terminate()
                kill(process.processIdentifier, SIGKILL)
            }
            process.waitUntilExit()
            defer {
                try? FileManager.default.removeItem(at: stdoutFile)
                try? FileManager.default.removeItem(at: stderrFile)
            }
            return Outcome(
                status: process.terminationStatus,
                stdout: (try? String(contentsOf: stdoutFile, encoding: .utf8)) ?? "",
                stderr: (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? ""
            )
        }
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tollgate-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
