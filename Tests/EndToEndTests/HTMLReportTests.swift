import Foundation
import Testing

/// The HTML report (`report.html`) written by the real binary and opened in headless Chromium: the rendered
/// DOM shows the counts, the fingerprint, the filters and the details; no secret is in the file or the DOM;
/// markup from a server renders as text and runs nothing. Without Chromium these tests say so and skip.
@Suite("The HTML report in a real browser", .enabled(if: HeadlessChromium.executable != nil, "\(HeadlessChromium.missing)"))
struct HTMLReportTests {
    /// Runs `arguments` with every report in a fresh folder; returns the outcome and the HTML report's URL.
    private func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> (TollgateProcess.Outcome, URL) {
        let folder = try TollgateProcess.temporaryFolder()
        let outcome = try await TollgateProcess.run(
            ["run"] + arguments + ["--junit", folder.appendingPathComponent("junit.xml").path], environment: environment, limit: 120)
        let html = folder.appendingPathComponent("report.html")
        #expect(FileManager.default.fileExists(atPath: html.path), "no report.html\nstdout:\n\(outcome.stdout)\nstderr:\n\(outcome.stderr)")
        #expect(outcome.stdout.contains("HTML report: \(html.path)"))
        return (outcome, html)
    }

    @Test("a green run: every count, the verdict, the fingerprint and a scenario opened by its #id link")
    func green() async throws {
        let (outcome, html) = try await run(["Specs"])
        #expect(outcome.status == 0, "stderr:\n\(outcome.stderr)")
        let dom = try await RenderedReport(HeadlessChromium.dumpDOM(html))
        let total = dom.scenarios.count
        #expect(total >= 10)
        #expect(dom.count("passed") == total)
        for kind in ["failed", "errored", "skipped", "known", "flaky"] { #expect(dom.count(kind) == 0, "\(kind)") }
        #expect(dom.visible == total)
        #expect(dom.text.contains("<title>PASSED · "))
        #expect(dom.text.contains(#"<dt>Server</dt><dd>Tollgate</dd>"#), "the fingerprint is missing")
        #expect(dom.scenarios.allSatisfy { !$0.open }, "a green run opens nothing by itself")

        // The #id link opens that scenario with its steps, exchanges and a curl line; secrets as variables.
        let id = "agent-jobs/togglescheduleenabled-returns-a-running-updatejob-task-that-finishes-ok-and-flips-the-flag"
        let opened = try await RenderedReport(HeadlessChromium.dumpDOM(html, fragment: id))
        let scenario = try #require(opened.scenarios.first { $0.id == id }, "\(dom.scenarios.map(\.id))")
        #expect(scenario.open)
        #expect(opened.text.contains("Poll attempts ("), "no poll timeline")
        #expect(opened.text.contains(">Finished<"), "the poll's last State")
        #expect(opened.text.contains("curl -X POST"))
        #expect(opened.text.contains(#"-H 'X-RestSvcSessionId: '"$X_RESTSVCSESSIONID""#), "the session id is not a variable in curl")
        #expect(opened.text.contains(#"<span class="x-t">"#), "no highlighted XML body")
    }

    @Test("a red run: counts, failing scenarios open with the caret diagnostic, filters by outcome, tag, file and text")
    func red() async throws {
        let (outcome, html) = try await run(["Tests/EndToEndTests/Fixtures/selftests/assertions.yaml"])
        #expect(outcome.status == 1)
        let dom = try await RenderedReport(HeadlessChromium.dumpDOM(html))
        let failed = dom.scenarios.filter { $0.outcome == "failed" }
        #expect(failed.count >= 10)
        #expect(dom.count("failed") == failed.count)
        #expect(dom.count("passed") == dom.scenarios.count - failed.count)
        #expect(dom.text.contains("<title>FAILED · Self-test assertions · Tollgate</title>"))
        #expect(failed.allSatisfy { $0.open }, "failing scenarios open by themselves")
        #expect(dom.text.contains(#"<span class="caret">"#), "no caret diagnostic")
        #expect(dom.text.contains("^ expected status 201, got 200"))
        #expect(dom.text.contains(#"<td class="bad"><span>FAIL</span></td><td>status</td><td>status</td><td>201</td><td>200</td>"#),
            "the failing assertion with expected and actual")

        let onlyPassed = try await RenderedReport(HeadlessChromium.dumpDOM(html, query: "outcome=passed"))
        #expect(onlyPassed.visible == dom.scenarios.count - failed.count)
        #expect(onlyPassed.scenarios.filter { !$0.hidden }.allSatisfy { $0.outcome == "passed" })
        let onlyFailed = try await RenderedReport(HeadlessChromium.dumpDOM(html, query: "outcome=failed"))
        #expect(onlyFailed.visible == failed.count)
        let byText = try await RenderedReport(HeadlessChromium.dumpDOM(html, query: "q=WRONG%20STATUS"))
        #expect(byText.scenarios.filter { !$0.hidden }.map(\.id) == ["Tests/EndToEndTests/Fixtures/selftests/assertions/a-wrong-status-code-fails"])
        let byTag = try await RenderedReport(HeadlessChromium.dumpDOM(html, query: "tag=no-such-tag"))
        #expect(byTag.visible == 0)
        let selftests = try await RenderedReport(HeadlessChromium.dumpDOM(html, query: "tag=selftest")).visible
        #expect(selftests > 0)
        let byFile = try await RenderedReport(HeadlessChromium.dumpDOM(html, query: "file=Tests/EndToEndTests/Fixtures/selftests/assertions.yaml&tag=selftest"))
        #expect(byFile.visible == selftests)
        let otherFile = try await RenderedReport(HeadlessChromium.dumpDOM(html, query: "file=Specs/tasks.yaml"))
        #expect(otherFile.visible == 0)
    }

    @Test("no secret in the file or the fully rendered DOM: password, Basic credentials, session ids, tokens")
    func noSecret() async throws {
        let password = "Html-Leak-Probe_7d1e"
        try await InProcessServer.with(password: password) { server in
            let (outcome, html) = try await run(
                ["Specs", "--base-url", server.url, "--user", InProcessServer.user], environment: ["TOLLGATE_PASSWORD": password])
            #expect(outcome.status == 0, "stderr:\n\(outcome.stderr)")
            let file = try String(contentsOf: html, encoding: .utf8)
            let dom = try await HeadlessChromium.dumpDOM(html, query: "open=all")
            let rendered = try RenderedReport(dom)
            #expect(rendered.scenarios.allSatisfy { $0.open }, "open=all draws every scenario")
            let credentials = Data("\(InProcessServer.user):\(password)".utf8).base64EncodedString()
            var secrets = [password, credentials]
            for id in server.running.issuedSessionIDs {
                secrets += [id, id.uppercased(), Data(id.utf8).base64EncodedString()]
            }
            #expect(secrets.count > 2, "the run logged on nowhere")
            for secret in secrets {
                #expect(!file.contains(secret), "report.html holds a secret")
                #expect(!dom.contains(secret), "the rendered report shows a secret")
            }
            #expect(dom.contains("***"), "nothing was masked, so nothing secret was near the report")
        }
    }

    @Test("a server's markup and scripts render as text and run nothing")
    func hostileBody() async throws {
        let server = try await StaticFileServer(folder: TollgateProcess.fixtures.appendingPathComponent("html"))
        defer { server.stop() }
        let (outcome, html) = try await run(["Tests/EndToEndTests/Fixtures/html/hostile.yaml", "--base-url", server.url])
        #expect(outcome.status == 1, "stdout:\n\(outcome.stdout)\nstderr:\n\(outcome.stderr)")
        let file = try String(contentsOf: html, encoding: .utf8)
        #expect(!file.contains("<script>document.title"), "the body is in the file unescaped")
        #expect(file.components(separatedBy: "</script>").count == 3, "only the data block and the renderer close a script")
        let dom = try await HeadlessChromium.dumpDOM(html)
        #expect(dom.contains("<title>FAILED · Hostile bodies · Tollgate</title>"), "the page's title changed: a script ran")
        #expect(!dom.contains("PWNED</title>"))
        #expect(!dom.contains("<img"), "the body's image became an element")
        #expect(!dom.contains(#"id="injected""#), "the body's markup became an element")
        #expect(dom.contains(#"&lt;script&gt;"#) && dom.contains(#"document.title="PWNED""#) && dom.contains("&lt;img src=x"),
            "the body is not shown as text")
    }
    @Test("the compare view: regressions first, drift by severity with both values, approved and stale approvals marked")
    func comparison() async throws {
        let folder = try TollgateProcess.temporaryFolder()
        var records: [String] = []
        for release in ["12", "13"] {
            let record = folder.appendingPathComponent("r\(release).json").path
            _ = try await TollgateProcess.run(
                ["run", "Specs", "--builtin-release", release, "--no-html", "--record", record, "--junit", folder.appendingPathComponent("r\(release).xml").path],
                limit: 120)
            records.append(record)
        }
        let approvals = folder.appendingPathComponent("approved.yaml")
        try """
            approved:
              - { kind: key-renamed-case, path: "$.Refs", reason: "clients match keys case-insensitively", ticket: QA-7 }
              - { kind: element-removed, path: "/Nothing", reason: "fixed long ago" }
            """.write(to: approvals, atomically: true, encoding: .utf8)
        let html = folder.appendingPathComponent("compare.html")
        let outcome = try await TollgateProcess.run(
            ["compare", records[0], records[1], "--approved", approvals.path, "--html", html.path], limit: 60)
        #expect(outcome.status == 1, "stdout:\n\(outcome.stdout)\nstderr:\n\(outcome.stderr)")
        let file = try String(contentsOf: html, encoding: .utf8)
        #expect(!file.contains("<script"), "the compare view runs no script")
        let dom = try await HeadlessChromium.dumpDOM(html)
        #expect(dom.contains("<title>FAILED · compare · Tollgate</title>"))
        #expect(dom.contains(#"<span data-count="regressions">3</span>"#))
        #expect(!dom.contains(#"<span data-count="approved">0</span>"#), "the approval of $.Refs covers what lies under it")
        #expect(dom.contains(#"<span data-count="stale">1</span>"#))
        #expect(dom.contains("BackupServerVersion 12.3.2.4465 → 13.0.1.2067"), "the fingerprint change")
        let regressions = try #require(dom.range(of: #"<section id="regressions">"#))
        let breaking = try #require(dom.range(of: #"<section id="breaking">"#))
        #expect(regressions.lowerBound < breaking.lowerBound, "regressions come first")
        #expect(dom.contains(#"<td class="value"><code>Href</code></td><td class="value"><code>href</code></td>"#), "both values side by side")
        #expect(dom.contains(#"<span class="label ok">APPROVED</span> <small>clients match keys case-insensitively [QA-7]</small>"#))
        #expect(dom.contains(#"<span class="label warn">STALE</span> line 3"#))
        #expect(dom.contains("BREAKING") && dom.contains("CHANGED"), "text labels beside the colours")
    }
}

/// The DOM Chromium rendered, read with a few patterns (the renderer's markup is fixed).
struct RenderedReport {
    /// One scenario's `<details>` element.
    struct Scenario {
        var id: String
        var outcome: String
        var hidden: Bool
        var open: Bool
    }

    let text: String
    let scenarios: [Scenario]

    init(_ text: String) throws {
        self.text = text
        let pattern = try Regex(#"<details class="scenario" id="([^"]+)" data-outcome="([^"]+)"([^>]*)>"#)
        scenarios = text.matches(of: pattern).map { match in
            let rest = String(match.output[3].substring ?? "")
            return Scenario(
                id: String(match.output[1].substring ?? ""), outcome: String(match.output[2].substring ?? ""),
                hidden: rest.contains("hidden"), open: rest.contains("open"))
        }
    }

    /// The count shown for an outcome in the header, or -1 when it is missing.
    func count(_ kind: String) -> Int {
        number(#"data-count="\#(kind)">(\d+)<"#)
    }

    /// How many scenarios the filters let through, as the page says.
    var visible: Int { number(#"data-visible="(\d+)""#) }

    private func number(_ pattern: String) -> Int {
        guard let regex = try? Regex(pattern), let match = text.firstMatch(of: regex),
            let value = match.output[1].substring
        else { return -1 }
        return Int(value) ?? -1
    }
}
