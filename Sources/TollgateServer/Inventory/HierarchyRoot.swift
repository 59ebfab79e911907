/// A virtualization host or vCenter the backup server knows (`/api/hierarchyRoots`); the
/// lookup service finds the VMs of the inventory's jobs below it.
public struct HierarchyRoot: Sendable, Equatable {
    /// Bare lowercase GUID (`HierarchyRootId`).
    public var id: String
    /// `UniqueId`: the host's DNS name (or a vCenter instance UUID); also the `Name`.
    public var name: String
    /// `HostType`: ESX, VC, ESXi, HvServer, HvCluster, Scvmm, VcdSystem.
    public var hostType: String

    /// Creates a hierarchy root.
    public init(id: String, name: String, hostType: String) {
        self.id = id
        self.name = name
        self.hostType = hostType
    }

    /// The VM platform below a root of this host type: `VMware`, `HyperV` or `vCloud`.
    var platform: String {
        switch hostType {
        case "HvServer", "HvCluster", "Scvmm": "HyperV"
        case "VcdSystem": "vCloud"
        default: "VMware"
        }
    }
}
