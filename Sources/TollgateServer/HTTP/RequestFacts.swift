import Foundation
import Hummingbird

/// What the server needs from one request, read once.
struct RequestFacts: Sendable {
    /// `HTTPField.Name`, reached through `HTTPFields` (Hummingbird re-exports only the collection).
    typealias HeaderName = HTTPFields.Element.Name

    var method: String
    var path: String
    /// The raw query (after `?`), if any.
    var query: String?
    /// Query parameters with lower-cased names (the vendor's server ignores case), decoded.
    var parameters: [String: String]
    /// Any `application/json` in `Accept` selects JSON (reference §1.6).
    var wantsJSON: Bool
    /// The session token: the cookie wins over the header (reference §3.3).
    var token: String?
    /// The `Authorization` header.
    var authorization: String?
    /// The `X-Tollgate-Fault` header.
    var faultHeader: String?
    /// `Host` as the client sent it, when it looks like a host name or address.
    var authority: String?

    static let tokenName = "X-RestSvcSessionId"

    init(_ request: Request) {
        method = request.method.rawValue
        path = request.uri.path
        query = request.uri.query
        var parameters: [String: String] = [:]
        for pair in (request.uri.query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = (String(parts[0]).removingPercentEncoding ?? String(parts[0])).lowercased()
            let raw = parts.count > 1 ? String(parts[1]).replacingOccurrences(of: "+", with: " ") : ""
            if parameters[name] == nil {
                parameters[name] = raw.removingPercentEncoding ?? raw
            }
        }
        self.parameters = parameters
        let headers = request.headers
        let accept = headers[values: .accept].joined(separator: ",").lowercased()
        wantsJSON = accept.contains("application/json")
        let headerName = HeaderName(Self.tokenName)
        let headerToken = headerName.flatMap { headers[$0] }
        token = Self.cookieToken(headers[values: .cookie]) ?? headerToken
        authorization = headers[.authorization]
        faultHeader = HeaderName("X-Tollgate-Fault").flatMap { name in
            let values = headers[values: name]
            return values.isEmpty ? nil : values.joined(separator: ",")
        }
        let host = request.head.authority ?? headers.first { $0.name.canonicalName == "host" }?.value
        authority = host.flatMap { value in
            value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-.:[]_".contains($0)) } && !value.isEmpty
                ? value : nil
        }
    }

    /// The value of the `X-RestSvcSessionId` cookie, if any `Cookie` header carries it.
    private static func cookieToken(_ cookieHeaders: [String]) -> String? {
        for header in cookieHeaders {
            for item in header.split(separator: ";") {
                let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard pair.count == 2 else { continue }
                if pair[0].trimmingCharacters(in: .whitespaces).lowercased() == tokenName.lowercased() {
                    let value = pair[1].trimmingCharacters(in: .whitespaces)
                    return value.isEmpty ? nil : value
                }
            }
        }
        return nil
    }
}
