import Foundation
import TollgateXML

/// One `<testcase>` of a JUnit report as the reliability tests read it (with TollgateXML's XPath).
struct JUnitCase: Equatable, Sendable {
    /// `classname` attribute (the scenario file).
    var classname: String
    /// `name` attribute (the scenario).
    var name: String
    /// `passed`, or the name of the child that says otherwise: `failure`, `error`, `skipped`.
    var outcome: String
    /// The `message` attribute of that child ("" when passed).
    var message: String

    /// Every test case of the report at `url`, in document order; throws when the file does not parse.
    static func read(from url: URL) throws -> [JUnitCase] {
        let bytes = try [UInt8](Data(contentsOf: url))
        // Every value is read with one flat XPath call: a nested function capturing the borrowed,
        // non-copyable document crashes the 6.3 compiler's move-only checker.
        let count = Int(try XMLDocument.evaluate(expression("count(/testsuites/testsuite/testcase)"), in: bytes).numberValue)
        var queries: [XPathExpression] = []
        for index in stride(from: 1, through: count, by: 1) {
            let testcase = "(/testsuites/testsuite/testcase)[\(index)]"
            let verdict = "\(testcase)/*[self::failure or self::error or self::skipped]"
            queries += [
                try expression("string(\(testcase)/@classname)"), try expression("string(\(testcase)/@name)"),
                try expression("name(\(verdict))"), try expression("string(\(verdict)/@message)"),
            ]
        }
        let values: [String] = try XMLDocument.withParsed(bytes) { document in
            var values: [String] = []
            for query in queries {
                values.append(try document.evaluate(query).stringValue)
            }
            return values
        }
        return stride(from: 0, to: values.count, by: 4).map { start in
            JUnitCase(
                classname: values[start], name: values[start + 1],
                outcome: values[start + 2].isEmpty ? "passed" : values[start + 2], message: values[start + 3])
        }
    }

    private static func expression(_ source: String) throws -> XPathExpression {
        try XPathExpression(source, namespaces: [:])
    }
}
