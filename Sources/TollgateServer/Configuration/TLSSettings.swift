/// How the built-in server offers TLS.
public enum TLSSettings: Sendable, Equatable {
    /// A PEM certificate chain and a PEM private key read from files at start.
    case files(certificatePath: String, keyPath: String)
    /// A certificate and key generated at start (P-256, valid for `localhost`, `127.0.0.1`,
    /// `::1` and the configured host). ``RunningServer/certificatePEM`` returns it so that a
    /// client can trust it.
    case selfSigned
}
