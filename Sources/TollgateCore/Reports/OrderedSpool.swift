import Foundation
import Synchronization

/// Texts kept on disk instead of in memory until the end of a run, then read back in the order of
/// their keys (the scenarios' ordinals): how the JUnit report and the console's failure details stay
/// in input order while memory holds only a small index entry per scenario. Safe from any thread.
public final class OrderedSpool: Sendable {
    private struct Entry {
        var key: Int
        var group: String
        var offset: UInt64
        var length: Int
    }

    private struct State: @unchecked Sendable {  // FileHandle is only used under the lock
        var handle: FileHandle?
        var entries: [Entry] = []
        var size: UInt64 = 0
        var problem: String?
    }

    /// The spool file (removed by ``remove()``).
    public let path: String
    private let state: Mutex<State>

    /// Creates an empty spool file at `path` (replacing one left by a killed run).
    public init(path: String) throws {
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forUpdatingAtPath: path)
        else {
            throw ReportWriteError("cannot create the spool file \(path)")
        }
        state = Mutex(State(handle: handle))
    }

    /// A spool in the system's temporary folder.
    public static func temporary(named name: String) throws -> OrderedSpool {
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("tollgate-\(name)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        return try OrderedSpool(path: file.path)
    }

    /// Appends a text under `key`, tagged with `group` (e.g. the suite it belongs to). A write problem
    /// is remembered and thrown by ``forEachInOrder(_:)``.
    public func append(key: Int, group: String = "", _ text: String) {
        let data = Data(text.utf8)
        state.withLock { state in
            guard state.problem == nil, let handle = state.handle else { return }
            do {
                try handle.seekToEnd()
                try handle.write(contentsOf: data)
                state.entries.append(Entry(key: key, group: group, offset: state.size, length: data.count))
                state.size += UInt64(data.count)
            } catch {
                state.problem = "cannot write the spool file \(path): \(error)"
            }
        }
    }

    /// How many texts were appended.
    public var count: Int { state.withLock { $0.entries.count } }

    /// Calls `body` with every text and its group in key order (equal keys in the order appended).
    public func forEachInOrder(_ body: (_ group: String, _ text: String) throws -> Void) throws {
        try state.withLock { state in
            if let problem = state.problem { throw ReportWriteError(problem) }
            guard let handle = state.handle else { return }
            let ordered = state.entries.enumerated().sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }
            for (_, entry) in ordered {
                try handle.seek(toOffset: entry.offset)
                let data = try handle.read(upToCount: entry.length) ?? Data()
                try body(entry.group, String(decoding: data, as: UTF8.self))
            }
        }
    }

    /// Closes and deletes the spool file.
    public func remove() {
        state.withLock { state in
            try? state.handle?.close()
            state.handle = nil
        }
        try? FileManager.default.removeItem(atPath: path)
    }
}
