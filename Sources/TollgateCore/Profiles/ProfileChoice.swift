/// Which built-in protocol profile a run uses (`--profile NAME`).
public enum ProfileChoice: Sendable {
    /// Veeam Backup Enterprise Manager (`enterprise-manager`, the default).
    case enterpriseManager
    /// The suite's own session description (`declarative`: a `session:` block or `tollgate.yaml`).
    case declarative(SessionDefinition)

    /// The names `--profile` accepts.
    public static let names = [EnterpriseManagerProfile.name, DeclarativeProfile.name]

    /// The profile's name.
    public var name: String {
        switch self {
        case .enterpriseManager: return EnterpriseManagerProfile.name
        case .declarative: return DeclarativeProfile.name
        }
    }

    /// Why a profile cannot be chosen.
    public enum SelectionError: Error, Sendable, Equatable {
        /// No built-in profile has this name.
        case unknownName(String)
        /// The declarative profile was asked for, but the files define no session.
        case noSessionDefinition
    }

    /// The run's profile: the one `name` selects, or when `name` is nil the declarative profile if the
    /// files define a session (`session:` block or `tollgate.yaml`) and Enterprise Manager otherwise.
    /// An explicit `enterprise-manager` ignores a session definition.
    public static func select(named name: String?, session: SessionDefinition?) throws(SelectionError) -> ProfileChoice {
        switch name {
        case nil: return session.map { .declarative($0) } ?? .enterpriseManager
        case EnterpriseManagerProfile.name?: return .enterpriseManager
        case DeclarativeProfile.name?:
            guard let session else { throw .noSessionDefinition }
            return .declarative(session)
        case let other?: throw .unknownName(other)
        }
    }

    /// What the built-in profile `name` numbers afresh on every run (`tollgate compare --profile`); nil for
    /// an unknown name. The declarative profile knows of none.
    public static func volatileValues(ofProfileNamed name: String) -> [VolatileValue]? {
        switch name {
        case EnterpriseManagerProfile.name: return EnterpriseManagerProfile().volatileValues
        case DeclarativeProfile.name: return []
        default: return nil
        }
    }

    /// The profile itself.
    var profile: any ProtocolProfile {
        switch self {
        case .enterpriseManager: return EnterpriseManagerProfile()
        case .declarative(let definition): return DeclarativeProfile(definition: definition)
        }
    }
}
