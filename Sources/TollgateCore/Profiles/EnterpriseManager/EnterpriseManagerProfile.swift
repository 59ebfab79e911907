import TollgateXML

/// Veeam Backup Enterprise Manager REST API (`../shared/protocol/veeam-em-rest.md`), the default profile.
///
/// Everything Tollgate knows about that protocol's mechanics lives in this folder: the logon and logoff
/// (``EnterpriseManagerSession``), the fingerprint (``EnterpriseManagerFingerprint``), the task hints
/// and the `<Error Message>` reader.
struct EnterpriseManagerProfile: ProtocolProfile {
    /// The name `--profile` selects.
    static let name = "enterprise-manager"

    var name: String { Self.name }
    /// Logon with Basic credentials at `/api/sessionMngr/?v=latest`, `X-RestSvcSessionId` on every request.
    var session: any SessionStrategy { EnterpriseManagerSession() }

    /// A task's `State`, `Result/@Success` and `Result/Message` (protocol §7.3). The probes use
    /// `local-name()`, so they read both XML (`em:Task`) and the JSON mapping (`/json/State`, camelCase too).
    var taskHints: [TaskHint] { Self.hints }

    private static let hints = [
        TaskHint(
            label: "State",
            query: try? XPathExpression(
                "string((/*/*[local-name()='State' or local-name()='state'])[1])", namespaces: [:]),
            isProgress: true),
        TaskHint(
            label: "Result Success",
            query: try? XPathExpression(
                "string(((/*/*[local-name()='Result' or local-name()='result'])[1]/@Success"
                    + " | (/*/*[local-name()='Result' or local-name()='result'])[1]/*[local-name()='Success' or local-name()='success'])[1])",
                namespaces: [:])),
        TaskHint(
            label: "Result Message",
            query: try? XPathExpression(
                "string((/*/*[local-name()='Result' or local-name()='result'])[1]/*[local-name()='Message' or local-name()='message'])",
                namespaces: [:])),
    ]

    func fingerprint(using client: ProbeClient, session: RunSession?) async -> Fingerprint {
        await EnterpriseManagerFingerprint.probe(using: client, session: session)
    }

    func serverMessage(in body: [UInt8]) -> String? {
        EnterpriseManagerErrorMessage.extract(from: body)
    }

    /// Task ids (`task-17`, protocol §7.2) are numbered by the server as tasks are created.
    var volatileValues: [VolatileValue] { [VolatileValue(pattern: "task-[0-9]+", placeholder: "task-{n}")] }
}
