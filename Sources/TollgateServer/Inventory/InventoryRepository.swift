/// A backup repository of the backup server (`/api/repositories`).
public struct InventoryRepository: Sendable, Equatable {
    /// Bare lowercase GUID.
    public var id: String
    /// Display name.
    public var name: String
    /// `Kind`: WindowsLocal, LinuxLocal, CifsShare, … (``Inventory/repositoryKinds``).
    public var kind: String
    /// `Capacity` in bytes; -1 when unknown (object storage, snapshots).
    public var capacity: Int
    /// `FreeSpace` in bytes; -1 when unknown.
    public var freeSpace: Int

    /// Creates a repository.
    public init(id: String, name: String, kind: String, capacity: Int, freeSpace: Int) {
        self.id = id
        self.name = name
        self.kind = kind
        self.capacity = capacity
        self.freeSpace = freeSpace
    }
}
