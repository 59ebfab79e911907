import Foundation

/// Reads the accounts of the built-in server from a YAML file.
///
/// ```yaml
/// users:
///   - name: admin
///     passwordEnv: TOLLGATE_PASSWORD      # read the password from this variable
///     role: portal-administrator          # the default
///   - name: operator
///     password: operator-password         # or give it inline
///     role: restore-operator              # portal-user | restore-operator
/// ```
public enum UsersFile {
    /// Loads the accounts in the file at `path`; `environment` resolves `passwordEnv`.
    public static func load(
        contentsOf path: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> [UserAccount] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ServerFileError(path: path, message: "cannot read the users file (\(error.localizedDescription))")
        }
        return try parse(text, path: path, environment: environment)
    }

    /// Parses users-file text; `path` only names the file in errors.
    public static func parse(_ text: String, path: String, environment: [String: String]) throws -> [UserAccount] {
        let root = try YAMLMapping.root(of: text, path: path)
        try root.checkKeys(["users"])
        var accounts: [UserAccount] = []
        for entry in try root.mappings("users") ?? [] {
            try entry.checkKeys(["name", "password", "passwordEnv", "role"])
            let name = try entry.requiredString("name")
            guard !name.contains(":") else {
                throw entry.failure("user name '\(name)' contains ':', which Basic authentication cannot carry")
            }
            if accounts.contains(where: { $0.name == name }) {
                throw entry.failure("user '\(name)' is listed twice")
            }
            let password: String
            switch (try entry.string("password"), try entry.string("passwordEnv")) {
            case (let inline?, nil):
                password = inline
            case (nil, let variable?):
                guard let value = environment[variable], !value.isEmpty else {
                    throw entry.failure("environment variable \(variable) (passwordEnv of '\(name)') is not set")
                }
                password = value
            case (nil, nil):
                throw entry.failure("give 'password' or 'passwordEnv' for '\(name)'")
            case (.some, .some):
                throw entry.failure("give either 'password' or 'passwordEnv' for '\(name)', not both")
            }
            var role = UserRole.portalAdministrator
            if let roleName = try entry.string("role") {
                guard let parsed = UserRole(rawValue: roleName) else {
                    let known = UserRole.allCases.map(\.rawValue).joined(separator: ", ")
                    throw entry.failure("unknown role '\(roleName)' (known: \(known))")
                }
                role = parsed
            }
            accounts.append(UserAccount(name: name, password: password, role: role))
        }
        if accounts.isEmpty {
            throw root.failure("the file lists no users")
        }
        return accounts
    }
}
