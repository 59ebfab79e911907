import Foundation

/// Resolves a step's request: variables substituted, URL built, authentication added.
struct RequestBuilder: Sendable {
    /// The run's configuration (base URL, credentials).
    let configuration: RunConfiguration
    /// The run's logon session, if the run logged on.
    let session: RunSession?
    /// Learns the Basic credentials a step uses.
    let masker: SecretMasker

    /// A request ready to send, and whether it carries the run's session token.
    struct Built: Sendable {
        /// The request.
        var request: OutgoingRequest
        /// True when the run's token is sent (a rejection status then means the session is gone).
        var sendsSessionToken: Bool
    }

    /// Why a request could not be built.
    struct Problem: Error, Sendable {
        /// One line for the finding.
        var message: String
        /// Where the fault is written.
        var location: SourceLocation
    }

    /// The request for `spec`, in a scenario with session mode `mode`.
    func build(_ spec: RequestSpec, scope: VariableScope, mode: SessionMode) throws(Problem) -> Built {
        do {
            return try buildResolving(spec, scope: scope, mode: mode)
        } catch let error as Problem {
            throw error
        } catch let error as UnresolvedVariable {
            throw Problem(message: error.message, location: error.location)
        } catch {
            throw Problem(message: String(describing: error), location: spec.location)
        }
    }

    private func buildResolving(_ spec: RequestSpec, scope: VariableScope, mode: SessionMode) throws -> Built {
        var url: String
        switch spec.target {
        case .path(let template): url = URLBuilder.join(base: configuration.baseURL, path: try scope.resolve(template))
        case .url(let template): url = try scope.resolve(template)
        }
        var query: [(name: String, value: String)] = []
        for item in spec.query {
            query.append((item.name, try scope.resolve(item.value)))
        }
        url = URLBuilder.appendingQuery(url, query)

        var headers: [HeaderField] = []
        for header in spec.headers {
            headers.append(HeaderField(name: header.name, value: try scope.resolve(header.value)))
        }
        func has(_ name: String) -> Bool {
            headers.contains { $0.name.caseInsensitiveCompare(name) == .orderedSame }
        }

        var sendsToken = false
        switch spec.auth {
        case .session:
            // The step's own header of the same name wins (a scenario testing a foreign token).
            if mode == .shared, let session {
                for field in session.headers where !has(field.name) {
                    headers.append(field)
                    sendsToken = true
                }
            }
        case .none:
            break
        case .runCredentials:
            guard let credentials = configuration.credentials else {
                throw Problem(
                    message: "auth: basic uses the run's credentials, but none were given (--user)",
                    location: spec.location)
            }
            if !has("Authorization") {
                headers.append(basicAuthorization(user: credentials.user, password: credentials.password))
            }
        case .basic(let user, let password):
            let userText = try scope.resolve(user)
            let passwordText = try scope.resolve(password)
            if !has("Authorization") {
                headers.append(basicAuthorization(user: userText, password: passwordText))
            }
        }

        var body: [UInt8]?
        switch spec.body {
        case .inline(let template)?:
            body = Array(try scope.resolve(template).utf8)
        case .file(let path, let location)?:
            guard let data = FileManager.default.contents(atPath: path) else {
                throw Problem(message: "cannot read the body file \(path)", location: location)
            }
            body = Array(data)
        case nil:
            body = nil
        }
        if body != nil, !has("Content-Type") {
            headers.append(HeaderField(name: "Content-Type", value: "application/xml"))
        }
        if !has("User-Agent") {
            headers.append(HeaderField(name: "User-Agent", value: "tollgate"))
        }
        return Built(
            request: OutgoingRequest(method: spec.method.value, url: url, headers: headers, body: body),
            sendsSessionToken: sendsToken)
    }

    /// `Authorization: Basic …`; the credentials become secrets first.
    private func basicAuthorization(user: String, password: String) -> HeaderField {
        masker.addBasicCredentials(user: user, password: password)
        let encoded = Data("\(user):\(password)".utf8).base64EncodedString()
        return HeaderField(name: "Authorization", value: "Basic \(encoded)")
    }
}
