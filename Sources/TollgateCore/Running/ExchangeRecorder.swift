import Foundation

/// Turns what was sent and received into an ``Exchange`` for reports: secret headers blanked,
/// every text passed through the masker, bodies shortened.
enum ExchangeRecorder {
    /// Headers whose values are never recorded (besides the profile's token headers).
    static let secretHeaders: Set<String> = [
        "authorization", "proxy-authorization", "cookie", "set-cookie",
    ]
    /// How many characters of a body are kept.
    static let excerptLimit = 4_000

    /// The exchange as reports show it. Session tokens seen on the way in `tokenHeaders` (the profile's
    /// token headers; a scenario that logs on by itself) become secrets first, with the session id they encode.
    static func record(
        request: OutgoingRequest, response: ReceivedResponse?, attempt: Int, offset: Duration,
        duration: Duration, note: String?, tokenHeaders: [String], masker: SecretMasker
    ) -> Exchange {
        learnSessionTokens(request.headers + (response?.headers ?? []), tokenHeaders: tokenHeaders, masker: masker)
        let hidden = secretHeaders.union(tokenHeaders.map { $0.lowercased() })
        return Exchange(
            attempt: attempt,
            offset: offset,
            duration: duration,
            request: recordedRequest(request, hidden: hidden, masker: masker),
            response: response.map { recordedResponse($0, hidden: hidden, masker: masker) },
            note: note.map { masker($0) }
        )
    }

    /// Adds every value of a token header (as a header, or a cookie of that name) to the masker.
    static func learnSessionTokens(_ headers: [HeaderField], tokenHeaders: [String], masker: SecretMasker) {
        let names = Set(tokenHeaders.map { $0.lowercased() })
        guard !names.isEmpty else { return }
        for field in headers {
            let name = field.name.lowercased()
            switch name {
            case _ where names.contains(name):
                masker.add(field.value)
            case "set-cookie", "cookie":
                for part in field.value.split(separator: ";") {
                    let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    if pair.count == 2, names.contains(pair[0].lowercased()) { masker.add(pair[1]) }
                }
            default:
                break
            }
        }
    }

    /// The request with secrets masked.
    static func recordedRequest(_ request: OutgoingRequest, hidden: Set<String>, masker: SecretMasker) -> RecordedRequest {
        RecordedRequest(
            method: request.method,
            url: masker(request.url),
            headers: maskedHeaders(request.headers, hidden: hidden, masker: masker),
            body: request.body.map { body($0, masker: masker) }
        )
    }

    /// The response with secrets masked.
    static func recordedResponse(_ response: ReceivedResponse, hidden: Set<String>, masker: SecretMasker) -> RecordedResponse {
        RecordedResponse(
            status: response.status,
            reason: masker(response.reason),
            headers: maskedHeaders(response.headers, hidden: hidden, masker: masker),
            body: body(response.body, masker: masker)
        )
    }

    /// Header lines with the values of `hidden` headers (lower case) replaced by the mask and the rest masked.
    static func maskedHeaders(_ headers: [HeaderField], hidden: Set<String>, masker: SecretMasker) -> [HeaderField] {
        headers.map { field in
            let value = hidden.contains(field.name.lowercased()) ? SecretMasker.mask : masker(field.value)
            return HeaderField(name: field.name, value: value)
        }
    }

    /// A body as reports keep it: the start as masked text (the cut is made after masking so no secret
    /// is split), the full size, and the hash of the whole masked text.
    static func body(_ bytes: [UInt8], masker: SecretMasker) -> RecordedBody {
        let whole = String(decoding: bytes, as: UTF8.self)
        let masked = masker(whole)
        let cut = masked.count > excerptLimit
        return RecordedBody(
            text: cut ? String(masked.prefix(excerptLimit)) : masked, size: bytes.count, isTruncated: cut,
            sha256: ContentHash.sha256(masked))
    }
}
