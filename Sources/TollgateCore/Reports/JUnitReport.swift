import Foundation
import TollgateXML

/// The JUnit XML format that Jenkins, GitLab, GitHub and Azure read the same way (DESIGN.md §5): a
/// `<testsuites>` root, one `<testsuite>` per scenario file (with the server's fingerprint as
/// `<properties>`), one `<testcase>` per scenario, at most one of `<failure>`, `<error>`, `<skipped>`
/// per case, counts computed from the cases. ``JUnitWriter`` streams a run into it; this type renders
/// the pieces.
public struct JUnitReport: Sendable {
    /// The name of the `<testsuites>` root.
    public var name: String
    /// The host name written on every suite.
    public var hostname: String
    /// Applied to every piece of text written (defence in depth: the runner masks too).
    public var masker: SecretMasker
    /// Adds non-standard `file`/`line` attributes to test cases (they break the Jenkins xUnit schema).
    public var includeFileAndLine: Bool

    /// Creates a renderer.
    public init(
        name: String = "tollgate", hostname: String = ProcessInfo.processInfo.hostName,
        masker: SecretMasker = SecretMasker(), includeFileAndLine: Bool = false
    ) {
        self.name = name
        self.hostname = hostname
        self.masker = masker
        self.includeFileAndLine = includeFileAndLine
    }

    /// The XML declaration and the `<testsuites>` start tag with the run's counts.
    func opening(_ run: RunReport) -> String {
        let tally = run.tally
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"\(attribute(name))\" tests=\"\(tally.total)\" failures=\"\(tally.failed)\" "
        xml += "errors=\"\(tally.errored)\" time=\"\(TimeFormatting.seconds(run.duration))\">\n"
        return xml
    }

    /// The `</testsuites>` end tag.
    let closing = "</testsuites>\n"

    /// A `<testsuite>` start tag with its counts, and the fingerprint as `<properties>`
    /// (`fingerprint.NAME` per fact, `fingerprint.note` per note).
    func suiteOpening(
        name suiteName: String, tally: Tally, duration: Duration, startedAt: Date, fingerprint: Fingerprint
    ) -> String {
        var xml = "  <testsuite name=\"\(attribute(suiteName))\" tests=\"\(tally.total)\" "
        xml += "failures=\"\(tally.failed)\" errors=\"\(tally.errored)\" skipped=\"\(tally.skipped)\" "
        xml += "time=\"\(TimeFormatting.seconds(duration))\" "
        xml += "timestamp=\"\(TimeFormatting.timestamp(startedAt))\" hostname=\"\(attribute(hostname))\">\n"
        let properties = fingerprint.facts.map { ("fingerprint.\($0.name)", $0.value) }
            + fingerprint.notes.map { ("fingerprint.note", $0) }
        if !properties.isEmpty {
            xml += "    <properties>\n"
            for (name, value) in properties {
                xml += "      <property name=\"\(attribute(name))\" value=\"\(attribute(value))\"/>\n"
            }
            xml += "    </properties>\n"
        }
        return xml
    }

    /// The `</testsuite>` end tag.
    let suiteClosing = "  </testsuite>\n"

    /// One `<testcase>` element.
    func testcase(_ scenario: ScenarioReport) -> String {
        render(scenario, classname: Self.classname(forFile: scenario.suiteFile))
    }

    /// Checks, before a run, that a report (`what`) can be written at `path`; returns a message saying why not.
    public static func problemWriting(to path: String, what: String = "the JUnit report") -> String? {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            return "cannot write \(what) to \(path): folder \(directory) does not exist"
        }
        guard isDirectory.boolValue else {
            return "cannot write \(what) to \(path): \(directory) is not a folder"
        }
        guard FileManager.default.isWritableFile(atPath: directory) else {
            return "cannot write \(what) to \(path): folder \(directory) is not writable"
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            return "cannot write \(what) to \(path): it is a folder"
        }
        return nil
    }

    private func render(_ scenario: ScenarioReport, classname: String) -> String {
        var xml = "    <testcase name=\"\(attribute(scenario.name))\" classname=\"\(attribute(classname))\" "
        xml += "time=\"\(TimeFormatting.seconds(scenario.duration))\""
        if includeFileAndLine {
            xml += " file=\"\(attribute(scenario.location.file))\" line=\"\(scenario.location.line)\""
        }
        let renderer = FindingRenderer(useColor: false)
        let steps = stepLog(scenario)
        switch scenario.outcome {
        case .passed:
            if steps.isEmpty { return xml + "/>\n" }
        case .failed(let finding):
            xml += ">\n      <failure message=\"\(attribute(finding.message))\" type=\"assertion\">"
            xml += text(renderer.render(finding)) + "</failure>"
        case .errored(let finding):
            xml += ">\n      <error message=\"\(attribute(finding.message))\" type=\"error\">"
            xml += text(renderer.render(finding)) + "</error>"
        case .skipped(let reason), .notRun(let reason):
            xml += ">\n      <skipped message=\"\(attribute(reason))\"/>"
        }
        if case .passed = scenario.outcome { xml += ">" }
        if !steps.isEmpty {
            xml += "\n      <system-out>\(text(steps))</system-out>"
        }
        return xml + "\n    </testcase>\n"
    }

    /// One line per step and exchange: what ran, when, and how it ended.
    private func stepLog(_ scenario: ScenarioReport) -> String {
        var lines: [String] = []
        for step in scenario.steps {
            lines.append("\(step.outcome.label) \(step.phase.rawValue) \"\(step.name)\" (\(TimeFormatting.human(step.duration)))")
            for exchange in step.exchanges {
                let status = exchange.response.map { String($0.status) } ?? "no response"
                let note = exchange.note.map { " \($0)" } ?? ""
                lines.append(
                    "  #\(exchange.attempt) +\(TimeFormatting.human(exchange.offset)) \(exchange.request.method) "
                        + "\(exchange.request.url) -> \(status) in \(TimeFormatting.human(exchange.duration))\(note)")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `Specs/agents/jobs.yaml` → `agents.jobs`: stable, unique per file, readable in CI tables.
    public static func classname(forFile file: String) -> String {
        ScenarioID.fileStem(file).replacingOccurrences(of: "/", with: ".")
    }

    private func attribute(_ value: String) -> String {
        XMLEscaping.escapeAttribute(XMLEscaping.removingInvalidXMLCharacters(masker(value)))
    }

    private func text(_ value: String) -> String {
        XMLEscaping.escapeText(XMLEscaping.removingInvalidXMLCharacters(masker(value)))
    }
}
