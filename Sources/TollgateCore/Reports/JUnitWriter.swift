import Foundation
import Synchronization

/// Streams a run into a JUnit report: each finished scenario's `<testcase>` is rendered at once and
/// spooled to disk (``OrderedSpool``), with only its suite's counts kept in memory; ``finish(_:)``
/// assembles the report — suites and cases in input order, counts computed from the cases — into a
/// temporary file beside `path` and renames it over `path`, so a killed run never leaves half a report.
/// Safe from any thread.
public final class JUnitWriter: Sendable {
    /// Where the report goes.
    public let path: String
    private let format: JUnitReport
    private let spool: OrderedSpool
    private let suites = Mutex<[String: SuiteTotals]>([:])

    /// What a `<testsuite>` start tag needs, gathered case by case.
    private struct SuiteTotals {
        var name: String
        var tally = Tally()
        var firstStart: Date
        var lastEnd: Date
    }

    /// Starts a report at `path`; the spool file sits beside it until ``finish(_:)``.
    public init(path: String, format: JUnitReport) throws {
        self.path = path
        self.format = format
        spool = try OrderedSpool(path: Self.sibling(of: path, suffix: "cases"))
    }

    /// Adds a finished scenario.
    public func append(_ scenario: ScenarioReport) {
        spool.append(key: scenario.ordinal, group: scenario.suiteFile, format.testcase(scenario))
        let end = scenario.startedAt.addingTimeInterval(TimeFormatting.secondsValue(scenario.duration))
        suites.withLock { suites in
            var totals = suites[scenario.suiteFile]
                ?? SuiteTotals(name: scenario.suiteName, firstStart: scenario.startedAt, lastEnd: end)
            totals.tally.add(scenario.outcome)
            totals.firstStart = min(totals.firstStart, scenario.startedAt)
            totals.lastEnd = max(totals.lastEnd, end)
            suites[scenario.suiteFile] = totals
        }
    }

    /// Writes the report for `run` and renames it into place; the spool file is removed either way.
    public func finish(_ run: RunReport) throws {
        defer { spool.remove() }
        let temporary = Self.sibling(of: path, suffix: "tmp")
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
            let output = FileHandle(forWritingAtPath: temporary)
        else {
            throw ReportWriteError("cannot create \(temporary)")
        }
        let totals = suites.withLock { $0 }
        do {
            // Buffered: one write per suite or 64 KiB, whichever comes first.
            var buffer = format.opening(run)
            func flush(over limit: Int) throws {
                guard buffer.utf8.count > limit else { return }
                try output.write(contentsOf: Data(buffer.utf8))
                buffer = ""
            }
            var currentSuite: String?
            try spool.forEachInOrder { suite, testcase in
                if suite != currentSuite {
                    if currentSuite != nil { buffer += format.suiteClosing }
                    currentSuite = suite
                    if let suiteTotals = totals[suite] {
                        let milliseconds = Int64((suiteTotals.lastEnd.timeIntervalSince(suiteTotals.firstStart) * 1000).rounded())
                        buffer += format.suiteOpening(
                            name: suiteTotals.name, tally: suiteTotals.tally, duration: .milliseconds(max(0, milliseconds)),
                            startedAt: suiteTotals.firstStart, fingerprint: run.fingerprint)
                    }
                }
                buffer += testcase
                try flush(over: 65_536)
            }
            if currentSuite != nil { buffer += format.suiteClosing }
            buffer += format.closing
            try flush(over: 0)
            try output.synchronize()
            try output.close()
        } catch {
            try? output.close()
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
        if rename(temporary, path) != 0 {
            let code = errno
            try? FileManager.default.removeItem(atPath: temporary)
            throw ReportWriteError("cannot rename the report into place: \(String(cString: strerror(code)))")
        }
    }

    /// Removes the spool file without writing a report.
    public func abandon() {
        spool.remove()
    }

    /// `.NAME.PID.SUFFIX` beside `path`.
    static func sibling(of path: String, suffix: String) -> String {
        let destination = URL(fileURLWithPath: path)
        return destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(suffix)")
            .path
    }
}
