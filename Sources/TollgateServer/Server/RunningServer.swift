import ServiceLifecycle

/// A started built-in server.
public final class RunningServer: Sendable {
    /// `http://127.0.0.1:54321` or `https://…`, no trailing slash.
    public let baseURL: String
    /// The bound port (the real one when 0 was asked for).
    public let port: Int
    private let generatedCertificatePEM: String?
    private let counter: LockedValue<Int>
    private let issued: LockedValue<[String]>
    private let group: ServiceGroup
    private let runTask: Task<Void, any Error>

    init(
        baseURL: String,
        port: Int,
        certificatePEM: String?,
        requestCount: LockedValue<Int>,
        issuedSessionIDs: LockedValue<[String]>,
        group: ServiceGroup,
        runTask: Task<Void, any Error>
    ) {
        self.baseURL = baseURL
        self.port = port
        self.generatedCertificatePEM = certificatePEM
        self.counter = requestCount
        self.issued = issuedSessionIDs
        self.group = group
        self.runTask = runTask
    }

    /// The self-signed certificate (PEM) generated at start, so a client can trust it
    /// (`curl --cacert`); nil for plain HTTP or a certificate read from files.
    public var certificatePEM: String? {
        generatedCertificatePEM
    }

    /// Requests received so far.
    public var requestCount: Int {
        counter.current
    }

    /// Every logon session id handed out so far, in order, including those since logged off or
    /// expired. Each one's token is `base64(id)`. Read-only; for tests that check no secret leaks.
    public var issuedSessionIDs: [String] {
        issued.current
    }

    /// Stops gracefully: the listener closes, requests in flight are answered, then the
    /// connections close. Returns when stopped; calling it again does nothing.
    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = await runTask.result
    }

    /// Returns when the server has stopped (after ``stop()``); throws if it failed.
    public func waitUntilStopped() async throws {
        try await runTask.value
    }
}
