import Crypto
import Foundation
import X509

/// A certificate and key generated at start for local HTTPS (reference §0: Enterprise Manager
/// normally runs with a self-signed certificate too).
///
/// P-256, valid from one hour ago for 30 days, for `localhost`, `127.0.0.1`, `::1` and the
/// host the server binds. It is its own CA (BoringSSL, behind NIOSSL and AsyncHTTPClient,
/// refuses a self-signed trust anchor that is not a CA), so a client trusts it directly
/// (`curl --cacert`).
struct SelfSignedCertificate: Sendable {
    /// The certificate, PEM.
    var certificatePEM: String
    /// The private key, PEM (PKCS#8).
    var privateKeyPEM: String

    /// Generates a new certificate for `host` (besides the loopback names).
    static func generate(for host: String) throws -> SelfSignedCertificate {
        let key = P256.Signing.PrivateKey()
        let now = Date()
        var dnsNames = ["localhost"]
        var addresses: [[UInt8]] = [[127, 0, 0, 1], Array(repeating: 0, count: 15) + [1]]
        if let bytes = ipAddressBytes(host) {
            if !addresses.contains(bytes) && !bytes.allSatisfy({ $0 == 0 }) {
                addresses.append(bytes)
            }
        } else if !host.isEmpty && !dnsNames.contains(host.lowercased()) {
            dnsNames.append(host.lowercased())
        }
        let names = dnsNames.map(GeneralName.dnsName) + addresses.map { GeneralName.ipAddress(.init(contentBytes: $0[...])) }
        let subject = try DistinguishedName {
            CommonName("localhost")
            OrganizationName("Tollgate built-in Enterprise Manager")
        }
        let extensions = try Certificate.Extensions {
            Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
            Critical(KeyUsage(digitalSignature: true, keyCertSign: true))
            try ExtendedKeyUsage([.serverAuth])
            SubjectAlternativeNames(names)
        }
        var serial = [UInt8](repeating: 0, count: 16)
        for index in serial.indices {
            serial[index] = UInt8.random(in: 0...255)
        }
        serial[0] &= 0x7F
        let certificate = try Certificate(
            version: .v3,
            serialNumber: Certificate.SerialNumber(bytes: serial[...]),
            publicKey: Certificate.PublicKey(key.publicKey),
            notValidBefore: now.addingTimeInterval(-3600),
            notValidAfter: now.addingTimeInterval(30 * 24 * 3600),
            issuer: subject,
            subject: subject,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: extensions,
            issuerPrivateKey: Certificate.PrivateKey(key))
        return SelfSignedCertificate(
            certificatePEM: try certificate.serializeAsPEM().pemString,
            privateKeyPEM: key.pemRepresentation)
    }

    /// The 4 or 16 bytes of an IPv4 or IPv6 literal; nil for a host name.
    private static func ipAddressBytes(_ host: String) -> [UInt8]? {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 4 {
            let bytes = parts.compactMap { UInt8($0) }
            return bytes.count == 4 ? bytes : nil
        }
        guard host.contains(":") else { return nil }
        var address = in6_addr()
        guard inet_pton(AF_INET6, host, &address) == 1 else { return nil }
        return withUnsafeBytes(of: &address) { Array($0) }
    }
}
