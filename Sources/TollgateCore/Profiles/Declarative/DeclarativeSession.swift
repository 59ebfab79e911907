/// The session strategy of a ``SessionDefinition``: the logon request is built like a step's request
/// (with `{{user}}`/`{{password}}`), the token is taken like a capture, `send` headers carry it.
struct DeclarativeSession: SessionStrategy {
    /// The suite's session description.
    let definition: SessionDefinition

    func logsOn(with credentials: Credentials?) -> Bool { true }

    func logonRequest(_ configuration: RunConfiguration, masker: SecretMasker) throws(SessionProblem) -> SessionRequest {
        var scope = VariableScope(fileVariables: definition.variables, configuration: configuration)
        if let credentials = configuration.credentials {
            masker.addBasicCredentials(user: credentials.user, password: credentials.password)
            scope.set("user", credentials.user)
            scope.set("password", credentials.password)
        }
        let request = try build(definition.logon, scope: scope, session: nil, configuration: configuration, masker: masker)
        return SessionRequest(request: request, expectedStatuses: definition.logonStatuses)
    }

    func secrets(in response: ReceivedResponse) -> [String] {
        (try? token(in: response)).map { [$0] } ?? []
    }

    func session(from response: ReceivedResponse, configuration: RunConfiguration) throws(SessionProblem) -> RunSession {
        let token = try token(in: response)
        var scope = VariableScope(fileVariables: definition.variables, configuration: configuration)
        scope.set(SessionDefinition.tokenVariable, token)
        var headers: [HeaderField] = []
        for (name, template) in definition.send {
            do {
                headers.append(HeaderField(name: name, value: try scope.resolve(template)))
            } catch {
                throw SessionProblem(message: "\(error.location): `send` uses \(error.message)")
            }
        }
        return RunSession(token: token, headers: headers)
    }

    func logoffRequest(
        for session: RunSession, configuration: RunConfiguration, masker: SecretMasker
    ) throws(SessionProblem) -> SessionRequest {
        guard let logoff = definition.logoff else {
            throw SessionProblem(message: "logoff skipped: the session definition has no `logoff`")
        }
        var scope = VariableScope(fileVariables: definition.variables, configuration: configuration)
        scope.set(SessionDefinition.tokenVariable, session.token)
        do {
            let request = try build(logoff, scope: scope, session: session, configuration: configuration, masker: masker)
            return SessionRequest(request: request, expectedStatuses: definition.logoffStatuses)
        } catch {
            throw SessionProblem(message: "logoff failed: \(error.message)")
        }
    }

    var tokenHeaderNames: [String] {
        var names = definition.send.map(\.name)
        if case .header(let name) = definition.token.source { names.append(name) }
        return names
    }

    func isRejection(_ status: Int) -> Bool { definition.rejectedStatuses.contains(status) }

    var rejectionNote: String {
        "the run's token (\(definition.send.map(\.name).joined(separator: ", "))) was sent and refused; "
            + "Tollgate does not log on again"
    }

    /// The token the definition's capture finds, or why there is none.
    private func token(in response: ReceivedResponse) throws(SessionProblem) -> String {
        do {
            guard let value = try CaptureEvaluator.evaluate([definition.token], response: response).first?.value,
                !value.isEmpty
            else { throw SessionProblem(message: "the logon response has no token") }
            return value
        } catch let problem as SessionProblem {
            throw problem
        } catch {
            switch error as? CaptureEvaluator.Problem {
            case .notFound(let message, let location)?, .unusable(let message, let location)?:
                throw SessionProblem(message: "no token in the logon response: \(message) (\(location))")
            case nil:
                throw SessionProblem(message: "no token in the logon response")
            }
        }
    }

    /// A request of the definition, built like a step's (`auth: session` sends `session`'s headers).
    private func build(
        _ spec: RequestSpec, scope: VariableScope, session: RunSession?, configuration: RunConfiguration,
        masker: SecretMasker
    ) throws(SessionProblem) -> OutgoingRequest {
        let builder = RequestBuilder(configuration: configuration, session: session, masker: masker)
        do {
            return try builder.build(spec, scope: scope, mode: session == nil ? .none : .shared).request
        } catch {
            throw SessionProblem(message: "\(error.message) (\(error.location))")
        }
    }
}
