import Foundation
import TollgateXML

/// The Enterprise Manager logon session (protocol §3, §4): `POST /api/sessionMngr/?v=latest` with Basic
/// credentials answers 201 with the token in `X-RestSvcSessionId`; every request then sends that header;
/// the logoff is a DELETE on the session's `Delete` link (204); a 401 means the session is gone.
struct EnterpriseManagerSession: SessionStrategy {
    /// The header that carries the session token (protocol §3.3).
    static let tokenHeader = "X-RestSvcSessionId"
    /// Where the logon request goes, relative to the base URL (protocol §3.1).
    static let logonPath = "/api/sessionMngr/?v=latest"
    /// The name under which the logon's `BackupServerList` link is kept for the fingerprint.
    static let backupServerListLink = "BackupServerList"

    private static let deleteLinkXML = try? XPathExpression(
        "string(/*[local-name()='LogonSession']/*[local-name()='Links']/*[local-name()='Link'][@Rel='Delete']/@Href)",
        namespaces: [:])
    private static let deleteLinkJSON = try? XPathExpression(
        "string(/json/*[local-name()='Links' or local-name()='links']"
            + "[*[local-name()='Rel' or local-name()='rel']='Delete']/*[local-name()='Href' or local-name()='href'])",
        namespaces: [:])
    private static let backupServersXML = try? XPathExpression(
        "string(/*[local-name()='LogonSession']/*[local-name()='Links']/*[local-name()='Link'][@Type='BackupServerList']/@Href)",
        namespaces: [:])
    private static let backupServersJSON = try? XPathExpression(
        "string(/json/*[local-name()='Links' or local-name()='links']"
            + "[*[local-name()='Type' or local-name()='type']='BackupServerList']/*[local-name()='Href' or local-name()='href'])",
        namespaces: [:])
    private static let sessionIDXML = try? XPathExpression(
        "string(/*[local-name()='LogonSession']/*[local-name()='SessionId'])", namespaces: [:])
    private static let sessionIDJSON = try? XPathExpression(
        "string(/json/*[local-name()='SessionId' or local-name()='sessionId'])", namespaces: [:])

    func logsOn(with credentials: Credentials?) -> Bool { credentials != nil }

    func logonRequest(_ configuration: RunConfiguration, masker: SecretMasker) throws(SessionProblem) -> SessionRequest {
        guard let credentials = configuration.credentials else { throw SessionProblem(message: "no credentials to log on with") }
        masker.addBasicCredentials(user: credentials.user, password: credentials.password)
        let encoded = Data("\(credentials.user):\(credentials.password)".utf8).base64EncodedString()
        let request = OutgoingRequest(
            method: "POST",
            url: URLBuilder.join(base: configuration.baseURL, path: Self.logonPath),
            headers: [
                HeaderField(name: "Authorization", value: "Basic \(encoded)"),
                HeaderField(name: "User-Agent", value: "tollgate"),
            ],
            body: nil)
        return SessionRequest(request: request, expectedStatuses: [201])
    }

    func secrets(in response: ReceivedResponse) -> [String] {
        [response.header(Self.tokenHeader), ResponseValues.text(Self.sessionIDXML, Self.sessionIDJSON, in: response)]
            .compactMap { $0 }
    }

    func session(from response: ReceivedResponse, configuration: RunConfiguration) throws(SessionProblem) -> RunSession {
        guard let token = response.header(Self.tokenHeader), !token.isEmpty else {
            throw SessionProblem(message: "the \(response.status) response has no \(Self.tokenHeader) header")
        }
        var logoffURL = ResponseValues.text(Self.deleteLinkXML, Self.deleteLinkJSON, in: response)
        let sessionID = ResponseValues.text(Self.sessionIDXML, Self.sessionIDJSON, in: response)
        if logoffURL == nil, let id = sessionID ?? Self.decodedSessionID(token) {
            logoffURL = URLBuilder.join(base: configuration.baseURL, path: "/api/logonSessions/\(id)")
        }
        var links: [String: String] = [:]
        links[Self.backupServerListLink] = ResponseValues.text(Self.backupServersXML, Self.backupServersJSON, in: response)
        return RunSession(
            token: token, headers: [HeaderField(name: Self.tokenHeader, value: token)], logoffURL: logoffURL,
            links: links)
    }

    func logoffRequest(
        for session: RunSession, configuration: RunConfiguration, masker: SecretMasker
    ) throws(SessionProblem) -> SessionRequest {
        guard let url = session.logoffURL else {
            throw SessionProblem(message: "logoff skipped: the logon response has no Delete link and no SessionId")
        }
        let request = OutgoingRequest(
            method: "DELETE", url: url,
            headers: session.headers + [HeaderField(name: "User-Agent", value: "tollgate")], body: nil)
        return SessionRequest(request: request, expectedStatuses: [204])
    }

    var tokenHeaderNames: [String] { [Self.tokenHeader] }

    func isRejection(_ status: Int) -> Bool { status == 401 }

    var rejectionNote: String {
        "the run's \(Self.tokenHeader) was sent and refused; Tollgate does not log on again"
    }

    /// The session id a token encodes, when it is base64 of a GUID (protocol §3.2).
    static func decodedSessionID(_ token: String) -> String? {
        guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8),
            UUID(uuidString: text) != nil
        else { return nil }
        return text
    }
}
