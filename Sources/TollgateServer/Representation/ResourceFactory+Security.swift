import Foundation

/// Enterprise roles and accounts (reference §14.8), from the configured users and their roles.
extension ResourceFactory {
    /// An Enterprise Manager role: its name and GUID. Portal User's GUID is the one every doc
    /// version shows; the others are Tollgate's (whether the product fixes them is uncertain).
    struct EnterpriseRole: Sendable, Equatable {
        var id: String
        var name: String
    }

    /// The roles `/security/roles` lists, in the doc's order.
    static let enterpriseRoles = [
        EnterpriseRole(id: "d19a3d33-cb77-4ffe-94e6-001432483a4e", name: "Portal User"),
        EnterpriseRole(id: "a3f3c6a4-2a4d-4c1b-9a55-7d2f1f0c8e01", name: "Portal Administrator"),
        EnterpriseRole(id: "a3f3c6a4-2a4d-4c1b-9a55-7d2f1f0c8e02", name: "VM Restore Operator"),
        EnterpriseRole(id: "a3f3c6a4-2a4d-4c1b-9a55-7d2f1f0c8e03", name: "File Restore Operator"),
        EnterpriseRole(id: "a3f3c6a4-2a4d-4c1b-9a55-7d2f1f0c8e04", name: "Exchange Restore Operator"),
        EnterpriseRole(id: "a3f3c6a4-2a4d-4c1b-9a55-7d2f1f0c8e05", name: "SQL Restore Operator"),
        EnterpriseRole(id: "a3f3c6a4-2a4d-4c1b-9a55-7d2f1f0c8e06", name: "Oracle Restore Operator"),
    ]

    /// The enterprise role a Tollgate user role stands for (a restore operator is a VM Restore Operator).
    static func enterpriseRole(of role: UserRole) -> EnterpriseRole {
        switch role {
        case .portalUser: enterpriseRoles[0]
        case .portalAdministrator: enterpriseRoles[1]
        case .restoreOperator: enterpriseRoles[2]
        }
    }

    /// A stable GUID for an account, derived from the user name (two FNV-1a hashes).
    static func accountID(of user: String) -> String {
        func fnv(_ seed: UInt64) -> UInt64 {
            var hash = seed
            for byte in user.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
            return hash
        }
        let hex = String(format: "%016llx%016llx", fnv(0xcbf2_9ce4_8422_2325), fnv(0x84222325_cbf29ce4))
        let characters = Array(hex)
        let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }
        return groups.joined(separator: "-")
    }

    private func rolePath(_ role: EnterpriseRole) -> String { "/security/roles/\(role.id)" }

    func roleReference(_ role: EnterpriseRole, element: String) -> ResourceNode {
        let path = rolePath(role)
        return reference(
            element, uid: uid("EnterpriseRole", role.id), name: role.name, path: path, type: "EnterpriseRoleReference",
            links: [link("Alternate", path + "?format=Entity", type: "EnterpriseRole", name: role.name)])
    }

    /// The role entity has only `Links` (reference §14.8).
    func roleEntity(_ role: EnterpriseRole) -> ResourceNode {
        let path = rolePath(role)
        return entity(
            "EnterpriseRole", uid: uid("EnterpriseRole", role.id), name: role.name, path: path,
            links: [link("Alternate", path, type: "EnterpriseRoleReference", name: role.name)], children: [])
    }

    private func accountPath(_ user: String) -> String { "/security/accounts/\(Self.accountID(of: user))" }

    func accountReference(_ user: String, element: String) -> ResourceNode {
        let path = accountPath(user)
        return reference(
            element, uid: uid("EnterpriseAccount", Self.accountID(of: user)), name: user, path: path,
            type: "EnterpriseAccountReference",
            links: [
                link("Alternate", path + "?format=Entity", type: "EnterpriseAccount", name: user),
                link("Down", path + "/roles", type: "EnterpriseRoleReferenceList"),
            ])
    }

    func accountEntity(_ user: String, role: UserRole) -> ResourceNode {
        let path = accountPath(user)
        return entity(
            "EnterpriseAccount", uid: uid("EnterpriseAccount", Self.accountID(of: user)), name: user, path: path,
            links: [
                link("Alternate", path, type: "EnterpriseAccountReference", name: user),
                link("Down", path + "/roles", type: "EnterpriseRoleReferenceList"),
            ],
            children: [.leaf("AccountType", .string("User")), .leaf("AllowRestoreAllVms", .bool(role != .portalUser))])
    }
}
