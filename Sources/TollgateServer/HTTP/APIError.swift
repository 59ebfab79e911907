/// An error answer: the status, the `Message` of the Error body, and extra headers.
struct APIError: Error, Sendable, Equatable {
    var status: Int
    var message: String
    var headers: [String: String]

    init(status: Int, message: String, headers: [String: String] = [:]) {
        self.status = status
        self.message = message
        self.headers = headers
    }

    /// The challenge on every 401, which fingerprinting tools and Windows PowerShell rely on.
    static let challenge = ["WWW-Authenticate": "Basic Realm=RestSvc"]

    static func badRequest(_ message: String) -> APIError {
        APIError(status: 400, message: message)
    }

    /// 401 for a failed logon (bad or missing credentials).
    static func logonFailed(_ message: String) -> APIError {
        APIError(status: 401, message: message, headers: challenge)
    }

    /// 401 for a missing, unknown, logged-off or expired session token.
    static let noSession = APIError(
        status: 401,
        message: "Authorization header expected but not found (or found but is expired).",
        headers: challenge)

    static let accessDenied = APIError(status: 403, message: "Access denied.")

    static func notFound(_ message: String) -> APIError {
        APIError(status: 404, message: message)
    }

    static func methodNotAllowed(_ method: String, allowed: [String]) -> APIError {
        APIError(
            status: 405,
            message: "Method \(method) is not allowed on this resource; allowed: \(allowed.joined(separator: ", ")).",
            headers: ["Allow": allowed.joined(separator: ", ")])
    }

    static func internalError(_ message: String) -> APIError {
        APIError(status: 500, message: message)
    }
}
