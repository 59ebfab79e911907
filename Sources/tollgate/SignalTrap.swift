import Dispatch
import Foundation

/// Turns SIGINT and SIGTERM into an orderly stop: the first signal runs an action (cancel the run,
/// stop the server), a second one exits at once.
enum SignalTrap {
    /// Installs the handlers; keep the returned sources alive as long as the trap should hold.
    static func install(onFirstSignal action: @escaping @Sendable () -> Void) -> [DispatchSourceSignal] {
        let seen = SignalCount()
        return [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if seen.increment() > 1 {
                    Terminal.err("tollgate: second signal, exiting at once")
                    _exit(130)
                }
                action()
            }
            source.resume()
            return source
        }
    }

    /// Runs `work` in a task that is cancelled on the first SIGINT or SIGTERM.
    static func cancellingOnInterrupt<T: Sendable>(_ work: @escaping @Sendable () async -> T) async -> T {
        let task = Task { await work() }
        let sources = install {
            Terminal.err("tollgate: interrupted; finishing the report")
            task.cancel()
        }
        let result = await task.value
        sources.forEach { $0.cancel() }
        return result
    }
}
