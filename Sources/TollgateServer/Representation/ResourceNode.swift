/// One response body as a tree: an element name, ordered attributes, children and an
/// optional text value. Rendered to XML by `xmlDocument()` and to JSON by `jsonDocument(camelCase:writesNulls:)`,
/// so that both representations always carry the same facts.
struct ResourceNode: Sendable, Equatable {
    /// How the node turns into JSON (reference §9).
    enum JSONShape: Sendable, Equatable {
        /// Attributes and children become the properties of one object.
        case object
        /// The children become an array (`"Links": [ … ]`).
        case list
        /// The children become an array inside an object under the given key
        /// (`{"Refs": [ … ]}` for `EntityReferences`, `"SupportedVersions": {"SupportedVersions": [ … ]}`).
        case wrappedList(String)
    }

    var name: String
    var attributes: [ResourceAttribute]
    var children: [ResourceNode]
    /// Text content of a leaf element; `.null` leaves the element out of XML.
    var value: ResourceValue?
    var jsonShape: JSONShape
    /// JSON keys in this order, when the default order (see `jsonDocument(camelCase:writesNulls:)`) differs
    /// from the captures; keys not listed follow in the default order.
    var jsonKeyOrder: [String]
    /// In XML the node itself is left out and its children take its place (`<Period>`s directly
    /// under the root, while JSON has `"Periods": [ … ]`).
    var inlineInXML: Bool
    /// JSON writes this node's `null` members even for a release that leaves nulls out
    /// (``ServerRelease/jsonNulls``): the Error body, whose nulls the 9.5 U4 capture shows.
    var keepsJSONNulls = false

    init(
        _ name: String,
        attributes: [ResourceAttribute] = [],
        children: [ResourceNode] = [],
        value: ResourceValue? = nil,
        jsonShape: JSONShape = .object,
        jsonKeyOrder: [String] = [],
        inlineInXML: Bool = false
    ) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.value = value
        self.jsonShape = jsonShape
        self.jsonKeyOrder = jsonKeyOrder
        self.inlineInXML = inlineInXML
    }

    /// A leaf element with a value, e.g. `<State>Running</State>`.
    static func leaf(_ name: String, _ value: ResourceValue) -> ResourceNode {
        ResourceNode(name, value: value)
    }
}
