import Foundation
import Testing

@testable import TollgateServer

/// The "done when" example of the issue: the vendor's documented agent-job toggle (reference §6.3),
/// compared as whole bodies.
@Suite("The vendor's toggle example")
struct VendorExampleTests {
    @Test("XML: 202 with a Running UpdateJob task-1, then Finished, Success true, Message Ok", arguments: Mode.allCases)
    func toggleInXML(mode: Mode) async throws {
        try await withServer(mode) { server in
            let token = try await server.logOn()
            let accepted = try await server.post(
                "/api/agents/jobs/\(agentJobID)?action=toggleScheduleEnabled", token: token)
            #expect(accepted.status == 202)
            #expect(accepted.header("Content-Type") == "application/xml")
            let origin = try #require(accepted.text.firstMatch(of: /Href="(https?:\/\/[^\/"]+)\/api/)).1
            #expect(
                accepted.text == """
                    <?xml version="1.0" encoding="utf-8"?>
                    <Task Href="\(origin)/api/tasks/task-1" Type="Task" xmlns="http://www.veeam.com/ent/v1.0" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                      <Links>
                        <Link Href="\(origin)/api/tasks/task-1" Type="Task" Rel="Delete" />
                      </Links>
                      <TaskId>task-1</TaskId>
                      <State>Running</State>
                      <Operation>UpdateJob</Operation>
                    </Task>

                    """)
            expectValidXML(accepted.body, "202 Task")
            let finished = try await server.waitForTask("/api/tasks/task-1", token: token)
            #expect(finished.status == 200)
            #expect(
                finished.text == """
                    <?xml version="1.0" encoding="utf-8"?>
                    <Task Href="\(origin)/api/tasks/task-1" Type="Task" xmlns="http://www.veeam.com/ent/v1.0" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                      <Links>
                        <Link Href="\(origin)/api/tasks/task-1" Type="Task" Rel="Delete" />
                      </Links>
                      <TaskId>task-1</TaskId>
                      <State>Finished</State>
                      <Operation>UpdateJob</Operation>
                      <Result Success="true">
                        <Message>Ok</Message>
                      </Result>
                    </Task>

                    """)
            expectValidXML(finished.body, "finished Task")
        }
    }

    @Test("JSON: the same exchange with PascalCase keys", arguments: Mode.allCases)
    func toggleInJSON(mode: Mode) async throws {
        try await withServer(mode) { server in
            let token = try await server.logOn()
            let accepted = try await server.post(
                "/api/agents/jobs/\(agentJobID)?action=toggleScheduleEnabled", token: token, json: true)
            #expect(accepted.status == 202)
            #expect(accepted.header("Content-Type") == "application/json")
            let origin = try #require(accepted.text.firstMatch(of: /"Href":"(https?:\/\/[^\/"]+)\/api/)).1
            #expect(
                accepted.text
                    == #"{"TaskId":"task-1","State":"Running","Operation":"UpdateJob","Links":[{"Rel":"Delete","Href":"\#(origin)/api/tasks/task-1","Name":null,"Type":"Task"}],"Href":"\#(origin)/api/tasks/task-1","Type":"Task"}"#
            )
            var finished = try await server.get("/api/tasks/task-1", token: token, json: true)
            for _ in 0..<100 where finished.text.contains(#""State":"Running""#) {
                try await Task.sleep(for: .milliseconds(50))
                finished = try await server.get("/api/tasks/task-1", token: token, json: true)
            }
            #expect(
                finished.text
                    == #"{"TaskId":"task-1","State":"Finished","Operation":"UpdateJob","Result":{"Message":"Ok","Success":true},"Links":[{"Rel":"Delete","Href":"\#(origin)/api/tasks/task-1","Name":null,"Type":"Task"}],"Href":"\#(origin)/api/tasks/task-1","Type":"Task"}"#
            )
        }
    }
}
