import NIOSSL

/// The TLS server configuration built from ``TLSSettings``.
struct TLSMaterial {
    var configuration: TLSConfiguration
    /// The PEM of a certificate generated at start; nil when read from files.
    var generatedCertificatePEM: String?

    init(settings: TLSSettings, host: String) throws {
        switch settings {
        case .files(let certificatePath, let keyPath):
            let chain: [NIOSSLCertificate]
            do {
                chain = try NIOSSLCertificate.fromPEMFile(certificatePath)
            } catch {
                throw ServerError.tls("cannot read a PEM certificate from \(certificatePath) (\(error))")
            }
            guard !chain.isEmpty else {
                throw ServerError.tls("\(certificatePath) holds no PEM certificate")
            }
            let key: NIOSSLPrivateKey
            do {
                key = try NIOSSLPrivateKey(file: keyPath, format: .pem)
            } catch {
                throw ServerError.tls("cannot read a PEM private key from \(keyPath) (\(error))")
            }
            configuration = .makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
            generatedCertificatePEM = nil
        case .selfSigned:
            let generated: SelfSignedCertificate
            let certificate: NIOSSLCertificate
            let key: NIOSSLPrivateKey
            do {
                generated = try SelfSignedCertificate.generate(for: host)
                certificate = try NIOSSLCertificate(bytes: Array(generated.certificatePEM.utf8), format: .pem)
                key = try NIOSSLPrivateKey(bytes: Array(generated.privateKeyPEM.utf8), format: .pem)
            } catch {
                throw ServerError.tls("cannot generate a self-signed certificate (\(error))")
            }
            configuration = .makeServerConfiguration(certificateChain: [.certificate(certificate)], privateKey: .privateKey(key))
            generatedCertificatePEM = generated.certificatePEM
        }
    }
}
