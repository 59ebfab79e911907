import Dispatch
import Foundation

/// Turns SIGINT and SIGTERM into task cancellation, so the runner can stop, log off and report.
enum SignalTrap {
    /// Runs `work` in a task that is cancelled on the first SIGINT or SIGTERM; a second signal exits at once.
    static func cancellingOnInterrupt<T: Sendable>(_ work: @escaping @Sendable () async -> T) async -> T {
        let task = Task { await work() }
        let seen = SignalCount()
        let sources = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if seen.increment() > 1 {
                    Terminal.err("tollgate: second signal, exiting without a report")
                    _exit(130)
                }
                Terminal.err("tollgate: interrupted; finishing the report")
                task.cancel()
            }
            source.resume()
            return source
        }
        let result = await task.value
        sources.forEach { $0.cancel() }
        return result
    }
}
