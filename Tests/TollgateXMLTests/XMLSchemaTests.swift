import Testing
import TollgateXML

@Suite("XSD validation")
struct XMLSchemaTests {
    private func taskSchema() throws -> XMLSchema {
        try XMLSchema(contentsOf: Fixtures.path("schemas/task.xsd"))
    }

    @Test("valid Task bodies give no violations (the schema includes a local file)")
    func valid() throws {
        let schema = try taskSchema()
        #expect(schema.validate(try Fixtures.bytes("task-finished.xml")) == [])
        #expect(schema.validate(try Fixtures.bytes("task-running.xml")) == [])
    }

    @Test("an invalid body gives one violation per problem, with lines")
    func invalid() throws {
        let violations = try taskSchema().validate(Fixtures.bytes("task-invalid.xml"))
        #expect(violations.map(\.line) == [4, 9])
        #expect(violations.first?.message == "Element '{http://www.veeam.com/ent/v1.0}Link': The attribute 'Rel' is required but missing.")
        #expect(violations.last?.message.contains("'yes' is not a valid value of the atomic type 'xs:boolean'") == true)
        #expect(violations.allSatisfy { $0.column == nil })
    }

    @Test("elements out of order are reported")
    func order() throws {
        let xml = """
            <Task xmlns="http://www.veeam.com/ent/v1.0" Href="h">
              <State>Running</State>
              <TaskId>task-1</TaskId>
              <Operation>StartJob</Operation>
            </Task>
            """
        let violations = try taskSchema().validate(Array(xml.utf8))
        #expect(violations.count == 1)
        #expect(violations.first?.line == 2)
        #expect(violations.first?.message == "Element '{http://www.veeam.com/ent/v1.0}State': This element is not expected. "
            + "Expected is one of ( {http://www.veeam.com/ent/v1.0}Links, {http://www.veeam.com/ent/v1.0}TaskId ).")
    }

    @Test("a malformed body is exactly one violation at the parse error")
    func malformed() throws {
        let whole = try Fixtures.bytes("task-finished.xml")
        let violations = try taskSchema().validate(Array(whole.prefix(200)))
        #expect(violations.count == 1)
        #expect(violations.first?.line == 4)
        #expect(violations.first?.column == 48)
        #expect(violations.first?.description == "line 4, column 48: AttValue: ' expected")
        #expect(try taskSchema().validate([]) == [SchemaViolation(line: 1, column: 1, message: "Document is empty")])
    }

    @Test("a parsed document can be validated and queried in one parse")
    func parsedDocument() throws {
        let schema = try taskSchema()
        let state = try XPathExpression("string(/em:Task/em:State)", namespaces: Fixtures.veeam)
        let (violations, value) = try XMLDocument.withParsed(Fixtures.bytes("task-invalid.xml")) { document in
            (schema.validate(document), try document.evaluate(state))
        }
        #expect(violations.count == 2)
        #expect(value == .string("Finished"))
    }

    @Test("schemas that cannot be loaded say why", arguments: [
        ("schemas/malformed.xsd", "line 4: Opening and ending tag mismatch"),
        ("schemas/unknown-type.xsd", "does not resolve to a(n) type definition"),
        ("schemas/network-import.xsd", "Attempt to load network entity http://127.0.0.1:9/remote.xsd"),
    ])
    func unreadable(name: String, fragment: String) throws {
        let path = try Fixtures.path(name)
        let error = Fixtures.xmlError { _ = try XMLSchema(contentsOf: path) }
        guard case let .schemaUnreadable(reportedPath, message) = error else {
            Issue.record("expected schemaUnreadable, got \(String(describing: error))")
            return
        }
        #expect(reportedPath == path)
        #expect(message.contains(fragment), "\(message)")
    }

    @Test("a missing schema file")
    func missing() {
        let error = Fixtures.xmlError { _ = try XMLSchema(contentsOf: "/nonexistent/tollgate/task.xsd") }
        #expect(error == .schemaUnreadable(
            path: "/nonexistent/tollgate/task.xsd",
            message: "Failed to locate the main schema resource at '/nonexistent/tollgate/task.xsd'."))
    }
}
