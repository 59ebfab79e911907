import Testing

@testable import TollgateServer

@Suite("Users file")
struct UsersFileTests {
    @Test("inline passwords, passwords from the environment, roles")
    func parse() throws {
        let accounts = try UsersFile.parse(
            """
            users:
              - name: admin
                passwordEnv: ADMIN_PASSWORD
              - name: 'TECH\\operator'
                password: op-secret
                role: restore-operator
            """, path: "users.yaml", environment: ["ADMIN_PASSWORD": "from-env"])
        #expect(accounts == [
            UserAccount(name: "admin", password: "from-env", role: .portalAdministrator),
            UserAccount(name: "TECH\\operator", password: "op-secret", role: .restoreOperator),
        ])
        #expect(!accounts.map(\.description).joined().contains("op-secret"), "descriptions never show passwords")
    }

    @Test(
        "bad files are refused with a reason",
        arguments: [
            ("users: []", "no users"), ("users:\n  - { name: a }", "give 'password' or 'passwordEnv'"),
            ("users:\n  - { name: a, password: x, passwordEnv: Y }", "not both"),
            ("users:\n  - { name: a, passwordEnv: UNSET_VARIABLE }", "UNSET_VARIABLE"),
            ("users:\n  - { name: a, password: x, role: king }", "unknown role 'king'"),
            ("users:\n  - { name: 'a:b', password: x }", "contains ':'"),
            ("users:\n  - { name: a, password: x }\n  - { name: a, password: y }", "listed twice"),
            ("users:\n  - { name: a, pasword: x }", "unknown key"),
        ])
    func invalid(yaml: String, fragment: String) {
        #expect {
            try UsersFile.parse(yaml, path: "users.yaml", environment: [:])
        } throws: { error in
            (error as? ServerFileError)?.description.contains(fragment) == true
        }
    }

    @Test("roles decide who may run job actions")
    func roles() {
        #expect(UserRole.portalAdministrator.mayRunJobActions)
        #expect(!UserRole.portalUser.mayRunJobActions)
        #expect(!UserRole.restoreOperator.mayRunJobActions)
        var configuration = ServerConfiguration()
        configuration.add(UserAccount(name: "op", password: "x", role: .restoreOperator))
        #expect(configuration.role(of: "op") == .restoreOperator)
        #expect(configuration.role(of: "someone") == .portalAdministrator)
        #expect(configuration.users == ["op": "x"])
    }
}
