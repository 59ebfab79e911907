import Crypto
import Foundation
import Synchronization

/// Writes the HTML report (`Reports/report.html`) while the run goes, from the same entries as the run
/// record: one self-contained file — inline CSS and JavaScript, the data as JSON in a
/// `<script type="application/json">` block — that opens from `file://` with no network access at all
/// (its Content-Security-Policy forbids every fetch and runs only the report's own script).
///
/// Each scenario is encoded and written as soon as it finishes; repeated texts go to a bounded string
/// table written at the end, so memory stays bounded. Everything goes to a temporary file beside the
/// destination, renamed over it by ``finish(_:)``. Safe to call from any thread.
public final class HTMLReportWriter: Sendable {
    /// Where the report goes.
    public let path: String
    private let temporaryPath: String
    private let masker: SecretMasker
    private let sourceLines: [String: [String]]
    private let state: Mutex<State>

    private struct State: @unchecked Sendable {  // FileHandle is only used under the lock
        var handle: FileHandle?
        var encoder = HTMLDataEncoder()
        var scenarios = 0
        var problem: String?
    }

    /// Starts a report at `path`; `suites` give the source lines shown beside findings.
    public init(path: String, header: RunRecordHeader, suites: [Suite], masker: SecretMasker) throws {
        self.path = path
        self.masker = masker
        var lines: [String: [String]] = [:]
        for suite in suites { lines[suite.file] = suite.sourceLines }
        sourceLines = lines
        let destination = URL(fileURLWithPath: path)
        temporaryPath = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
            .path
        guard FileManager.default.createFile(atPath: temporaryPath, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporaryPath)
        else {
            throw ReportWriteError("cannot create \(temporaryPath)")
        }
        let opening = HTMLReportAssets.documentStart(scriptHash: Self.scriptHash)
            + "{\"header\":" + HTMLDataEncoder.scriptSafe(try Self.encode(header)) + ",\"scenarios\":["
        state = Mutex(State(handle: handle))
        write(opening)
    }

    /// Appends a finished scenario. A write problem is remembered and reported by ``finish(_:)``.
    public func append(_ scenario: ScenarioReport) {
        let record = ScenarioRecord(scenario, masker: masker)
        state.withLock { state in
            var line = state.scenarios == 0 ? "\n" : ",\n"
            state.encoder.write(record, sourceLines: { self.sourceLines[$0] }, masker: masker)
            line += state.encoder.take()
            state.scenarios += 1
            Self.write(line, in: &state)
        }
    }

    /// Writes the footer and the string table, closes the file and renames it into place.
    public func finish(_ footer: RunRecordFooter) throws {
        let footerJSON = HTMLDataEncoder.scriptSafe(try Self.encode(footer))
        let problem = state.withLock { state -> String? in
            var tail = "\n],\"footer\":" + footerJSON + ",\"strings\":["
            for (index, text) in state.encoder.strings.entries.enumerated() {
                tail += index == 0 ? "\n" : ",\n"
                HTMLDataEncoder.appendQuoted(text, to: &tail)
            }
            tail += "\n]}" + HTMLReportAssets.documentEnd
            Self.write(tail, in: &state)
            do {
                try state.handle?.synchronize()
                try state.handle?.close()
            } catch {
                state.problem = state.problem ?? "cannot close \(temporaryPath): \(error)"
            }
            state.handle = nil
            return state.problem
        }
        if let problem {
            abandon()
            throw ReportWriteError(problem)
        }
        if rename(temporaryPath, path) != 0 {
            let code = errno
            abandon()
            throw ReportWriteError("cannot rename the HTML report into place: \(String(cString: strerror(code)))")
        }
    }

    /// Removes the temporary file (the destination is left as it was).
    public func abandon() {
        state.withLock { state in
            try? state.handle?.close()
            state.handle = nil
        }
        try? FileManager.default.removeItem(atPath: temporaryPath)
    }

    /// The Content-Security-Policy hash of the report's script: only that script may run.
    static let scriptHash: String = {
        let digest = SHA256.hash(data: Data(HTMLReportAssets.script.utf8))
        return "sha256-" + Data(digest).base64EncodedString()
    }()

    private func write(_ text: String) {
        state.withLock { Self.write(text, in: &$0) }
    }

    private static func write(_ text: String, in state: inout State) {
        guard state.problem == nil, let handle = state.handle else { return }
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            state.problem = "cannot write the HTML report: \(error)"
        }
    }

    private static func encode<Value: Encodable>(_ value: Value) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}
