import NIOCore

/// Runs a task's jobs on one NIO event loop, the loop its HTTP connections live on.
///
/// A scenario that runs on the cooperative pool hops threads on every request: the request is handed to the
/// event loop, and the response wakes the scenario up on another thread. With this executor preferred, the
/// scenario's code runs on the event loop itself, so AsyncHTTPClient picks connections on that loop, and
/// sending, receiving and resuming happen on one thread without a wake-up in between.
final class EventLoopTaskExecutor: TaskExecutor {
    private let loop: any EventLoop

    /// An executor for `loop`.
    init(_ loop: any EventLoop) {
        self.loop = loop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        loop.execute { job.runSynchronously(on: executor) }
    }
}
