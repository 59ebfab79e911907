/// A task at one moment, ready to render.
struct TaskSnapshot: Sendable, Equatable {
    /// `task-N`.
    var id: String
    /// `Running`, `OperationFinished` or `Finished`.
    var state: String
    var operation: String
    /// `Result` once the task is done; nil while Running (no `Result` element then).
    var result: (success: Bool, message: String)?

    static func == (lhs: TaskSnapshot, rhs: TaskSnapshot) -> Bool {
        lhs.id == rhs.id && lhs.state == rhs.state && lhs.operation == rhs.operation
            && lhs.result?.success == rhs.result?.success && lhs.result?.message == rhs.result?.message
    }
}
