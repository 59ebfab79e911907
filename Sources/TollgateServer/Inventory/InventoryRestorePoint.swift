/// One restore point of a backup, with the VM restore points it holds.
public struct InventoryRestorePoint: Sendable, Equatable {
    /// Bare lowercase GUID.
    public var id: String
    /// `BackupDateUTC`, an xs:dateTime in UTC.
    public var time: String
    /// The VMs (or agent computers) in the point.
    public var vms: [InventoryVmRestorePoint]

    /// Creates a restore point.
    public init(id: String, time: String, vms: [InventoryVmRestorePoint] = []) {
        self.id = id
        self.time = time
        self.vms = vms
    }
}
