import Crypto

/// SHA-256 digests as the run record writes them: 64 lower-case hex digits.
public enum ContentHash {
    /// The SHA-256 of `bytes` in lower-case hex.
    public static func sha256<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hasher = SHA256()
        hasher.update(data: Array(bytes))
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The SHA-256 of the text's UTF-8 bytes.
    public static func sha256(_ text: String) -> String {
        sha256(Array(text.utf8))
    }
}
