import Foundation

/// Turns what was sent and received into an ``Exchange`` for reports: secret headers blanked,
/// every text passed through the masker, bodies shortened.
enum ExchangeRecorder {
    /// Headers whose values are never recorded.
    static let secretHeaders: Set<String> = [
        "authorization", "proxy-authorization", "cookie", "set-cookie", "x-restsvcsessionid",
    ]
    /// How many characters of a body are kept.
    static let excerptLimit = 4_000

    /// The exchange as reports show it. Session tokens seen on the way (a scenario that logs on by itself)
    /// become secrets first, with the session id they encode.
    static func record(
        request: OutgoingRequest, response: ReceivedResponse?, attempt: Int, offset: Duration,
        duration: Duration, note: String?, masker: SecretMasker
    ) -> Exchange {
        learnSessionTokens(request.headers + (response?.headers ?? []), masker: masker)
        return Exchange(
            attempt: attempt,
            offset: offset,
            duration: duration,
            request: recordedRequest(request, masker: masker),
            response: response.map { recordedResponse($0, masker: masker) },
            note: note.map { masker($0) }
        )
    }

    /// Adds every `X-RestSvcSessionId` value (header or cookie) to the masker.
    static func learnSessionTokens(_ headers: [HeaderField], masker: SecretMasker) {
        let name = RequestBuilder.sessionHeader.lowercased()
        for field in headers {
            switch field.name.lowercased() {
            case name:
                masker.add(field.value)
            case "set-cookie", "cookie":
                for part in field.value.split(separator: ";") {
                    let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    if pair.count == 2, pair[0].lowercased() == name { masker.add(pair[1]) }
                }
            default:
                break
            }
        }
    }

    /// The request with secrets masked.
    static func recordedRequest(_ request: OutgoingRequest, masker: SecretMasker) -> RecordedRequest {
        RecordedRequest(
            method: request.method,
            url: masker(request.url),
            headers: maskedHeaders(request.headers, masker: masker),
            bodyExcerpt: request.body.map { excerpt($0, masker: masker) }
        )
    }

    /// The response with secrets masked.
    static func recordedResponse(_ response: ReceivedResponse, masker: SecretMasker) -> RecordedResponse {
        RecordedResponse(
            status: response.status,
            reason: masker(response.reason),
            headers: maskedHeaders(response.headers, masker: masker),
            bodyExcerpt: excerpt(response.body, masker: masker),
            bodySize: response.body.count
        )
    }

    /// Header lines with secret values replaced by the mask and the rest masked.
    static func maskedHeaders(_ headers: [HeaderField], masker: SecretMasker) -> [HeaderField] {
        headers.map { field in
            let value = secretHeaders.contains(field.name.lowercased()) ? SecretMasker.mask : masker(field.value)
            return HeaderField(name: field.name, value: value)
        }
    }

    /// The start of a body as masked text; the cut is made after masking so no secret is split.
    static func excerpt(_ body: [UInt8], masker: SecretMasker) -> String {
        let window = body.prefix(excerptLimit * 4 + 1_024)
        let masked = masker(String(decoding: window, as: UTF8.self))
        guard masked.count > excerptLimit || window.count < body.count else { return masked }
        return String(masked.prefix(excerptLimit)) + "… (\(body.count) bytes in all)"
    }
}
