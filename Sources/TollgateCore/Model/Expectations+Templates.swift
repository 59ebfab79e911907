/// Resolving `{{variables}}` in expected values just before a step's response is checked.
extension Expectations {
    /// A copy whose `.template` expected values are replaced by `.string` values from `resolve`.
    public func resolvingTemplates<Failure: Error>(
        _ resolve: (Template) throws(Failure) -> String
    ) throws(Failure) -> Expectations {
        var copy = self
        for index in copy.headers.indices {
            copy.headers[index].predicate = try copy.headers[index].predicate.resolvingTemplates(resolve)
        }
        for index in copy.xpath.indices {
            copy.xpath[index].predicate = try copy.xpath[index].predicate.resolvingTemplates(resolve)
        }
        for index in copy.json.indices {
            copy.json[index].predicate = try copy.json[index].predicate.resolvingTemplates(resolve)
        }
        for index in copy.body.indices {
            copy.body[index].predicate = try copy.body[index].predicate.resolvingTemplates(resolve)
        }
        return copy
    }
}

extension Predicate {
    /// The predicate with a `.template` expected value replaced by its resolved `.string`.
    public func resolvingTemplates<Failure: Error>(
        _ resolve: (Template) throws(Failure) -> String
    ) throws(Failure) -> Predicate {
        switch self {
        case .equals(.template(let template)): return .equals(.string(try resolve(template)))
        case .notEquals(.template(let template)): return .notEquals(.string(try resolve(template)))
        default: return self
        }
    }
}
