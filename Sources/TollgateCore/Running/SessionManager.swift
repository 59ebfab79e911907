import Foundation
import TollgateXML

/// Logs the run on to Enterprise Manager once and off again at the end (protocol §3, §4).
///
/// Every secret (password, Basic value, token, session id and the token's decoded form) goes into the
/// masker the moment it is known, before anything about the exchange is recorded.
struct SessionManager: Sendable {
    /// The run's configuration.
    let configuration: RunConfiguration
    /// The run's HTTP transport.
    let transport: HTTPTransport
    /// The run's masker.
    let masker: SecretMasker

    private static let deleteLinkXML = try? XPathExpression(
        "string(/*[local-name()='LogonSession']/*[local-name()='Links']/*[local-name()='Link'][@Rel='Delete']/@Href)",
        namespaces: [:])
    private static let sessionIDXML = try? XPathExpression(
        "string(/*[local-name()='LogonSession']/*[local-name()='SessionId'])", namespaces: [:])
    private static let deleteLinkJSON = try? XPathExpression(
        "string(/json/*[local-name()='Links' or local-name()='links']"
            + "[*[local-name()='Rel' or local-name()='rel']='Delete']/*[local-name()='Href' or local-name()='href'])",
        namespaces: [:])
    private static let sessionIDJSON = try? XPathExpression(
        "string(/json/*[local-name()='SessionId' or local-name()='sessionId'])", namespaces: [:])

    /// Why the logon did not give a session.
    enum LogonError: Error, Sendable {
        /// The logon failed; the finding says why (masked).
        case failed(Finding)
        /// The run was interrupted while logging on.
        case cancelled
    }

    /// `POST logonPath` with Basic credentials; expects 201 and an `X-RestSvcSessionId` header.
    func logOn(_ credentials: Credentials) async throws(LogonError) -> LogonSession {
        masker.addBasicCredentials(user: credentials.user, password: credentials.password)
        let encoded = Data("\(credentials.user):\(credentials.password)".utf8).base64EncodedString()
        let request = OutgoingRequest(
            method: "POST",
            url: URLBuilder.join(base: configuration.baseURL, path: configuration.logonPath),
            headers: [
                HeaderField(name: "Authorization", value: "Basic \(encoded)"),
                HeaderField(name: "User-Agent", value: "tollgate"),
            ],
            body: nil)
        let clock = ContinuousClock()
        let start = clock.now
        let response: ReceivedResponse
        do {
            response = try await transport.send(request)
        } catch .cancelled {
            throw .cancelled
        } catch {
            let exchange = record(request, nil, clock.now - start)
            throw .failed(finding("logon failed: \(error.message)", exchange: exchange))
        }
        // Learn the secrets before recording anything about the response.
        let token = response.header(RequestBuilder.sessionHeader)
        if let token { masker.add(token) }
        let sessionID = Self.read(Self.sessionIDXML, Self.sessionIDJSON, in: response)
        if let sessionID { masker.add(sessionID) }
        let exchange = record(request, response, clock.now - start)

        guard response.status == 201 else {
            var notes = ["expected status 201, got \(response.status) \(response.reason)"]
            if let message = ServerErrorMessage.extract(from: response.body) { notes.append("server said: \(message)") }
            if response.status == 401 { notes.append("check --user and the password environment variable") }
            throw .failed(
                finding(
                    "logon failed: expected status 201, got \(response.status)", exchange: exchange, notes: notes))
        }
        guard let token, !token.isEmpty else {
            throw .failed(
                finding("logon failed: the 201 response has no \(RequestBuilder.sessionHeader) header", exchange: exchange))
        }
        var logoffURL = Self.read(Self.deleteLinkXML, Self.deleteLinkJSON, in: response)
        if logoffURL == nil, let id = sessionID ?? Self.decodedSessionID(token) {
            logoffURL = URLBuilder.join(base: configuration.baseURL, path: "/api/logonSessions/\(id)")
        }
        return LogonSession(token: token, sessionID: sessionID, logoffURL: logoffURL)
    }

    /// `DELETE` on the session's Delete link; expects 204. Returns success and, on failure, why (masked).
    func logOff(_ session: LogonSession, timeout: Duration) async -> (success: Bool, message: String?) {
        guard let url = session.logoffURL else {
            return (false, "logoff skipped: the logon response has no Delete link and no SessionId")
        }
        let request = OutgoingRequest(
            method: "DELETE", url: url,
            headers: [
                HeaderField(name: RequestBuilder.sessionHeader, value: session.token),
                HeaderField(name: "User-Agent", value: "tollgate"),
            ],
            body: nil)
        do {
            let response = try await transport.send(request, timeout: timeout)
            guard response.status == 204 else {
                var message = "logoff failed: expected status 204, got \(response.status)"
                if let error = ServerErrorMessage.extract(from: response.body) { message += " (\(error))" }
                return (false, masker(message))
            }
            return (true, nil)
        } catch {
            return (false, masker("logoff failed: \(error.message)"))
        }
    }

    /// A value from the logon body, read as XML or else as JSON.
    private static func read(_ xml: XPathExpression?, _ json: XPathExpression?, in response: ReceivedResponse) -> String? {
        let preferJSON = response.header("Content-Type")?.lowercased().contains("json") ?? false
        let attempts: [(XPathExpression?, UnusableBody.BodyKind)] =
            preferJSON ? [(json, .json), (xml, .xml)] : [(xml, .xml), (json, .json)]
        for (expression, kind) in attempts {
            guard let expression, let results = try? BodyQuery.evaluate([expression], in: response.body, as: kind),
                case .success(let value)? = results.first
            else { continue }
            let text = value.stringValue.trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { return text }
        }
        return nil
    }

    /// The session id a token encodes, when it is base64 of a GUID (protocol §3.2).
    static func decodedSessionID(_ token: String) -> String? {
        guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8),
            UUID(uuidString: text) != nil
        else { return nil }
        return text
    }

    private func record(_ request: OutgoingRequest, _ response: ReceivedResponse?, _ duration: Duration) -> Exchange {
        ExchangeRecorder.record(
            request: request, response: response, attempt: 1, offset: .zero, duration: duration, note: "logon",
            masker: masker)
    }

    private func finding(_ message: String, exchange: Exchange, notes: [String] = []) -> Finding {
        Finding(message: masker(message), diagnostic: nil, exchange: exchange, notes: notes.map { masker($0) })
    }
}
