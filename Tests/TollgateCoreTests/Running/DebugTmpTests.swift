import Foundation
import Testing
import TollgateXML
@testable import TollgateCore

@Suite("DebugTmp")
struct DebugTmpTests {
    @Test("xpath direct")
    func direct() async throws {
        let xml = Array(RunnerExpectationTests.taskXML.utf8)
        let q = TestModel.query("/em:Task/em:Links/em:Link")
        let r = try BodyQuery.evaluate([q.expression], inXML: xml)
        print("DBG", r)
        print("DBG", PredicateEvaluator.check(.count(2), on: try r[0].get()) as Any)
    }
}
