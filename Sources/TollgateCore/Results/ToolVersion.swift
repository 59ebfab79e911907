/// The version of Tollgate, shown by `tollgate --version` and written into every run record.
public enum ToolVersion {
    /// The current version.
    public static let current = "0.1.0"
}
