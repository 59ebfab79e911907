/// One VM in a restore point (`/api/restorePoints/{id}/vmRestorePoints`).
public struct InventoryVmRestorePoint: Sendable, Equatable {
    /// Bare lowercase GUID.
    public var id: String
    /// `VmName` and `VmDisplayName`.
    public var vmName: String
    /// `PointType`: Full or Increment (`Algorithm` follows: Full or Incremental).
    public var pointType: String
    /// Size of the point's data in bytes (the summary reports add them up).
    public var size: Int

    /// Creates a VM restore point.
    public init(id: String, vmName: String, pointType: String, size: Int = 0) {
        self.id = id
        self.vmName = vmName
        self.pointType = pointType
        self.size = size
    }
}
