import ArgumentParser
import Foundation
import TollgateCore
import TollgateXML

/// `tollgate xpath`: evaluate an expression on a saved body with the engine the runner uses.
struct XPathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xpath",
        abstract: "Evaluate an XPath expression on a saved XML (or JSON) body and print the typed result."
    )

    @Argument(help: "The XPath 1.0 expression.")
    var expression: String

    @Argument(help: "The body file, or - for standard input.")
    var file: String = "-"

    @Option(name: .customLong("ns"), help: ArgumentHelp("Bind a namespace prefix.", valueName: "PREFIX=URI"))
    var namespaces: [String] = []

    @Flag(help: "The body is JSON: evaluate on its XML mapping (see README).")
    var json = false

    func run() throws {
        var bindings: [String: String] = [:]
        for binding in namespaces {
            let (prefix, uri) = try Assignment.parse(binding, option: "--ns", form: "PREFIX=URI")
            bindings[prefix] = uri
        }
        let compiled: XPathExpression
        do {
            compiled = try XPathExpression(expression, namespaces: bindings)
        } catch {
            Terminal.err("error: \(error)")
            throw ExitStatus.invalidInput
        }
        let bytes = try readBody()
        do {
            let document = json ? try JSONDocumentMapping.xml(fromJSON: bytes) : bytes
            let value = try XMLDocument.withParsed(document) { try $0.evaluate(compiled) }
            Terminal.out(Self.describe(value))
        } catch {
            Terminal.err("error: \(error)")
            throw ExitStatus.couldNotTest
        }
    }

    private func readBody() throws -> [UInt8] {
        if file == "-" {
            return [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ValidationError("cannot read \(file)")
        }
        return [UInt8](data)
    }

    /// `node-set (2 nodes)` followed by one line per node, or `string: "Running"`, `number: 3`, `boolean: true`.
    static func describe(_ value: XPathValue) -> String {
        switch value {
        case .nodeSet(let nodes):
            var lines = ["node-set (\(nodes.count) node\(nodes.count == 1 ? "" : "s"))"]
            for (index, node) in nodes.enumerated() {
                let line = node.line.map { " line \($0)" } ?? ""
                lines.append("  [\(index + 1)] \(node.kind.rawValue)\(line): \(node.markup)")
            }
            return lines.joined(separator: "\n")
        case .string(let text): return "string: \"\(text)\""
        case .number(let number): return "number: \(NumberFormatting.xpath(number))"
        case .boolean(let flag): return "boolean: \(flag)"
        }
    }
}
