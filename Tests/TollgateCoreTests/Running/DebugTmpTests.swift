import Foundation
import Testing
import TollgateXML
@testable import TollgateCore

@Suite("DebugTmp")
struct DebugTmpTests {
    @Test("xpath stress")
    func stress() async throws {
        let xml = Array(RunnerExpectationTests.taskXML.utf8)
        let bad = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<64 {
                group.addTask {
                    var bad = 0
                    for _ in 0..<300 {
                        let queries = [
                            TestModel.query("string(/em:Task/em:State)"),
                            TestModel.query("/em:Task/em:Links/em:Link"),
                            TestModel.query("string(/em:Task/em:TaskId)"),
                            TestModel.query("count(/em:Task/*)"),
                        ]
                        let results = try? BodyQuery.evaluate(queries.map(\.expression), inXML: xml)
                        if case .success(.nodeSet(let nodes))? = results?[1], nodes.count == 1 { continue }
                        bad += 1
                        print("DBG bad", String(describing: results?[1]))
                    }
                    return bad
                }
            }
            return await group.reduce(0, +)
        }
        #expect(bad == 0)
    }
}
