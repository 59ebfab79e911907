import Foundation

/// Where every finished scenario goes, from the one ``ScenarioReport`` value: the run record (streamed
/// as it comes), the JUnit report (spooled, assembled at the end) and the console's failure details
/// (spooled, printed at the end, in input order). The reports are derived from the same data and
/// nothing is kept in memory per scenario but an index entry. Safe from any thread.
public final class RunReporters: Sendable {
    /// The run record, when it could be started.
    public let record: RunRecordWriter?
    /// The JUnit report.
    public let junit: JUnitWriter
    /// The HTML report, unless `--no-html` or it could not be started.
    public let html: HTMLReportWriter?
    private let details: OrderedSpool
    private let console: ConsoleFormatter

    /// Sets the reporters up; throws when the JUnit spool or the details spool cannot be created.
    public init(
        record: RunRecordWriter?, junit: JUnitWriter, html: HTMLReportWriter? = nil, console: ConsoleFormatter
    ) throws {
        self.record = record
        self.junit = junit
        self.html = html
        self.console = console
        details = try OrderedSpool.temporary(named: "details")
    }

    /// Hands a finished scenario to every report.
    public func add(_ scenario: ScenarioReport) {
        record?.append(scenario)
        html?.append(scenario)
        junit.append(scenario)
        if let text = console.details(scenario) {
            details.append(key: scenario.ordinal, text)
        }
    }

    /// Calls `body` with the failure details of each failed or errored scenario, in input order; the
    /// spool is removed afterwards.
    public func forEachFailureDetail(_ body: (String) -> Void) throws {
        defer { details.remove() }
        try details.forEachInOrder { _, text in body(text) }
    }

    /// Removes the spool files without writing the JUnit report (the run record is left as it was).
    public func abandon() {
        details.remove()
        junit.abandon()
        record?.abandon()
        html?.abandon()
    }
}
