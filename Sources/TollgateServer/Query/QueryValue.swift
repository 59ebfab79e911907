import Foundation

/// One field value of a queried item, typed so that comparisons follow the reference (§14.2):
/// text ignoring case, dates in time order, enumerations by their index, numbers and flags.
enum QueryValue: Sendable, Equatable {
    case text(String)
    case date(Date)
    /// An enumeration value by its index in the field's list (`Success` < `Warning` < `Failed`).
    case ordinal(Int)
    case number(Int)
    case flag(Bool)

    /// -1, 0 or 1; nil when the two are of different kinds.
    func compare(to other: QueryValue) -> Int? {
        switch (self, other) {
        case (.text(let a), .text(let b)):
            let x = a.lowercased()
            let y = b.lowercased()
            return x == y ? 0 : (x < y ? -1 : 1)
        case (.date(let a), .date(let b)): return a == b ? 0 : (a < b ? -1 : 1)
        case (.ordinal(let a), .ordinal(let b)), (.number(let a), .number(let b)): return a == b ? 0 : (a < b ? -1 : 1)
        case (.flag(let a), .flag(let b)): return a == b ? 0 : (!a ? -1 : 1)
        default: return nil
        }
    }
}
