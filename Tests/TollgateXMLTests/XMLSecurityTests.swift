import Foundation
import Testing
import TollgateXML

@Suite("Hostile documents: external entities, entity bombs, no output to stderr")
struct XMLSecurityTests {
    /// The content of /tmp/secret (the fixture's target), created if missing; plus a private secret file.
    private static func secrets() throws -> (fixtureSecret: String, privateURL: URL, privateSecret: String) {
        let fixtureURL = URL(fileURLWithPath: "/tmp/secret")
        if !FileManager.default.fileExists(atPath: fixtureURL.path) {
            try Data("TOLLGATE-FIXTURE-SECRET-5f0c2e\n".utf8).write(to: fixtureURL)
        }
        let fixtureSecret = try String(contentsOf: fixtureURL, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let privateSecret = "TOLLGATE-PRIVATE-SECRET-\(UUID().uuidString)"
        let privateURL = FileManager.default.temporaryDirectory.appendingPathComponent("tollgate-xxe-\(UUID().uuidString)")
        try Data(privateSecret.utf8).write(to: privateURL)
        return (fixtureSecret, privateURL, privateSecret)
    }

    /// Everything TollgateXML can say about `bytes`: error descriptions or every result of a few queries.
    private static func everythingSaid(about bytes: [UInt8]) -> String {
        var said: [String] = []
        for query in ["/", "//node()", "//@*", "string(/)", "//*[local-name()='State']"] {
            do {
                let value = try XMLDocument.evaluate(XPathExpression(query, namespaces: [:]), in: bytes)
                said.append(value.stringValue)
                if case let .nodeSet(nodes) = value {
                    said += nodes.flatMap { [$0.stringValue, $0.markup, $0.name] }
                }
            } catch {
                said.append(String(describing: error))
            }
        }
        return said.joined(separator: "\n")
    }

    @Test("an external entity reads nothing from disk", arguments: ["xxe-external-entity.xml", "xxe-parameter-entity.xml"])
    func externalEntity(fixture: String) throws {
        let (fixtureSecret, privateURL, privateSecret) = try Self.secrets()
        defer { try? FileManager.default.removeItem(at: privateURL) }
        let original = try Fixtures.bytes(fixture)
        let redirected = Array(String(decoding: original, as: UTF8.self)
            .replacingOccurrences(of: "file:///tmp/secret", with: privateURL.absoluteString).utf8)
        for (bytes, secret) in [(original, fixtureSecret), (redirected, privateSecret)] {
            let error = Fixtures.xmlError { try XMLDocument.checkWellFormed(bytes) }
            guard case let .forbiddenConstruct(message, line) = error else {
                Issue.record("expected forbiddenConstruct, got \(String(describing: error))")
                continue
            }
            #expect(line == 3)
            #expect(message.contains("declares entity"))
            #expect(!Self.everythingSaid(about: bytes).contains(secret))
            if let schema = try? XMLSchema(contentsOf: Fixtures.path("schemas/task.xsd")) {
                #expect(!schema.validate(bytes).description.contains(secret))
            }
        }
    }

    @Test("an external DTD subset is never loaded")
    func externalDTD() throws {
        let (fixtureSecret, privateURL, privateSecret) = try Self.secrets()
        defer { try? FileManager.default.removeItem(at: privateURL) }
        let original = try Fixtures.bytes("xxe-external-dtd.xml")
        let redirected = Array(String(decoding: original, as: UTF8.self)
            .replacingOccurrences(of: "file:///tmp/secret", with: privateURL.absoluteString).utf8)
        for (bytes, secret) in [(original, fixtureSecret), (redirected, privateSecret)] {
            let state = try XMLDocument.evaluate(
                XPathExpression("string(/em:Task/em:State)", namespaces: Fixtures.veeam), in: bytes)
            #expect(state == .string("Running"))
            #expect(!Self.everythingSaid(about: bytes).contains(secret))
        }
    }

    @Test("billion laughs fails fast with a clear error")
    func billionLaughs() throws {
        let bytes = try Fixtures.bytes("billion-laughs.xml")
        let clock = ContinuousClock()
        let start = clock.now
        let error = Fixtures.xmlError { try XMLDocument.checkWellFormed(bytes) }
        let elapsed = clock.now - start
        #expect(error == .forbiddenConstruct(
            message: "the DTD declares entity 'lol'; documents that declare entities are refused "
                + "(entity expansion and external entities are unsafe)",
            line: 3))
        #expect(elapsed < .milliseconds(200))
        let schema = try XMLSchema(contentsOf: Fixtures.path("schemas/task.xsd"))
        #expect(schema.validate(bytes).count == 1)
    }

    @Test("quadratic blow-up (one big entity referenced many times) fails fast too")
    func quadraticBlowup() {
        let big = String(repeating: "A", count: 100_000)
        let references = String(repeating: "&a;", count: 100_000)
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE kaboom [<!ENTITY a \"\(big)\">]>\n<kaboom>\(references)</kaboom>"
        let clock = ContinuousClock()
        let start = clock.now
        let error = Fixtures.xmlError { try XMLDocument.checkWellFormed(Array(xml.utf8)) }
        #expect(clock.now - start < .milliseconds(500))
        guard case let .forbiddenConstruct(_, line) = error else {
            Issue.record("expected forbiddenConstruct, got \(String(describing: error))")
            return
        }
        #expect(line == 2)
    }

    @Test("libxml2 writes nothing to stderr, on any thread")
    func nothingOnStderr() throws {
        let captured = try captureStandardError {
            FileHandle.standardError.write(Data("capture-works\n".utf8))
            Self.provokeErrors()
            // A thread libxml2 has never seen starts with libxml2's per-thread defaults.
            let done = DispatchSemaphore(value: 0)
            Thread {
                Self.provokeErrors()
                done.signal()
            }.start()
            done.wait()
        }
        #expect(captured.contains("capture-works"))  // the capture sees what is written to stderr
        for marker in ["parser error", "XPath error", "validity error", "Schemas", "tag mismatch", "Invalid expression", "Attempt to load"] {
            #expect(!captured.contains(marker), "stderr got: \(captured)")
        }
    }

    private static func provokeErrors() {
        _ = try? XMLDocument.checkWellFormed(Array("<a><b></a>".utf8))
        _ = try? XMLDocument.checkWellFormed(Array("<x:a/>".utf8))
        _ = try? XMLDocument.checkWellFormed(Array("<a>&undefined;</a>".utf8))
        _ = try? XPathExpression("/a[", namespaces: [:])
        _ = try? XPathExpression("count(", namespaces: [:])
        if let expression = try? XPathExpression("count('a')", namespaces: [:]) {
            _ = try? XMLDocument.evaluate(expression, in: Array("<a/>".utf8))
        }
        if let path = try? Fixtures.path("schemas/task.xsd"), let schema = try? XMLSchema(contentsOf: path) {
            _ = schema.validate(Array("<Task xmlns='http://www.veeam.com/ent/v1.0'/>".utf8))
        }
        for name in ["schemas/malformed.xsd", "schemas/network-import.xsd"] {
            if let path = try? Fixtures.path(name) { _ = try? XMLSchema(contentsOf: path) }
        }
    }

    /// Runs `body` with file descriptor 2 redirected to a temporary file and returns what was written.
    private func captureStandardError(_ body: () -> Void) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tollgate-stderr-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        let file = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(file >= 0)
        let saved = dup(STDERR_FILENO)
        dup2(file, STDERR_FILENO)
        body()
        fflush(nil)
        dup2(saved, STDERR_FILENO)
        close(saved)
        close(file)
        return try String(contentsOf: url, encoding: .utf8)
    }
}
