import TollgateXML

/// Checks a response against everything a step expects: status, headers, body text, XPath on XML,
/// XPath on the JSON mapping, and an XSD. Every expectation is evaluated, so a finding lists all that failed.
///
/// An unusable body (not XML where XPath needs XML) is an error, not a failure — unless something the
/// server clearly got wrong (status, headers, body text) already failed: then the answer is wrong and
/// the unusable body is mentioned in the notes.
struct ExpectationEvaluator: Sendable {
    /// XSDs loaded once per run.
    let schemas: SchemaCache

    /// The verdict on `response`; `variables` are bound to `$name` references in XPath queries.
    func evaluate(
        _ expect: Expectations, response: ReceivedResponse, variables: [String: String] = [:]
    ) -> ExpectationVerdict {
        var failures: [ExpectationFailure] = []
        var problem: (message: String, location: SourceLocation)?
        var notes: [String] = []

        if let status = expect.status, !status.value.isEmpty, !status.value.contains(response.status) {
            failures.append(
                ExpectationFailure(
                    message: "expected status \(Self.describeStatuses(status.value)), got \(response.status)",
                    location: status.location))
        }
        for header in expect.headers {
            if let failure = Self.check(header, in: response) { failures.append(failure) }
        }
        if !expect.body.isEmpty {
            let text = XPathValue.string(response.text)
            for check in expect.body {
                if let mismatch = PredicateEvaluator.check(check.predicate, on: text) {
                    failures.append(ExpectationFailure(message: "body: \(mismatch.text)", location: check.location))
                }
            }
        }
        for (assertions, kind) in [(expect.xpath, UnusableBody.BodyKind.xml), (expect.json, .json)]
        where !assertions.isEmpty {
            do {
                failures += try Self.check(assertions, kind: kind, body: response.body, variables: variables)
            } catch {
                problem = problem ?? (error.message, assertions[0].location)
            }
        }
        if let schema = expect.schema {
            switch schemas.validate(response.body, against: schema.value) {
            case .valid:
                break
            case .invalid(let violations):
                let name = schema.value.split(separator: "/").last.map(String.init) ?? schema.value
                let count = violations.count == 1 ? "1 violation" : "\(violations.count) violations"
                failures.append(
                    ExpectationFailure(
                        message: "schema: the body does not validate against \(name) (\(count))",
                        location: schema.location))
                notes += violations
            case .unusableBody(let unusable):
                problem = problem ?? (unusable.message, schema.location)
            case .schemaUnreadable(let message):
                problem = problem ?? (message, schema.location)
            }
        }

        if !failures.isEmpty {
            if let problem { notes.append("not checked: \(problem.message)") }
            return .failed(failures, notes: notes)
        }
        if let problem {
            return .errored(message: problem.message, location: problem.location, notes: notes)
        }
        return .passed
    }

    /// `202`, `200 or 204`, `200, 201 or 204`.
    static func describeStatuses(_ statuses: [Int]) -> String {
        let texts = statuses.map(String.init)
        guard let last = texts.last, texts.count > 1 else { return texts.first ?? "" }
        return texts.dropLast().joined(separator: ", ") + " or " + last
    }

    /// A header check; a missing header fails every predicate but `exists: false`.
    static func check(_ header: HeaderExpectation, in response: ReceivedResponse) -> ExpectationFailure? {
        guard let value = response.header(header.name) else {
            if header.predicate == .exists(false) { return nil }
            let expected = PredicateEvaluator.check(header.predicate, on: .nodeSet([]))?.expected ?? "a value"
            return ExpectationFailure(
                message: "header \(header.name): expected \(expected), got no such header", location: header.location)
        }
        guard let mismatch = PredicateEvaluator.check(header.predicate, on: .string(value)) else { return nil }
        return ExpectationFailure(message: "header \(header.name): \(mismatch.text)", location: header.location)
    }

    /// XPath assertions on the body read as `kind`; throws when the body cannot be read that way.
    static func check(
        _ assertions: [Assertion], kind: UnusableBody.BodyKind, body: [UInt8], variables: [String: String] = [:]
    ) throws(UnusableBody) -> [ExpectationFailure] {
        let results = try BodyQuery.evaluate(
            assertions.map(\.query.expression), in: body, as: kind, variables: variables)
        let label = kind == .xml ? "xpath" : "json"
        var failures: [ExpectationFailure] = []
        for (assertion, result) in zip(assertions, results) {
            let subject = "\(label) \(assertion.query.source)"
            switch result {
            case .failure(let error):
                failures.append(
                    ExpectationFailure(message: "\(subject): could not evaluate: \(error)", location: assertion.location))
            case .success(let value):
                if let mismatch = PredicateEvaluator.check(assertion.predicate, on: value) {
                    failures.append(ExpectationFailure(message: "\(subject): \(mismatch.text)", location: assertion.location))
                }
            }
        }
        return failures
    }
}
