import Foundation
import Testing

/// Colour only on a terminal, never with `NO_COLOR`: checked with a real pseudo-terminal (`script`).
@Suite("Console colour", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
struct ColorTests {
    static let escape = "\u{1B}["

    /// Runs `tollgate lint` on a broken file, through a pseudo-terminal when `terminal` is true.
    private func lintOutput(terminal: Bool, noColor: Bool) throws -> String {
        let folder = try TollgateProcess.temporaryFolder()
        let file = folder.appendingPathComponent("bad.yaml")
        try "name: x\nscenarios:\n  - name: a\n    steps:\n      - request: { path: /api/ }\n        expect: { stauts: 200 }\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        let command = "'\(TollgateProcess.executable.path)' lint '\(file.path)'"
        if terminal {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            process.arguments = ["-qec", command, "/dev/null"]
        } else {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", command + " 2>&1"]
        }
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "NO_COLOR")
        if noColor { environment["NO_COLOR"] = "1" }
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test("a terminal gets colour")
    func terminal() throws {
        let output = try lintOutput(terminal: true, noColor: false)
        #expect(output.contains("unknown key"))
        #expect(output.contains(Self.escape))
    }

    @Test("NO_COLOR turns colour off, even on a terminal")
    func noColor() throws {
        let output = try lintOutput(terminal: true, noColor: true)
        #expect(output.contains("unknown key"))
        #expect(!output.contains(Self.escape))
    }

    @Test("a pipe gets no colour")
    func pipe() throws {
        let output = try lintOutput(terminal: false, noColor: false)
        #expect(output.contains("unknown key"))
        #expect(!output.contains(Self.escape))
    }
}
