import Foundation
import Testing

@testable import TollgateServer

@Suite("Query service (reference §14.2)")
struct QueryTests {
    @Test(
        "the filter grammar: comparisons, ; and , with ; binding tighter, groups, quotes, dates, enumerations",
        arguments: [
            ("result==\"Failed\"", 1), ("Result==failed", 1), ("result!=Success", 2), ("result>Success", 2),
            ("result<=Warning", 4), ("jobname==\"DB Backup\"", 2), ("jobname == \"db backup\"", 2),
            ("jobname==\"DB Backup\";result==Warning", 1), ("result==Failed,jobname==\"DB Backup\";result==Warning", 2),
            ("(result==Failed,jobname==\"DB Backup\");result==Warning", 1),
            ("jobname==\"CRM Backup\";(result==\"Success\",result==\"Warning\");creationtime>\"2020-01-31T00:00:00Z\"", 1),
            ("creationtime>\"2020-01-31T00:00:00Z\"", 4), ("CreationTime>=2020-01-31T18:00:05", 3),
            ("creationtime>=\"2020-01-31T18:00:05\"", 3), ("isretry==true", 1), ("jobtype==AgentBackup", 1),
            ("endtime<\"2020-01-31T00:00:00Z\"", 1), ("jobname==\"Nothing at all\"", 0),
            ("backupservername==srv12.tech.local", 5),
        ])
    func grammar(filter: String, count: Int) async throws {
        try await withServer(.router, testConfiguration()) { server in
            let token = try await server.logOn()
            let encoded = try #require(filter.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            let response = try await server.get("/api/query?type=BackupJobSession&filter=\(encoded)", token: token)
            #expect(response.status == 200, "\(filter): \(response.text)")
            #expect(try xpath("count(/em:QueryResult/em:Refs/em:Ref)", response.body) == "\(count)", "\(filter)")
            expectValidXML(response.body, filter)
        }
    }

    @Test("a doubled quote inside a quoted value is one quote")
    func quotedQuote() throws {
        let fields = QueryType.backupJobSession.fields
        let filter = try QueryFilter(parsing: "jobname==\"say \"\"hi\"\"\"", fields: fields)
        #expect(filter == .comparison(field: "jobname", op: .equal, value: .text("say \"hi\"")))
        #expect(filter.matches(["jobname": .text("SAY \"HI\"")]))
        let precedence = try QueryFilter(parsing: "jobname==a,jobname==b;result==Failed", fields: fields)
        guard case .any(let parts) = precedence else {
            Issue.record("',' is the outer operator: \(precedence)")
            return
        }
        #expect(parts.count == 2)
    }

    @Test(
        "malformed requests are 400 with a clear message",
        arguments: [
            ("type=BackupJobSession&filter=result%3D%3D", "Malformed filter: expected a value at the end."),
            ("type=BackupJobSession&filter=result%3DFailed", "expected an operator (==, !=, <, >, <=, >=) after 'result'"),
            ("type=BackupJobSession&filter=colour%3D%3Dred", "unknown field 'colour' at position 1"),
            ("type=BackupJobSession&filter=result%3D%3DGreat", "'Great' at position 9 is not a value of Result"),
            ("type=BackupJobSession&filter=creationtime%3E%22yesterday%22", "is not a value of CreationTime"),
            ("type=BackupJobSession&filter=jobname%3D%3D%22open", "unterminated quoted value"),
            ("type=BackupJobSession&filter=(result%3D%3DFailed", "expected ')' at the end"),
            ("type=BackupJobSession&filter=result%3D%3DFailed)", "unexpected ')'"),
            ("type=BackupJobSession&filter=%3BjobName%3D%3Da", "expected a field name at position 1"),
            ("type=Dinosaur", "Unknown query type 'Dinosaur'"), ("format=Entities", "The 'type' query parameter is required"),
            ("type=BackupJobSession&format=Everything", "Unknown format 'Everything'"),
            ("type=BackupJobSession&sortDesc=Colour", "Unknown sort field 'Colour'"),
            ("type=BackupJobSession&pageSize=0", "'pageSize' must be a whole number of at least 1"),
            ("type=BackupJobSession&page=-1", "'page' must be a whole number of at least 1"),
        ])
    func errors(query: String, fragment: String) async throws {
        try await withServer(.router, testConfiguration()) { server in
            let token = try await server.logOn()
            let response = try await server.get("/api/query?\(query)", token: token)
            #expect(response.status == 400, "\(query)")
            let message = try xpath("string(/em:Error/@Message)", response.body)
            #expect(message.contains(fragment), "\(query): \(message)")
            expectValidXML(response.body, query)
            let json = try jsonObject(try await server.get("/api/query?\(query)", token: token, json: true).body)
            #expect((json["Message"] as? String)?.contains(fragment) == true)
        }
    }

    @Test("paging: pageSize=1 walks every item once through Next links; beyond the last page is empty", arguments: Mode.allCases)
    func paging(mode: Mode) async throws {
        try await withServer(mode, testConfiguration()) { server in
            let token = try await server.logOn()
            var target: String? = "/api/query?type=BackupTaskSession&format=Entities&sortAsc=CreationTime&pageSize=1"
            var seen: [String] = []
            var pages = 0
            while let next = target, pages < 20 {
                let response = try await server.get(next, token: token)
                #expect(response.status == 200)
                expectValidXML(response.body, next)
                pages += 1
                #expect(try xpath("string(/em:QueryResult/em:PagingInfo/@PageNum)", response.body) == "\(pages)")
                #expect(try xpath("string(/em:QueryResult/em:PagingInfo/@PagesCount)", response.body) == "8")
                seen.append(try xpath("string(//em:BackupTaskSession/@UID)", response.body))
                let href = try xpath("string(//em:PagingInfo/em:Links/em:Link[@Rel='Next']/@Href)", response.body)
                target = href.isEmpty ? nil : (URL(string: href).map { $0.path + "?" + ($0.query ?? "") })
            }
            #expect(pages == 8)
            #expect(Set(seen).count == 8 && !seen.contains(""))
            let beyond = try await server.get("/api/query?type=BackupJobSession&pageSize=2&page=9", token: token)
            #expect(beyond.status == 200)
            #expect(try xpath("count(//em:Ref)", beyond.body) == "0")
            #expect(try xpath("string(//em:PagingInfo/@PageNum)", beyond.body) == "9")
            #expect(try xpath("count(//em:PagingInfo//em:Link[@Rel='Next'])", beyond.body) == "0")
            #expect(try xpath("string(//em:PagingInfo//em:Link[@Rel='Previous']/@Href)", beyond.body).hasSuffix("page=3"))
            let nothing = try await server.get("/api/query?type=BackupJobSession&format=Entities&filter=jobname%3D%3D%22none%22", token: token)
            #expect(try xpath("count(//em:BackupJobSession)", nothing.body) == "0")
            #expect(try xpath("string(//em:PagingInfo/@PagesCount)", nothing.body) == "1")
            #expect(try xpath("string(//em:PagingInfo/@PageSize)", nothing.body) == "100")
            expectValidXML(nothing.body, "empty result")
            let json = try jsonObject(try await server.get("/api/query?type=BackupJobSession&format=Entities&filter=jobname%3D%3D%22none%22", token: token, json: true).body)
            let entities = try #require(json["Entities"] as? [String: Any])
            let list = try #require(entities["BackupJobSessions"] as? [String: Any])
            #expect((list["BackupJobSessions"] as? [Any])?.isEmpty == true, "an empty result keeps its list wrapper")
            #expect(json["Refs"] is NSNull)
            let paging = try #require(json["PagingInfo"] as? [String: Any])
            #expect(paging["PagesCount"] as? Int == 1)
        }
    }

    @Test("sorting by CreationTime, descending, and the Link hrefs repeat the request lower-case-encoded")
    func sorting() async throws {
        try await withServer(.router, testConfiguration()) { server in
            let token = try await server.logOn()
            let response = try await server.get("/api/query?type=BackupJobSession&format=Entities&sortDesc=creationtime&filter=result%3D%3DSuccess", token: token)
            let times = try (1...3).map { try xpath("string((//em:BackupJobSession)[\($0)]/em:CreationTimeUTC)", response.body) }
            #expect(times == times.sorted(by: >) && times.count == 3)
            let first = try xpath("string(//em:Link[@Rel='First']/@Href)", response.body)
            #expect(first.hasSuffix("/api/query?type=BackupJobSession&format=Entities&filter=result%3d%3dSuccess&sortDesc=creationtime&pageSize=100&page=1"), "\(first)")
        }
    }
}
