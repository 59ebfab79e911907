/// Sends the fingerprint probes of a profile: GETs relative to the base URL, optionally with the run's
/// session headers. Probe exchanges are not part of the report; their errors become fingerprint notes.
struct ProbeClient: Sendable {
    /// The run's base URL.
    let baseURL: String
    /// The run's HTTP transport.
    let transport: HTTPTransport
    /// The limit for one probe.
    let timeout: Duration

    /// `GET path` (relative to the base URL) or an absolute URL; the response, or a one-line reason.
    func get(_ pathOrURL: String, session: RunSession? = nil) async -> Result<ReceivedResponse, TransportError> {
        let lower = pathOrURL.lowercased()
        let url =
            lower.hasPrefix("http://") || lower.hasPrefix("https://")
            ? pathOrURL : URLBuilder.join(base: baseURL, path: pathOrURL)
        var headers = session?.headers ?? []
        headers.append(HeaderField(name: "User-Agent", value: "tollgate"))
        do {
            return .success(
                try await transport.send(OutgoingRequest(method: "GET", url: url, headers: headers, body: nil), timeout: timeout))
        } catch {
            return .failure(error)
        }
    }
}
