/// The Veeam Backup Enterprise Manager release the built-in server emulates (`tollgate serve
/// --release R`, `tollgate run --builtin-release R`). Each release is what the protocol reference
/// (`veeam-em-rest.md` §0, §2, §9, §14.4) records of it; where the reference is silent the choice is
/// named on the property and in README.md ("Emulated releases").
///
/// The default is ``v12``: the behaviour the server had before releases existed.
public enum ServerRelease: String, Sendable, Equatable, CaseIterable {
    /// Veeam Backup & Replication 11 / 11a (REST API v1.6, "Deprecated" per the v13 docs).
    case v11 = "11"
    /// Veeam Backup & Replication 12 (REST API v1.7); the reference's v12 captures.
    case v12 = "12"
    /// Veeam Backup & Replication 13 (REST API v1.7); camelCase JSON keys (reference §9).
    case v13 = "13"

    /// The release used when none is named: ``v12``.
    public static let `default` = ServerRelease.v12

    /// How JSON keys are spelt.
    public enum KeyCase: String, Sendable, Equatable {
        /// The XML names as they are (`TaskId`, `Links`, `Href`): releases up to 12.
        case pascalCase = "PascalCase"
        /// .NET camelCase (`taskId`, `links`, `href`, `uid`): the v13 regression (reference §9).
        case camelCase
    }

    /// What JSON does with an absent value (a link without `Name`, a job without `NextRun`).
    public enum NullStyle: String, Sendable, Equatable {
        /// Written as `null` (`"Name": null, "Type": null`), as the v12 captures show.
        case written
        /// Left out, as the 9.5 U4 task capture and the vendor's JSON examples show.
        case omitted
    }

    /// The release names, for help and error texts (`11, 12, 13`).
    public static var names: [String] { allCases.map(\.rawValue) }

    /// The API versions `GET /api/` lists as `SupportedVersions` (oldest first) and `?v=` accepts
    /// besides `latest`.
    ///
    /// 12 and 13 list `v1_5, v1_6, v1_7` (the v12/v13 doc example and the v12 capture, reference §2;
    /// the v13 capture is the same document camelCased). For 11 no `GET /api/` body is published:
    /// the choice is `v1_4, v1_5, v1_6` — three versions ending at v1.6, the shape 12 has.
    public var restVersions: [String] {
        switch self {
        case .v11: ["v1_4", "v1_5", "v1_6"]
        case .v12, .v13: ["v1_5", "v1_6", "v1_7"]
        }
    }

    /// The newest of ``restVersions``, what `?v=latest` means (`v1_6` on 11, `v1_7` on 12 and 13).
    public var latestVersion: String {
        restVersions[restVersions.count - 1]
    }

    /// The `Version` of the backup server (`/api/backupServers?format=Entity`) when the inventory
    /// names none: `12.3.2.4465` and `13.0.1.2067` are the reference captures (§14.4); for 11 the
    /// choice is `11.0.0.837`, the VBR 11 GA build that veeam-exporter maps (§14.4).
    public var backupServerVersion: String {
        switch self {
        case .v11: "11.0.0.837"
        case .v12: "12.3.2.4465"
        case .v13: "13.0.1.2067"
        }
    }

    /// The spelling of JSON keys: camelCase on 13, PascalCase before (reference §9). XML never changes.
    public var jsonKeyCase: KeyCase {
        self == .v13 ? .camelCase : .pascalCase
    }

    /// JSON nulls: written on 12 (captures) and 13 (its captures are the v12 ones camelCased,
    /// reference §14 intro). For 11 no capture exists; the choice is `omitted`, the style of the
    /// older 9.5 U4 capture and of the vendor's examples, so that the suite also meets the second
    /// style a harness must accept (§9). `Error` bodies keep their nulls on every release: the
    /// 9.5 U4 error capture has them (§8).
    public var jsonNulls: NullStyle {
        self == .v11 ? .omitted : .written
    }
}
