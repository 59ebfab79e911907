import TollgateXML

/// A comparison as one self-contained HTML page (`tollgate compare --html PATH`): no script, no network
/// (a Content-Security-Policy forbids both), inline CSS. Regressions first, then drift grouped by severity
/// and path with both values side by side, approvals and stale approvals marked. Every colour has a text
/// label beside it; everything from a server or a record is escaped, so a body holding markup shows as text.
public enum ComparisonHTMLReport {
    /// The page.
    public static func render(_ comparison: Comparison, strict: Bool) -> String {
        let verdict = ComparisonSummary.verdict(comparison, strict: strict).split(separator: ":", maxSplits: 1).last
            .map { String($0.dropFirst()) } ?? ""
        let failed = comparison.fails(strict: strict)
        var out = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(failed ? "FAILED" : "PASSED") · compare · Tollgate</title>
            <style>\(css)</style></head><body>
            <header><h1><span class="\(failed ? "bad" : "good")">\(failed ? "FAILED" : "PASSED")</span> \(text(verdict))</h1>
            <dl>
            """
        out += "<dt>Base</dt><dd>\(text(comparison.base.record)) (\(text(comparison.base.baseURL)))</dd>"
        out += "<dt>Candidate</dt><dd>\(text(comparison.candidate.record)) (\(text(comparison.candidate.baseURL)))</dd>"
        if let change = ComparisonSummary.fingerprintChange(comparison) { out += "<dt>Server</dt><dd>\(text(change))</dd>" }
        out += "</dl>\n<ul class=\"counts\">"
        let counts: [(String, Int)] = [
            ("regressions", comparison.count(.regression)), ("fixes", comparison.count(.fix)),
            ("breaking", comparison.count(.breaking)), ("changed", comparison.count(.changed)),
            ("additive", comparison.count(.additive)), ("approved", comparison.approvedCount),
            ("stale", comparison.staleApprovals.count),
        ]
        for (name, count) in counts { out += "<li class=\"\(name)\"><span data-count=\"\(name)\">\(count)</span> \(name)</li>" }
        out += "</ul></header>\n<main>\n"
        let groups = ComparisonSummary(comparison).groups
        let sections: [(String, String, [ComparisonSummary.Group])] = [
            ("regressions", "Regressions", groups.filter { $0.first.kind == .regression && $0.first.approval == nil }),
            ("breaking", "Breaking drift", groups.filter { $0.first.kind != .regression && $0.first.severity == .breaking && $0.first.approval == nil }),
            ("changed", "Changed", groups.filter { $0.first.severity == .changed && $0.first.approval == nil }),
            ("additive", "Additive", groups.filter { $0.first.severity == .additive && $0.first.approval == nil }),
            ("approved", "Approved", groups.filter { $0.first.approval != nil }),
        ]
        for (id, title, members) in sections where !members.isEmpty {
            out += "<section id=\"\(id)\"><h2>\(title) (\(members.count))</h2>\n"
            out += "<table><thead><tr><th>Label</th><th>Kind</th><th>Path</th><th>Base</th><th>Candidate</th><th>Where</th></tr></thead><tbody>\n"
            for group in members { out += row(group) }
            out += "</tbody></table></section>\n"
        }
        if groups.isEmpty { out += "<p class=\"none\">No differences.</p>\n" }
        if !comparison.staleApprovals.isEmpty {
            out += "<section id=\"stale\"><h2>Stale approvals (\(comparison.staleApprovals.count))</h2><ul>"
            for approval in comparison.staleApprovals {
                out += "<li><span class=\"label \(strict ? "bad" : "warn")\">STALE</span> line \(approval.line): "
                    + "<code>\(text(approval.kind.rawValue))</code> <code>\(text(approval.path))</code> matched nothing — \(text(approval.reason))</li>"
            }
            out += "</ul></section>\n"
        }
        if !comparison.notes.isEmpty {
            out += "<section id=\"notes\"><h2>Notes</h2><ul>" + comparison.notes.map { "<li>\(text($0))</li>" }.joined() + "</ul></section>\n"
        }
        out += "</main></body></html>\n"
        return out
    }

    private static func row(_ group: ComparisonSummary.Group) -> String {
        let difference = group.first
        let label: String
        if let approval = difference.approval {
            label = "<span class=\"label ok\">APPROVED</span> <small>\(text(approval.reason))\(approval.ticket.map { " [\(text($0))]" } ?? "")</small>"
        } else {
            label = "<span class=\"label \(difference.severity.rawValue)\">\(difference.severity.rawValue.uppercased())</span>"
        }
        var out = "<tr data-kind=\"\(difference.kind.rawValue)\" data-severity=\"\(difference.approval == nil ? difference.severity.rawValue : "approved")\">"
        out += "<td>\(label)</td><td>\(text(difference.kind.rawValue))</td><td><code>\(text(group.pathText))</code></td>"
        out += "<td class=\"value\">\(value(difference.base))</td><td class=\"value\">\(value(difference.candidate))</td><td>"
        out += "<details><summary>\(group.scenarios.count) scenario\(group.scenarios.count == 1 ? "" : "s")\(difference.step.map { ", step " + text(String($0.split(separator: "#").last ?? "")) } ?? "")</summary><ul>"
        out += group.scenarios.map { "<li><code>\(text($0))</code></li>" }.joined() + "</ul>"
        if let reproduction = difference.reproduction {
            out += "<p><code>\(text(reproduction.request))</code></p><pre>\(text("# base\n" + reproduction.baseCurl + "\n# candidate\n" + reproduction.candidateCurl))</pre>"
        }
        out += "</details></td></tr>\n"
        return out
    }

    private static func value(_ value: String?) -> String {
        value.map { "<code>\(text($0))</code>" } ?? "<em>(absent)</em>"
    }

    private static func text(_ value: String) -> String {
        XMLEscaping.escapeText(XMLEscaping.removingInvalidXMLCharacters(value)).replacingOccurrences(of: "\"", with: "&quot;")
    }

    private static let css = """
        body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
        header{padding:12px 20px;background:#fff;border-bottom:1px solid #ddd}h1{font-size:20px;margin:4px 0}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:8px 0}dt{font-weight:600}dd{margin:0}
        .counts{list-style:none;padding:0;display:flex;gap:14px;flex-wrap:wrap}.counts span{font-weight:700}
        main{padding:8px 20px}table{border-collapse:collapse;width:100%;background:#fff}
        th,td{border:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}
        td.value code{white-space:pre-wrap;word-break:break-all}
        .label{display:inline-block;padding:0 6px;border-radius:3px;font-weight:700;font-size:12px}
        .good,.ok{color:#0a6b2a}.bad,.breaking{color:#b00020}.changed,.warn{color:#8a5a00}.additive{color:#1f4e9c}
        .label.breaking,.label.bad{background:#fde7ea}.label.changed,.label.warn{background:#fff3d6}
        .label.additive{background:#e6eefc}.label.ok{background:#e3f5e8}
        pre{white-space:pre-wrap;background:#f3f3f3;padding:6px}details summary{cursor:pointer}
        @media print{details{display:block}details>*{display:block}}
        """
}
