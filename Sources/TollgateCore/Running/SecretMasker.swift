import Foundation
import Synchronization

/// Replaces every known secret (passwords, tokens, session ids, Basic credentials) with `***`
/// in any text that leaves the library. Shared by the runner and the reporters; safe from any thread.
public final class SecretMasker: Sendable {
    /// What a secret is replaced with.
    public static let mask = "***"
    /// Secrets shorter than this are not masked (masking "a" everywhere would garble output).
    public static let minimumLength = 4

    private let secrets = Mutex<Set<String>>([])

    /// Creates a masker that knows no secrets yet.
    public init() {}

    /// Adds a secret, and the forms it travels in: its base64 encoding and, for a base64 token,
    /// the text it decodes to (Enterprise Manager tokens are `base64(SessionId)`, protocol §3.2).
    public func add(_ secret: String) {
        guard secret.count >= Self.minimumLength else { return }
        var forms: Set<String> = [secret, Data(secret.utf8).base64EncodedString()]
        if let decoded = Data(base64Encoded: secret), let text = String(data: decoded, encoding: .utf8),
            text.count >= Self.minimumLength, text.allSatisfy({ !$0.isNewline })
        {
            forms.insert(text)
        }
        secrets.withLock { $0.formUnion(forms) }
    }

    /// Adds `user:password` Basic credentials: the password and the encoded header value.
    public func addBasicCredentials(user: String, password: String) {
        add(password)
        add(Data("\(user):\(password)".utf8).base64EncodedString())
    }

    /// The text with every secret replaced by ``mask``, longest secrets first.
    public func callAsFunction(_ text: String) -> String {
        let known = secrets.withLock { $0 }
        guard !known.isEmpty else { return text }
        var masked = text
        for secret in known.sorted(by: { $0.count > $1.count }) where masked.contains(secret) {
            masked = masked.replacingOccurrences(of: secret, with: Self.mask)
        }
        return masked
    }

    /// True when the text contains no known secret.
    public func isClean(_ text: String) -> Bool {
        let known = secrets.withLock { $0 }
        return !known.contains { text.contains($0) }
    }
}
