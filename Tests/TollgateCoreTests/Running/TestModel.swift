import Foundation
import TollgateXML

@testable import TollgateCore

/// Builds model values directly (the loader is tested on its own), with made-up but distinct locations.
enum TestModel {
    static let file = "Specs/test.yaml"
    static let namespaces = ["em": "http://www.veeam.com/ent/v1.0"]

    static func at(_ line: Int, _ column: Int = 1) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    /// A template with `{{name}}` placeholders split out.
    static func template(_ text: String, line: Int = 1) -> Template {
        var segments: [Template.Segment] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{"), let close = rest.range(of: "}}", range: open.upperBound..<rest.endIndex) {
            if open.lowerBound > rest.startIndex { segments.append(.literal(String(rest[..<open.lowerBound]))) }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            segments.append(.variable(name: name, location: at(line)))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { segments.append(.literal(String(rest))) }
        return Template(source: text, location: at(line), segments: segments)
    }

    static func query(_ source: String, line: Int = 1) -> XPathQuery {
        do {
            return XPathQuery(
                source: source, location: at(line), expression: try XPathExpression(source, namespaces: namespaces))
        } catch {
            fatalError("test query \(source) does not compile: \(error)")
        }
    }

    static func request(
        _ method: String = "GET", path: String? = nil, url: String? = nil, query: [(String, String)] = [],
        headers: [(String, String)] = [], body: String? = nil, auth: RequestSpec.Auth = .session, line: Int = 1
    ) -> RequestSpec {
        let target: RequestSpec.Target = url.map { .url(template($0, line: line)) } ?? .path(template(path ?? "/", line: line))
        return RequestSpec(
            method: Located(method, at: at(line)), target: target,
            query: query.map { (name: $0.0, value: template($0.1, line: line)) },
            headers: headers.map { (name: $0.0, value: template($0.1, line: line)) },
            body: body.map { .inline(template($0, line: line)) }, auth: auth, location: at(line))
    }

    static func step(
        _ name: String, _ request: RequestSpec, expect: Expectations = Expectations(), poll: PollSpec? = nil,
        captures: [Capture] = [], line: Int = 1
    ) -> Step {
        Step(name: name, location: at(line), request: request, poll: poll, expect: expect, captures: captures)
    }

    static func status(_ codes: Int..., line: Int = 1) -> Located<[Int]> {
        Located(codes, at: at(line))
    }

    static func assertion(_ source: String, _ predicate: TollgateCore.Predicate, line: Int = 1) -> Assertion {
        Assertion(query: query(source, line: line), predicate: predicate, location: at(line))
    }

    static func scenario(
        _ name: String, tags: [String] = [], session: SessionMode = .shared, skip: String? = nil,
        setup: [Step] = [], steps: [Step], teardown: [Step] = [], line: Int = 1
    ) -> Scenario {
        Scenario(
            name: name, location: at(line), tags: tags, session: session, skipReason: skip, setup: setup, steps: steps,
            teardown: teardown)
    }

    static func suite(
        _ name: String = "test", _ scenarios: [Scenario], variables: [String: String] = [:], file: String = file
    ) -> Suite {
        let lines = (1...200).map { "line \($0) of the scenario file" }
        return Suite(
            name: name, file: file, namespaces: namespaces,
            variables: variables.mapValues { Located($0, at: at(1)) }, scenarios: scenarios, sourceLines: lines)
    }
}
