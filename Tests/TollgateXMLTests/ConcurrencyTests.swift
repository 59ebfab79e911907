import Foundation
import Testing

@testable import TollgateXML

@Suite("Concurrent use")
struct ConcurrencyTests {
    private static func task(id: Int, links: Int) -> [UInt8] {
        let linkElements = (0..<links).map { "<Link Rel=\"Related\" Href=\"https://localhost:9398/api/x/\($0)\"/>" }.joined()
        return Array("""
            <Task xmlns="http://www.veeam.com/ent/v1.0" Href="https://localhost:9398/api/tasks/task-\(id)">
              <Links>\(linkElements)</Links>
              <TaskId>task-\(id)</TaskId>
              <State>\(id.isMultiple(of: 2) ? "Running" : "Finished")</State>
              <Operation>StartJob</Operation>
            </Task>
            """.utf8)
    }

    @Test("one XPathExpression evaluated from many tasks at once gives each task its own answer")
    func sameExpressionManyTasks() async throws {
        let summary = try XPathExpression(
            "concat(string(/em:Task/em:TaskId), '/', count(/em:Task/em:Links/em:Link), '/', string(/em:Task/em:State))",
            namespaces: Fixtures.veeam)
        let links = try XPathExpression("/em:Task/em:Links/em:Link", namespaces: Fixtures.veeam)
        let results = try await withThrowingTaskGroup(of: (Int, String, Int).self) { group in
            for id in 0..<400 {
                group.addTask {
                    let body = Self.task(id: id, links: id % 7)
                    return try XMLDocument.withParsed(body) { document in
                        let text = try document.evaluate(summary).stringValue
                        guard case let .nodeSet(nodes) = try document.evaluate(links) else { return (id, text, -1) }
                        return (id, text, nodes.count)
                    }
                }
            }
            var collected: [(Int, String, Int)] = []
            for try await result in group { collected.append(result) }
            return collected
        }
        #expect(results.count == 400)
        for (id, text, count) in results {
            #expect(text == "task-\(id)/\(id % 7)/\(id.isMultiple(of: 2) ? "Running" : "Finished")")
            #expect(count == id % 7)
        }
    }

    @Test("one XMLSchema validates from many tasks at once")
    func sameSchemaManyTasks() async throws {
        let schema = try XMLSchema(contentsOf: Fixtures.path("schemas/task.xsd"))
        let valid = try Fixtures.bytes("task-running.xml")
        let invalid = try Fixtures.bytes("task-invalid.xml")
        let counts = await withTaskGroup(of: (Bool, Int).self) { group in
            for index in 0..<200 {
                group.addTask {
                    let isValid = index.isMultiple(of: 2)
                    return (isValid, schema.validate(isValid ? valid : invalid).count)
                }
            }
            var collected: [(Bool, Int)] = []
            for await result in group { collected.append(result) }
            return collected
        }
        #expect(counts.count == 200)
        for (isValid, violations) in counts {
            #expect(violations == (isValid ? 0 : 2))
        }
    }

    @Test("stress: expressions calling functions, evaluated 4,000 times from 200 tasks at once, no lock held")
    func functionCallsUnderConcurrency() async throws {
        // Function calls are where libxml2 writes into a compiled expression (it caches the function it looked
        // up), so a copy shared by two threads at once would race there; each evaluation must have its own.
        let sources = [
            "concat(string(/em:Task/em:TaskId), ':', translate(string(/em:Task/em:State), 'inshed', 'INSHED'))",
            "count(/em:Task/em:Links/em:Link[contains(@Href, '/x/')]) + string-length(substring-before(/em:Task/em:TaskId, '-'))",
            "boolean(/em:Task/em:State = 'Running') and not(starts-with(/em:Task/em:Operation, 'Stop'))",
            "sum(/em:Task/em:Links/em:Link[position() <= last()]/@Index) + number(substring-after(/em:Task/em:TaskId, '-'))",
            "normalize-space(concat(' ', local-name(/*), ' ', namespace-uri(/*), ' '))",
        ]
        let expressions = try sources.map { try XPathExpression($0, namespaces: Fixtures.veeam) }
        let tasks = 200
        let mismatches = try await withThrowingTaskGroup(of: Int.self) { group in
            for id in 0..<tasks {
                group.addTask {
                    let links = id % 5
                    let linkElements = (0..<links).map { "<Link Index=\"\($0)\" Href=\"https://h/api/x/\($0)\"/>" }.joined()
                    let body = Array("""
                        <Task xmlns="http://www.veeam.com/ent/v1.0"><Links>\(linkElements)</Links>\
                        <TaskId>task-\(id)</TaskId><State>\(id.isMultiple(of: 2) ? "Running" : "Finished")</State>\
                        <Operation>StartJob</Operation></Task>
                        """.utf8)
                    let expected: [XPathValue] = [
                        .string("task-\(id):\(id.isMultiple(of: 2) ? "RuNNINg" : "FINISHED")"),
                        .number(Double(links + 4)),
                        .boolean(id.isMultiple(of: 2)),
                        .number(Double((0..<links).reduce(0, +) + id)),
                        .string("Task http://www.veeam.com/ent/v1.0"),
                    ]
                    return try XMLDocument.withParsed(body) { document in
                        var mismatches = 0
                        for round in 0..<20 {
                            let index = (id + round) % expressions.count
                            if try document.evaluate(expressions[index]) != expected[index] { mismatches += 1 }
                        }
                        return mismatches
                    }
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(mismatches == 0)
        // Every copy is back in the pool, and there are never more copies than evaluations that ran at once.
        for expression in expressions {
            #expect((1...tasks).contains(expression.compiled.copyCount))
        }
    }
}
