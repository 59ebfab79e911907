import Synchronization

/// Counts finished scenarios for the `[n/total]` console prefix, from any thread.
final class ProgressCounter: Sendable {
    private let value = Mutex(0)

    /// The next number, starting at 1.
    func next() -> Int {
        value.withLock {
            $0 += 1
            return $0
        }
    }
}
