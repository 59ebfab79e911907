import Synchronization

/// How many signals arrived, shared between signal handlers.
final class SignalCount: Sendable {
    private let count = Mutex(0)

    /// Adds one and returns the new count.
    func increment() -> Int {
        count.withLock {
            $0 += 1
            return $0
        }
    }
}
