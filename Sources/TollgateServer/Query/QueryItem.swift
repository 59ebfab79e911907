/// One item a query can return: its field values and its two renderings.
struct QueryItem: Sendable {
    /// Values keyed by lower-cased field name; a missing key is a missing value (`EndTime` of a
    /// working session), which only `!=` matches.
    var values: [String: QueryValue]
    /// The `Ref` of the item (`format=References`, the default).
    var reference: ResourceNode
    /// The entity of the item (`format=Entities`).
    var entity: ResourceNode
}
