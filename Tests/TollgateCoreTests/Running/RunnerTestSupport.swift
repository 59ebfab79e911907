import Foundation
import Synchronization

@testable import TollgateCore

/// Collects events from a run (they may arrive from several tasks).
final class EventLog: Sendable {
    private let events = Mutex<[RunEvent]>([])

    func record(_ event: RunEvent) {
        events.withLock { $0.append(event) }
    }

    var all: [RunEvent] { events.withLock { $0 } }

    var finished: [ScenarioReport] {
        all.compactMap {
            if case .scenarioFinished(let report) = $0 { return report }
            return nil
        }
    }

    var started: [String] {
        all.compactMap {
            if case .scenarioStarted(let name, _) = $0 { return name }
            return nil
        }
    }
}

/// A run's report with the scenarios the runner handed over (it keeps none), back in input order.
struct CollectedRun {
    /// One suite's scenarios.
    struct CollectedSuite {
        var name: String
        var file: String
        var scenarios: [ScenarioReport]
    }

    let report: RunReport
    /// Every scenario, in input order (by ordinal).
    let scenarios: [ScenarioReport]

    init(_ report: RunReport, _ events: EventLog) {
        self.report = report
        scenarios = events.finished.sorted { $0.ordinal < $1.ordinal }
    }

    /// The scenarios grouped by suite file, in input order.
    var suites: [CollectedSuite] {
        var suites: [CollectedSuite] = []
        for scenario in scenarios {
            if suites.last?.file == scenario.suiteFile {
                suites[suites.count - 1].scenarios.append(scenario)
            } else {
                suites.append(CollectedSuite(name: scenario.suiteName, file: scenario.suiteFile, scenarios: [scenario]))
            }
        }
        return suites
    }

    var tally: Tally { report.tally }
    var interrupted: Bool { report.interrupted }
    var fingerprint: Fingerprint { report.fingerprint }
}

enum RunnerTestSupport {
    /// A configuration for `server` with the stub's credentials and a short timeout.
    static func configuration(
        _ baseURL: String, logOn: Bool = true, timeout: Duration = .seconds(15), jobs: Int = 1
    ) -> RunConfiguration {
        RunConfiguration(
            baseURL: baseURL,
            credentials: logOn
                ? Credentials(user: StubEnterpriseManager.user, password: StubEnterpriseManager.password) : nil,
            jobs: jobs, requestTimeout: timeout)
    }

    /// Runs and returns the report (with the finished scenarios collected from the events), the events
    /// and the masker used.
    static func run(
        _ suites: [Suite], _ configuration: RunConfiguration
    ) async -> (report: CollectedRun, events: EventLog, masker: SecretMasker) {
        let masker = SecretMasker()
        let events = EventLog()
        let report = await Runner(configuration: configuration, masker: masker).run(suites) { events.record($0) }
        return (CollectedRun(report, events), events, masker)
    }

    /// Every string in a value, as `dump` prints it (to search for secrets).
    static func dumpText(_ value: Any) -> String {
        var text = ""
        dump(value, to: &text, maxDepth: .max, maxItems: .max)
        return text
    }
}

extension Outcome {
    var isPassed: Bool {
        if case .passed = self { return true }
        return false
    }

    var isFailed: Bool {
        if case .failed = self { return true }
        return false
    }

    var isErrored: Bool {
        if case .errored = self { return true }
        return false
    }

    var notRunReason: String? {
        if case .notRun(let reason) = self { return reason }
        return nil
    }
}

extension FaultServer {
    /// The requests the scenarios sent: all but the Enterprise Manager profile's fingerprint probe (`GET /api/`).
    var scenarioRequests: [Request] {
        requests.filter { !($0.method == "GET" && $0.path == "/api/") }
    }
}

extension RunConfiguration {
    /// The configuration with the stub's credentials (used by `auth: basic`) but no run logon needed.
    func with(credentials: Bool) -> RunConfiguration {
        var copy = self
        copy.credentials =
            credentials ? Credentials(user: StubEnterpriseManager.user, password: StubEnterpriseManager.password) : nil
        return copy
    }
}
