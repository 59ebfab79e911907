import Foundation
import Synchronization

/// Writes the run record while the run goes: the header when created, each scenario as soon as it
/// finishes (then the caller can drop it), and the footer at the end.
///
/// Everything goes to a temporary file beside the destination, renamed over it by ``finish(_:)``, so
/// the destination always holds a complete record: the previous one until the new one is complete.
/// The file is one JSON object; each scenario entry is one line inside its `scenarios` array.
/// Safe to call from any thread.
public final class RunRecordWriter: Sendable {
    /// Where the record goes.
    public let path: String
    private let temporaryPath: String
    private let masker: SecretMasker
    private let state: Mutex<State>

    private struct State: @unchecked Sendable {  // FileHandle is only used under the lock
        var handle: FileHandle?
        var scenarios = 0
        var problem: String?
    }

    /// Starts a record at `path` (written to a temporary file until ``finish(_:)``).
    public init(path: String, header: RunRecordHeader, masker: SecretMasker) throws {
        self.path = path
        self.masker = masker
        let destination = URL(fileURLWithPath: path)
        temporaryPath = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
            .path
        guard FileManager.default.createFile(atPath: temporaryPath, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporaryPath)
        else {
            throw ReportWriteError("cannot create \(temporaryPath)")
        }
        var opening = try Self.encode(header)
        opening.removeLast()  // the closing brace: the scenarios and the footer follow
        opening += Data(#","scenarios":["#.utf8)
        state = Mutex(State(handle: handle))
        write(opening)
    }

    /// Appends a finished scenario. A write problem is remembered and reported by ``finish(_:)``.
    public func append(_ scenario: ScenarioReport) {
        let entry: Data
        do {
            entry = try Self.encode(ScenarioRecord(scenario, masker: masker))
        } catch {
            state.withLock { $0.problem = $0.problem ?? "cannot encode scenario \(scenario.id): \(error)" }
            return
        }
        state.withLock { state in
            var line = Data((state.scenarios == 0 ? "\n" : ",\n").utf8)
            line += entry
            state.scenarios += 1
            Self.write(line, in: &state)
        }
    }

    /// Writes the footer, closes the file and renames it into place.
    public func finish(_ footer: RunRecordFooter) throws {
        var closing = try Self.encode(footer)
        closing.removeFirst()  // the opening brace: the footer's members continue the header's object
        var tail = Data("\n],".utf8)
        tail += closing
        tail += Data("\n".utf8)
        write(tail)
        let problem = state.withLock { state -> String? in
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
            throw ReportWriteError("cannot rename the record into place: \(String(cString: strerror(code)))")
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

    private func write(_ data: Data) {
        state.withLock { Self.write(data, in: &$0) }
    }

    private static func write(_ data: Data, in state: inout State) {
        guard state.problem == nil, let handle = state.handle else { return }
        do {
            try handle.write(contentsOf: data)
        } catch {
            state.problem = "cannot write the record: \(error)"
        }
    }

    private static func encode<Value: Encodable>(_ value: Value) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}
