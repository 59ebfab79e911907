import Foundation

/// Logs the run on once and off again at the end, the way the run's profile says (``SessionStrategy``).
///
/// Every secret (password, Basic value, token, session id) goes into the masker the moment it is known,
/// before anything about the exchange is recorded.
struct SessionManager: Sendable {
    /// The run's profile.
    let profile: any ProtocolProfile
    /// The run's configuration (base URL, credentials, variables).
    let configuration: RunConfiguration
    /// The run's HTTP transport.
    let transport: HTTPTransport
    /// The run's masker.
    let masker: SecretMasker

    /// Why the logon did not give a session.
    enum LogonError: Error, Sendable {
        /// The logon failed; the finding says why (masked).
        case failed(Finding)
        /// The run was interrupted while logging on.
        case cancelled
    }

    /// Whether the run logs on (the profile decides, e.g. only with credentials).
    var logsOn: Bool { profile.session.logsOn(with: configuration.credentials) }

    /// Sends the profile's logon request and reads the session from the answer.
    func logOn() async throws(LogonError) -> RunSession {
        let strategy = profile.session
        let logon: SessionRequest
        do {
            logon = try strategy.logonRequest(configuration, masker: masker)
        } catch {
            throw .failed(finding("logon failed: \(error.message)", exchange: nil, notes: error.notes))
        }
        let request = logon.request
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
        for secret in strategy.secrets(in: response) { masker.add(secret) }
        let exchange = record(request, response, clock.now - start)

        guard logon.expectedStatuses.contains(response.status) else {
            let expected = Self.describe(logon.expectedStatuses)
            var notes = ["expected status \(expected), got \(response.status) \(response.reason)"]
            if let message = profile.serverMessage(in: response.body) { notes.append("server said: \(message)") }
            if response.status == 401 { notes.append("check --user and the password environment variable") }
            throw .failed(
                finding("logon failed: expected status \(expected), got \(response.status)", exchange: exchange, notes: notes))
        }
        do {
            let session = try strategy.session(from: response, configuration: configuration)
            masker.add(session.token)
            return session
        } catch {
            throw .failed(finding("logon failed: \(error.message)", exchange: exchange, notes: error.notes))
        }
    }

    /// Sends the profile's logoff request. Returns success and, on failure, why (masked).
    func logOff(_ session: RunSession, timeout: Duration) async -> (success: Bool, message: String?) {
        let logoff: SessionRequest
        do {
            logoff = try profile.session.logoffRequest(for: session, configuration: configuration, masker: masker)
        } catch {
            return (false, masker(error.message))
        }
        do {
            let response = try await transport.send(logoff.request, timeout: timeout)
            guard logoff.expectedStatuses.contains(response.status) else {
                var message =
                    "logoff failed: expected status \(Self.describe(logoff.expectedStatuses)), got \(response.status)"
                if let said = profile.serverMessage(in: response.body) { message += " (\(said))" }
                return (false, masker(message))
            }
            return (true, nil)
        } catch {
            return (false, masker("logoff failed: \(error.message)"))
        }
    }

    /// `201` or `200 or 201`.
    static func describe(_ statuses: [Int]) -> String {
        statuses.map(String.init).joined(separator: " or ")
    }

    private func record(_ request: OutgoingRequest, _ response: ReceivedResponse?, _ duration: Duration) -> Exchange {
        ExchangeRecorder.record(
            request: request, response: response, attempt: 1, offset: .zero, duration: duration, note: "logon",
            tokenHeaders: profile.session.tokenHeaderNames, masker: masker)
    }

    private func finding(_ message: String, exchange: Exchange?, notes: [String] = []) -> Finding {
        Finding(message: masker(message), diagnostic: nil, exchange: exchange, notes: notes.map { masker($0) })
    }
}
