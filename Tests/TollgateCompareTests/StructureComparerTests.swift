import Foundation
import Testing
import TollgateXML

@testable import TollgateCompare

/// The body comparers on small documents: what is drift, what is not, and the paths they name.
@Suite("Structural drift")
struct StructureComparerTests {
    private func context(sharedGUIDs: Set<String> = [], rules: ComparisonRules = ComparisonRules()) -> DriftContext {
        DriftContext(
            base: ValueNormaliser(baseURL: "http://127.0.0.1:1111", sharedGUIDs: sharedGUIDs, volatile: [.init(pattern: "task-[0-9]+", placeholder: "task-{n}")]),
            candidate: ValueNormaliser(baseURL: "https://127.0.0.1:2222", sharedGUIDs: sharedGUIDs, volatile: [.init(pattern: "task-[0-9]+", placeholder: "task-{n}")]),
            rules: rules)
    }

    private func xml(_ base: String, _ candidate: String, rules: ComparisonRules = ComparisonRules()) throws -> [Drift] {
        var comparer = XMLStructureComparer(context: context(rules: rules))
        comparer.compare(try XMLElementTree.parse(Array(base.utf8)), try XMLElementTree.parse(Array(candidate.utf8)))
        return comparer.drift
    }

    private func json(_ base: String, _ candidate: String) throws -> [Drift] {
        var comparer = JSONStructureComparer(context: context())
        comparer.compare(try #require(JSONValue.parse(base)), try #require(JSONValue.parse(candidate)))
        return comparer.drift
    }

    @Test("reordered keyed children, other ports, task numbers and dates are not drift")
    func noise() throws {
        let base = """
            <Task xmlns="http://www.veeam.com/ent/v1.0" Href="http://127.0.0.1:1111/api/tasks/task-3"><StartTime>2026-12-02T10:00:00.123Z</StartTime>
            <Links><Link Rel="Up" Href="http://127.0.0.1:1111/api/"/><Link Rel="Delete" Href="http://127.0.0.1:1111/api/tasks/task-3"/></Links></Task>
            """
        let candidate = """
            <Task xmlns="http://www.veeam.com/ent/v1.0" Href="https://127.0.0.1:2222/api/tasks/task-41"><StartTime>2027-01-01T00:00:00Z</StartTime>
            <Links><Link Rel="Delete" Href="https://127.0.0.1:2222/api/tasks/task-41"/><Link Rel="Up" Href="https://127.0.0.1:2222/api/"/></Links></Task>
            """
        #expect(try xml(base, candidate) == [])
    }

    @Test("XML: removed and added attributes and elements, changed text, cardinality, each at its path")
    func xmlDrift() throws {
        let base = """
            <EntityReferences xmlns="urn:e"><Ref Name="a" Type="Job"><State>On</State></Ref><Ref Name="b" Type="Job"/></EntityReferences>
            """
        let candidate = """
            <EntityReferences xmlns="urn:e"><Ref Name="a" Kind="x"><State>Off</State></Ref><Ref Name="b" Type="Job"/><Ref Name="c" Type="Job"/></EntityReferences>
            """
        #expect(try xml(base, candidate) == [
            Drift(kind: .cardinalityChanged, path: "/EntityReferences/Ref", base: "2", candidate: "3"),
            Drift(kind: .attributeRemoved, path: "/EntityReferences/Ref[@Name='a']/@Type", base: "Job", candidate: nil),
            Drift(kind: .attributeAdded, path: "/EntityReferences/Ref[@Name='a']/@Kind", base: nil, candidate: "x"),
            Drift(kind: .valueChanged, path: "/EntityReferences/Ref[@Name='a']/State", base: "On", candidate: "Off"),
            Drift(kind: .elementAdded, path: "/EntityReferences/Ref[@Name='c']", base: nil, candidate: "[@Name='c']"),
        ])
    }

    @Test("XML is namespace-aware: the same name in another namespace is another element")
    func namespaces() throws {
        let drift = try xml(#"<Task xmlns="urn:a"><State>x</State></Task>"#, #"<Task xmlns="urn:a"><State xmlns="urn:b">x</State></Task>"#)
        #expect(drift == [
            Drift(kind: .elementRemoved, path: "/Task/State", base: "<State>x", candidate: nil),
            Drift(kind: .elementAdded, path: "/Task/{urn:b}State", base: nil, candidate: "<State>x"),
        ])
    }

    @Test("JSON: case renames, null and absent, type changes, array lengths; keyed items pair in any order")
    func jsonDrift() throws {
        let base = #"{"TaskId":"task-1","State":"Running","Count":2,"Name":null,"Links":[{"Rel":"Up","Href":"x"},{"Rel":"Delete","Href":"y"}]}"#
        let candidate = #"{"taskId":"task-9","State":"Finished","Count":"2","Links":[{"Rel":"Delete","Href":"y"}],"New":true}"#
        #expect(try json(base, candidate) == [
            Drift(kind: .typeChanged, path: "$.Count", base: "number", candidate: "string"),
            Drift(kind: .arrayLengthChanged, path: "$.Links", base: "2", candidate: "1"),
            Drift(kind: .elementRemoved, path: "$.Links[Href='x']", base: "object", candidate: nil),
            Drift(kind: .typeChanged, path: "$.Name", base: "null", candidate: "absent"),
            Drift(kind: .valueChanged, path: "$.State", base: "Running", candidate: "Finished"),
            Drift(kind: .keyRenamedCase, path: "$.TaskId", base: "TaskId", candidate: "taskId"),
            Drift(kind: .keyAdded, path: "$.New", base: nil, candidate: "true"),
        ])
    }

    @Test("GUIDs: one both runs know stays; others are numbered alike; a reference that moved still shows")
    func guids() throws {
        let shared = "11111111-1111-1111-1111-111111111111"
        let normaliser = { ValueNormaliser(baseURL: "http://h:1", sharedGUIDs: [shared], volatile: []) }
        let base = normaliser()
        let candidate = normaliser()
        #expect(base("job \(shared)") == "job \(shared)")
        #expect(base("aaaaaaaa-0000-0000-0000-000000000001") == "{guid-1}")
        #expect(candidate("bbbbbbbb-0000-0000-0000-000000000001") == "{guid-1}")
        #expect(base("aaaaaaaa-0000-0000-0000-000000000002") == "{guid-2}")
        #expect(candidate("BBBBBBBB-0000-0000-0000-000000000001") == "{guid-1}", "case does not matter")
        #expect(candidate("cccccccc-0000-0000-0000-000000000003") == "{guid-2}")
        #expect(base("aaaaaaaa-0000-0000-0000-000000000001") != candidate(shared), "a moved reference still differs")
        #expect(base("PT1.5S") == "{duration}")
        #expect(base("http://h:1/api/x") == "{server}/api/x")
    }

    @Test("path patterns: * within a step, ** across, a pattern covers what lies under it")
    func patterns() {
        #expect(PathPattern("/Task/Links").covers("/Task/Links/Link[@Rel='Up']/@Href"))
        #expect(!PathPattern("/Task/Links").covers("/Task/LinksX"))
        #expect(PathPattern("/*/State").covers("/Task/State"))
        #expect(!PathPattern("/*").covers("/Task/State") == false)
        #expect(!PathPattern("$.*.Href").covers("$.Links[Rel='Up'].Href"))
        #expect(PathPattern("$.**.Href").covers("$.Links[Rel='Up'].Href"))
        #expect(PathPattern("**").covers("status"))
    }

    @Test("an ignore rule drops what lies under its path")
    func ignoreRule() throws {
        let file = try temporaryFile("rules:\n  - { path: \"/Task/Links\", ignore: true }\n")
        let rules = try ComparisonRules.load(path: file)
        let drift = try xml(#"<Task><Links><Link Rel="A"/></Links><State>1</State></Task>"#, #"<Task><Links/><State>2</State></Task>"#, rules: rules)
        #expect(drift == [Drift(kind: .valueChanged, path: "/Task/State", base: "1", candidate: "2")])
    }

    @Test("a rules file with mistakes: each one at its place, with a suggestion")
    func badRules() throws {
        let file = try temporaryFile("rules:\n  - { path: \"/a\", kind: value-changd, severity: breaking }\n  - { path: \"/b\", ignore: true, severity: changed }\n  - { paht: \"/c\" }\n")
        #expect {
            _ = try ComparisonRules.load(path: file)
        } throws: { error in
            let messages = (error as? CompareFileProblems)?.diagnostics.map { "\($0.location?.line ?? 0): \($0.message) \($0.help ?? "")" } ?? []
            return messages == [
                "2: unknown difference kind `value-changd` did you mean `value-changed`?",
                "3: a rule does one thing give exactly one of `ignore: true`, `type-only: true`, `pattern:` (with `replacement:`), `severity:`",
                "4: the rule does nothing give exactly one of `ignore: true`, `type-only: true`, `pattern:` (with `replacement:`), `severity:`",
                "4: unknown key `paht` did you mean `path`?",
            ]
        }
    }

    private func temporaryFile(_ text: String) throws -> String {
        let path = "/tmp/tollgate-compare-\(UInt64.random(in: 0...UInt64.max)).yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
