import TollgateXML

/// A comparison as JUnit XML: one test suite, one test case per scenario of either run; a regression or
/// unapproved breaking drift is a `<failure>` listing the differences; a scenario in one run only is
/// `<skipped>`. Accepted by `../shared/tools/junit-check`.
public enum ComparisonJUnitReport {
    /// The document.
    public static func render(_ comparison: Comparison, strict: Bool) -> String {
        let failures = comparison.scenarios.filter(\.fails).count
        let skipped = comparison.scenarios.filter { !$0.fails && ($0.baseOutcome == nil || $0.candidateOutcome == nil) }.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"tollgate compare\" tests=\"\(comparison.scenarios.count)\" failures=\"\(failures)\" errors=\"0\">\n"
        out += "  <testsuite name=\"\(attribute("compare " + comparison.base.record + " " + comparison.candidate.record))\" tests=\"\(comparison.scenarios.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\">\n"
        for scenario in comparison.scenarios {
            out += "    <testcase classname=\"\(attribute(scenario.suite))\" name=\"\(attribute(scenario.id))\">"
            if scenario.fails {
                let failing = scenario.differences.filter(\.fails)
                let first = failing[0]
                let message = "\(first.kind.rawValue) \(first.path): \(ComparisonSummary.change(first))"
                    + (failing.count > 1 ? " (and \(failing.count - 1) more)" : "")
                out += "\n      <failure message=\"\(attribute(message))\" type=\"\(first.kind.rawValue)\">"
                out += text(scenario.differences.map(line).joined(separator: "\n"))
                out += "</failure>\n    "
            } else if scenario.baseOutcome == nil || scenario.candidateOutcome == nil {
                out += "\n      <skipped message=\"\(scenario.baseOutcome == nil ? "only in the candidate run" : "only in the base run")\"/>\n    "
            } else if !scenario.differences.isEmpty {
                out += "\n      <system-out>\(text(scenario.differences.map(line).joined(separator: "\n")))</system-out>\n    "
            }
            out += "</testcase>\n"
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    private static func line(_ difference: Difference) -> String {
        let label = difference.approval == nil ? difference.severity.rawValue : "approved"
        return "\(label) \(difference.kind.rawValue) \(difference.step.map { $0 + " " } ?? "")\(difference.path): \(ComparisonSummary.change(difference))"
    }

    private static func attribute(_ value: String) -> String {
        XMLEscaping.escapeAttribute(XMLEscaping.removingInvalidXMLCharacters(value))
    }

    private static func text(_ value: String) -> String {
        XMLEscaping.escapeText(XMLEscaping.removingInvalidXMLCharacters(value))
    }
}
