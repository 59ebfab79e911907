/// One attribute of a ``ResourceNode``, kept in the order the server writes it.
struct ResourceAttribute: Sendable, Equatable {
    var name: String
    var value: ResourceValue

    init(_ name: String, _ value: ResourceValue) {
        self.name = name
        self.value = value
    }
}
