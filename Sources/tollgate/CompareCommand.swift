import ArgumentParser
import Foundation
import TollgateCompare
import TollgateCore

/// `tollgate compare BASE.json CANDIDATE.json`: what changed between two runs of the same suite, and
/// whether it breaks clients (README: "Validating a vendor release").
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two run records: regressions, status and header changes, structural drift of every response.",
        discussion: "Exit 0: no regression and nothing unapproved is breaking; 1: otherwise; 2: invalid input."
    )

    @Argument(help: "The base run record (e.g. the current release).")
    var base: String

    @Argument(help: "The candidate run record (e.g. the new release).")
    var candidate: String

    @Option(help: "Rules file: paths to ignore, compare by type only, normalise, or give another severity.")
    var rules: String?

    @Option(help: "Approved differences: shown as approved, they do not fail.")
    var approved: String?

    @Option(name: .customLong("write-approved"), help: "Write the differences as a pending approvals file for review.")
    var writeApproved: String?

    @Flag(help: "An approval that matches nothing fails the comparison.")
    var strict = false

    @Option(help: "Write a Markdown summary (for a merge-request comment).")
    var markdown: String?

    @Option(help: "Write a JUnit XML report: one test case per scenario.")
    var junit: String?

    @Option(help: "Write the comparison as JSON (Schemas/compare-report.schema.json).")
    var json: String?

    @Option(help: "Write the comparison as one self-contained HTML page.")
    var html: String?

    @Option(help: "The protocol profile whose volatile values are normalised (\(ProfileChoice.names.joined(separator: ", "))).")
    var profile = "enterprise-manager"

    func run() throws {
        guard let volatile = ProfileChoice.volatileValues(ofProfileNamed: profile) else {
            throw InvalidValue("--profile \(profile): no such profile (known: \(ProfileChoice.names.joined(separator: ", ")))")
        }
        if let writeApproved, let approved, Self.samePath(writeApproved, approved) {
            throw InvalidValue("--write-approved \(writeApproved): is the --approved file; compare never edits an approved file, write the pending file elsewhere")
        }
        let renderer = DiagnosticRenderer(useColor: Terminal.useColor(fileDescriptor: 2))
        func loaded<T>(_ load: () throws(CompareFileProblems) -> T) throws -> T {
            do {
                return try load()
            } catch {
                for diagnostic in error.diagnostics { Terminal.err(renderer.render(diagnostic) + "\n") }
                throw ExitStatus.invalidInput
            }
        }
        let ruleSet = try rules.map { path in try loaded { () throws(CompareFileProblems) in try ComparisonRules.load(path: path) } } ?? ComparisonRules()
        let approvals = try approved.map { path in try loaded { () throws(CompareFileProblems) in try ApprovalList.load(path: path) } } ?? ApprovalList()
        let comparison: Comparison
        do {
            let baseRun = try RecordedRun.load(path: base)
            let candidateRun = try RecordedRun.load(path: candidate)
            comparison = try RunComparer(
                basePath: base, candidatePath: candidate, rules: ruleSet, approvals: approvals, volatileValues: volatile
            ).compare(baseRun, candidateRun)
        } catch let error as RecordReadError {
            throw InvalidValue(error.description)
        } catch let error as RunComparer.Mismatch {
            throw InvalidValue(error.description)
        }
        Terminal.out(String(ComparisonConsoleReport.render(comparison, strict: strict).dropLast()))
        var unwritten: [String] = []
        func write(_ text: String, to path: String?, what: String) {
            guard let path else { return }
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path))
                Terminal.out("\(what): \(path)")
            } catch {
                Terminal.err("error: cannot write \(what) \(path): \(error.localizedDescription)")
                unwritten.append(path)
            }
        }
        write(ComparisonMarkdownReport.render(comparison, strict: strict), to: markdown, what: "Markdown summary")
        write(ComparisonJUnitReport.render(comparison, strict: strict), to: junit, what: "JUnit report")
        write(ComparisonJSONReport(comparison, strict: strict).rendered(), to: json, what: "JSON report")
        write(ComparisonHTMLReport.render(comparison, strict: strict), to: html, what: "HTML report")
        write(ApprovalList.pendingFile(for: comparison.differences, base: base, candidate: candidate), to: writeApproved, what: "Pending approvals")
        if !unwritten.isEmpty { throw ExitStatus.invalidInput }
        if comparison.fails(strict: strict) { throw ExitStatus.failed }
    }

    private static func samePath(_ lhs: String, _ rhs: String) -> Bool {
        URL(fileURLWithPath: lhs).standardizedFileURL.resolvingSymlinksInPath().path
            == URL(fileURLWithPath: rhs).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
