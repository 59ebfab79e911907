/// Hands the bound port from Hummingbird's `onServerRunning` callback (or the failure of the
/// server task) to the caller of ``EnterpriseManagerServer/start()``. Resolves once.
final class StartupSignal: Sendable {
    private struct Waiting: Sendable {
        var result: Result<Int, any Error>?
        var continuation: CheckedContinuation<Int, any Error>?
    }

    private let waiting = LockedValue(Waiting())

    /// Records the outcome; only the first call counts.
    func resolve(_ result: Result<Int, any Error>) {
        let continuation = waiting.withLock { state -> CheckedContinuation<Int, any Error>? in
            guard state.result == nil else { return nil }
            state.result = result
            let continuation = state.continuation
            state.continuation = nil
            return continuation
        }
        continuation?.resume(with: result)
    }

    /// Waits for ``resolve(_:)``.
    func wait() async throws -> Int {
        try await withCheckedThrowingContinuation { continuation in
            let ready = waiting.withLock { state -> Result<Int, any Error>? in
                if let result = state.result { return result }
                state.continuation = continuation
                return nil
            }
            if let ready {
                continuation.resume(with: ready)
            }
        }
    }
}
