import Testing

@testable import TollgateServer

/// Task states derive from the clock: checked at exact instants, no sleeping.
@Suite("Task states")
struct TaskRecordTests {
    static let start = ContinuousClock().now

    static func record(_ outcome: TaskOutcome, sync: Bool = false) -> TaskRecord {
        TaskRecord(
            number: 7, sessionID: "s", operation: "UpdateJob", created: start, outcome: outcome,
            passesThroughOperationFinished: sync)
    }

    @Test("Running until the duration has passed, then Finished with the Result")
    func succeeds() {
        let task = Self.record(.succeeds(message: "Ok"))
        let running = task.snapshot(at: Self.start + .milliseconds(999), duration: .seconds(1))
        #expect(running.id == "task-7")
        #expect(running.state == "Running")
        #expect(running.result == nil)
        let finished = task.snapshot(at: Self.start + .seconds(1), duration: .seconds(1))
        #expect(finished.state == "Finished")
        #expect(finished.result?.success == true)
        #expect(finished.result?.message == "Ok")
    }

    @Test("a failing task finishes Success false; a never-finishing one stays Running")
    func faults() {
        let failed = Self.record(.fails(message: "Disk full")).snapshot(at: Self.start + .seconds(2), duration: .seconds(1))
        #expect(failed.state == "Finished")
        #expect(failed.result?.success == false)
        #expect(failed.result?.message == "Disk full")
        let stuck = Self.record(.neverFinishes).snapshot(at: Self.start + .seconds(86_400), duration: .seconds(1))
        #expect(stuck.state == "Running")
        #expect(stuck.result == nil)
    }

    @Test("sync: Running, OperationFinished for one duration, then Finished")
    func sync() {
        let task = Self.record(.succeeds(message: "OperationFinished"), sync: true)
        let states = [0, 999, 1000, 1999, 2000].map {
            task.snapshot(at: Self.start + .milliseconds($0), duration: .seconds(1)).state
        }
        #expect(states == ["Running", "Running", "OperationFinished", "OperationFinished", "Finished"])
        #expect(task.snapshot(at: Self.start + .milliseconds(1500), duration: .seconds(1)).result?.message == "OperationFinished")
    }

    @Test("a zero duration finishes at once")
    func zero() {
        #expect(Self.record(.succeeds(message: "Ok")).snapshot(at: Self.start, duration: .zero).state == "Finished")
    }
}
