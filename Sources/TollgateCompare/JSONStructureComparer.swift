/// Compares two JSON bodies by structure: keys added or removed, keys renamed by case only (`TaskId` →
/// `taskId`, the EM 13 regression), type changes (string ↔ number, `null` ↔ absent), values changed,
/// array lengths. Array items that are objects pair by a key member — `UID`, `Name`, `Href`, `Rel`, in
/// any case — so reordering is not drift; other items pair by position.
///
/// Paths: `$.Refs[Name='Backup Job 1'].Links[Rel='Alternate'].Href`, written with the base's key spelling.
struct JSONStructureComparer {
    let context: DriftContext
    private(set) var drift: [Drift] = []

    init(context: DriftContext) {
        self.context = context
    }

    /// Compares two documents.
    mutating func compare(_ base: JSONValue, _ candidate: JSONValue) {
        compareValue(base, candidate, path: "$")
    }

    private mutating func add(_ kind: DifferenceKind, _ path: String, _ base: String?, _ candidate: String?) {
        guard !context.rules.ignores(kind, at: path) else { return }
        drift.append(Drift(kind: kind, path: path, base: base, candidate: candidate))
    }

    private mutating func compareValue(_ base: JSONValue, _ candidate: JSONValue, path: String) {
        switch (base, candidate) {
        case (.object(let left), .object(let right)):
            compareObjects(left, right, path: path)
        case (.array(let left), .array(let right)):
            compareArrays(left, right, path: path)
        default:
            guard base.typeName == candidate.typeName else {
                add(.typeChanged, path, base.typeName, candidate.typeName)
                return
            }
            guard !context.rules.isTypeOnly(path), let leftText = base.scalarText, let rightText = candidate.scalarText else { return }
            let (left, right) = context.values(leftText, rightText, at: path)
            if left != right { add(.valueChanged, path, left, right) }
        }
    }

    private mutating func compareObjects(_ left: [String: JSONValue], _ right: [String: JSONValue], path: String) {
        var unmatched = Set(right.keys.filter { left[$0] == nil })
        for key in left.keys.sorted() {
            let keyPath = path + "." + key
            if let value = right[key] {
                compareValue(left[key]!, value, path: keyPath)
            } else if let renamed = unmatched.sorted().first(where: { $0.lowercased() == key.lowercased() }) {
                unmatched.remove(renamed)
                add(.keyRenamedCase, keyPath, key, renamed)
                compareValue(left[key]!, right[renamed]!, path: keyPath)
            } else if left[key] == .null {
                add(.typeChanged, keyPath, "null", "absent")
            } else {
                add(.keyRemoved, keyPath, Self.summary(left[key]!, context.base), nil)
            }
        }
        for key in unmatched.sorted() {
            if right[key] == .null {
                add(.typeChanged, path + "." + key, "absent", "null")
            } else {
                add(.keyAdded, path + "." + key, nil, Self.summary(right[key]!, context.candidate))
            }
        }
    }

    private mutating func compareArrays(_ left: [JSONValue], _ right: [JSONValue], path: String) {
        if left.count != right.count { add(.arrayLengthChanged, path, String(left.count), String(right.count)) }
        let leftKeys = keys(of: left, side: context.base)
        let rightKeys = keys(of: right, side: context.candidate)
        for (index, key) in leftKeys.enumerated() {
            if let match = rightKeys.firstIndex(of: key) {
                compareValue(left[index], right[match], path: path + key)
            } else {
                add(.elementRemoved, path + key, Self.summary(left[index], context.base), nil)
            }
        }
        for (index, key) in rightKeys.enumerated() where !leftKeys.contains(key) {
            add(.elementAdded, path + key, nil, Self.summary(right[index], context.candidate))
        }
    }

    /// `[UID='…']`, `[Name='…']`, `[Href='…']`, `[Rel='…']` (the member found in any case, written
    /// capitalised so both sides agree) or `[n]`; a repeated key gets its occurrence.
    private func keys(of items: [JSONValue], side: ValueNormaliser) -> [String] {
        var seen: [String: Int] = [:]
        return items.enumerated().map { index, item in
            var key = "[\(index + 1)]"
            if case .object(let members) = item {
                for name in ["UID", "Name", "Href", "Rel"] {
                    if let member = members.first(where: { $0.key.lowercased() == name.lowercased() }),
                        let text = member.value.scalarText, member.value != .null
                    {
                        key = "[\(name)='\(side(text))']"
                        break
                    }
                }
            }
            seen[key, default: 0] += 1
            return seen[key]! > 1 ? key + "[\(seen[key]!)]" : key
        }
    }

    /// A scalar's normalised text, or `object` / `array` for what a removed or added key held.
    private static func summary(_ value: JSONValue, _ side: ValueNormaliser) -> String {
        value.scalarText.map { side($0) } ?? value.typeName
    }
}
