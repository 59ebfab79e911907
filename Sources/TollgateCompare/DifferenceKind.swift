/// What kind of difference `tollgate compare` found; the raw value is the name in every report and in
/// rules and approval files.
public enum DifferenceKind: String, Sendable, Codable, CaseIterable {
    // Verdicts of paired scenarios.
    /// Passed in the base, failed or errored in the candidate.
    case regression
    /// Failed or errored in the base, passed in the candidate.
    case fix
    /// Run on one side, skipped on the other (a version-dependent skip).
    case skipChanged = "skip-changed"
    /// In the base run only.
    case onlyInBase = "only-in-base"
    /// In the candidate run only.
    case onlyInCandidate = "only-in-candidate"
    // Exchanges of paired steps.
    /// The final response's status code changed.
    case statusChanged = "status-changed"
    /// A response header's value changed (Content-Type, or a header the suite reads).
    case headerChanged = "header-changed"
    /// A header the suite reads is gone.
    case headerRemoved = "header-removed"
    /// A header the suite reads appeared.
    case headerAdded = "header-added"
    /// The body is of another format (XML, JSON, text) or no longer parses.
    case bodyFormatChanged = "body-format-changed"
    /// A body that is neither XML nor JSON (or was truncated in the record) changed.
    case bodyChanged = "body-changed"
    // XML structure.
    /// An element is gone.
    case elementRemoved = "element-removed"
    /// An element appeared.
    case elementAdded = "element-added"
    /// An attribute is gone.
    case attributeRemoved = "attribute-removed"
    /// An attribute appeared.
    case attributeAdded = "attribute-added"
    /// An element's text or an attribute's value changed.
    case valueChanged = "value-changed"
    /// The number of same-named children changed.
    case cardinalityChanged = "cardinality-changed"
    // JSON structure.
    /// An object key is gone.
    case keyRemoved = "key-removed"
    /// An object key appeared.
    case keyAdded = "key-added"
    /// A key is spelled in another case (`TaskId` → `taskId`).
    case keyRenamedCase = "key-renamed-case"
    /// A value's JSON type changed (string ↔ number, `null` ↔ absent, object ↔ array).
    case typeChanged = "type-changed"
    /// An array's length changed.
    case arrayLengthChanged = "array-length-changed"

    /// The severity a difference of this kind has unless a rule says otherwise.
    public var defaultSeverity: Severity {
        switch self {
        case .regression, .statusChanged, .headerRemoved, .bodyFormatChanged, .elementRemoved, .attributeRemoved,
            .keyRemoved, .keyRenamedCase, .typeChanged:
            return .breaking
        case .fix, .skipChanged, .onlyInBase, .onlyInCandidate, .headerChanged, .bodyChanged, .valueChanged,
            .cardinalityChanged, .arrayLengthChanged:
            return .changed
        case .headerAdded, .elementAdded, .attributeAdded, .keyAdded:
            return .additive
        }
    }

    /// True for the verdict kinds (a scenario's outcome), false for drift in what the server answered.
    public var isVerdict: Bool {
        switch self {
        case .regression, .fix, .skipChanged, .onlyInBase, .onlyInCandidate: return true
        default: return false
        }
    }
}
