/// How the runner verifies the server's TLS certificate. Verification is on by default.
public struct TLSOptions: Sendable {
    /// A PEM file whose certificates are the only trusted roots (`--cacert`), or nil for the system roots.
    public var caCertificatePath: String?
    /// Disables certificate verification entirely (`--insecure`).
    public var insecure: Bool

    /// Creates TLS options; the default verifies against the system's trusted roots.
    public init(caCertificatePath: String? = nil, insecure: Bool = false) {
        self.caCertificatePath = caCertificatePath
        self.insecure = insecure
    }
}
