import TollgateXML

/// Compares two XML bodies by structure, namespace-aware: elements and attributes added or removed, text
/// and attribute values changed, the number of same-named children changed. Children are paired by a key
/// — `@UID`, else `@Name`, else `@Href` (normalised), else `@Rel` — not by position, so reordering is not
/// drift; children without a key pair by position. A lone child on each side always pairs.
///
/// Paths read like XPath: local names, a `{namespace}` prefix where an element's namespace differs from
/// its parent's, the key as a predicate: `/EntityReferences/Ref[@Name='Backup Job 1']/Links/Link[@Rel='Alternate']/@Href`.
struct XMLStructureComparer {
    let context: DriftContext
    private(set) var drift: [Drift] = []

    init(context: DriftContext) {
        self.context = context
    }

    /// Compares two documents' root elements.
    mutating func compare(_ base: XMLElementTree, _ candidate: XMLElementTree) {
        if base.namespace != candidate.namespace || base.name != candidate.name {
            let basePath = "/" + Self.name(namespace: base.namespace, name: base.name, parentNamespace: "")
            let candidatePath = "/" + Self.name(namespace: candidate.namespace, name: candidate.name, parentNamespace: "")
            add(.elementRemoved, basePath, basePath, nil)
            add(.elementAdded, candidatePath, nil, candidatePath)
            return
        }
        compareElement(base, candidate, path: "/" + base.name)
    }

    private mutating func add(_ kind: DifferenceKind, _ path: String, _ base: String?, _ candidate: String?) {
        guard !context.rules.ignores(kind, at: path) else { return }
        drift.append(Drift(kind: kind, path: path, base: base, candidate: candidate))
    }

    private mutating func compareElement(_ base: XMLElementTree, _ candidate: XMLElementTree, path: String) {
        let typeOnly = context.rules.isTypeOnly(path)
        // Attributes, by namespace and name.
        for attribute in base.attributes {
            let attributePath = path + "/@" + Self.attributeName(attribute)
            if let other = candidate.attributes.first(where: { $0.namespace == attribute.namespace && $0.name == attribute.name }) {
                let (left, right) = context.values(attribute.value, other.value, at: attributePath)
                if left != right, !typeOnly, !context.rules.isTypeOnly(attributePath) { add(.valueChanged, attributePath, left, right) }
            } else {
                add(.attributeRemoved, attributePath, context.baseValue(attribute.value, at: attributePath), nil)
            }
        }
        for attribute in candidate.attributes
        where !base.attributes.contains(where: { $0.namespace == attribute.namespace && $0.name == attribute.name }) {
            let attributePath = path + "/@" + Self.attributeName(attribute)
            add(.attributeAdded, attributePath, nil, context.candidateValue(attribute.value, at: attributePath))
        }
        // Text.
        let (left, right) = context.values(base.text, candidate.text, at: path)
        if left != right, !typeOnly { add(.valueChanged, path, left, right) }
        // Children, grouped by namespace and name in order of first appearance.
        var groups: [(namespace: String, name: String)] = []
        for child in base.children + candidate.children where !groups.contains(where: { $0 == (child.namespace, child.name) }) {
            groups.append((child.namespace, child.name))
        }
        for group in groups {
            let left = base.children.filter { $0.namespace == group.namespace && $0.name == group.name }
            let right = candidate.children.filter { $0.namespace == group.namespace && $0.name == group.name }
            let groupPath = path + "/" + Self.name(namespace: group.namespace, name: group.name, parentNamespace: base.namespace)
            if !left.isEmpty, !right.isEmpty, left.count != right.count {
                add(.cardinalityChanged, groupPath, String(left.count), String(right.count))
            }
            compareGroup(left, right, groupPath: groupPath)
        }
    }

    private mutating func compareGroup(_ left: [XMLElementTree], _ right: [XMLElementTree], groupPath: String) {
        if left.count == 1, right.count == 1 {
            compareElement(left[0], right[0], path: groupPath)
            return
        }
        if left.count == 1, right.isEmpty {
            add(.elementRemoved, groupPath, Self.summary(left[0], context.base), nil)
            return
        }
        if right.count == 1, left.isEmpty {
            add(.elementAdded, groupPath, nil, Self.summary(right[0], context.candidate))
            return
        }
        let leftKeys = keys(of: left, side: context.base, groupPath: groupPath)
        let rightKeys = keys(of: right, side: context.candidate, groupPath: groupPath)
        for (index, key) in leftKeys.enumerated() {
            let path = groupPath + key
            if let match = rightKeys.firstIndex(of: key) {
                compareElement(left[index], right[match], path: path)
            } else {
                add(.elementRemoved, path, key, nil)
            }
        }
        for key in rightKeys where !leftKeys.contains(key) {
            add(.elementAdded, groupPath + key, nil, key)
        }
    }

    /// Each element's predicate: `[@UID='…']`, `[@Name='…']`, `[@Href='…']`, `[@Rel='…']` or `[n]`; a
    /// repeated key gets its occurrence (`[@Rel='Alternate'][2]`).
    private func keys(of elements: [XMLElementTree], side: ValueNormaliser, groupPath: String) -> [String] {
        var seen: [String: Int] = [:]
        return elements.enumerated().map { index, element in
            var key = "[\(index + 1)]"
            for name in ["UID", "Name", "Href", "Rel"] {
                if let attribute = element.attributes.first(where: { $0.namespace.isEmpty && $0.name == name }) {
                    let value = context.rules.normalised(side(attribute.value), at: groupPath + "/@" + name)
                    key = "[@\(name)='\(value)']"
                    break
                }
            }
            seen[key, default: 0] += 1
            return seen[key]! > 1 ? key + "[\(seen[key]!)]" : key
        }
    }

    /// `<Name>`, or `<Name>text` for an element with short text: what a removed or added lone element shows.
    private static func summary(_ element: XMLElementTree, _ side: ValueNormaliser) -> String {
        "<\(element.name)>" + (element.text.isEmpty || element.text.count > 80 ? "" : side(element.text))
    }

    private static func name(namespace: String, name: String, parentNamespace: String) -> String {
        namespace == parentNamespace ? name : "{\(namespace)}\(name)"
    }

    private static func attributeName(_ attribute: XMLElementTree.Attribute) -> String {
        attribute.namespace.isEmpty ? attribute.name : "{\(attribute.namespace)}\(attribute.name)"
    }
}
