import Foundation

/// A value guarded by a lock, readable and writable from any thread.
///
/// Used where a synchronous accessor is part of the API (``RunningServer/requestCount``)
/// or where a callback from NIO must hand a value to async code.
final class LockedValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with exclusive access to the value.
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }

    /// The current value.
    var current: Value {
        withLock { $0 }
    }
}
