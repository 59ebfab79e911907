/// How a task ends, decided when it is created (faults can change it).
enum TaskOutcome: Sendable, Equatable {
    /// Finished, `Success="true"`, with this `Message`.
    case succeeds(message: String)
    /// Finished, `Success="false"`, with this `Message` (fault `task-fails`).
    case fails(message: String)
    /// Running forever (fault `task-never-finishes`).
    case neverFinishes
}
