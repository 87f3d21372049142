/// The types the build knows a module (or a module's exports) makes visible, and whether that is
/// all of them: when a list that contributes is unknown, more may be visible than `types`.
struct Visibility {
    /// The types known to be visible.
    var types: Set<String>
    /// Whether `types` is everything: a type missing from a complete visibility is not visible.
    var isComplete: Bool

    /// Nothing, and nothing else.
    static let empty = Visibility(types: [], isComplete: true)
    /// Nothing known.
    static let unknown = Visibility(types: [], isComplete: false)

    /// Adds what `other` makes visible.
    mutating func formUnion(_ other: Visibility) {
        types.formUnion(other.types)
        isComplete = isComplete && other.isComplete
    }

    /// Whether `type` is certainly not visible: the visibility is complete and lacks it.
    func lacks(_ type: String) -> Bool {
        guard isComplete, !types.contains(type) else { return false }
        let key = TypeKey.normalized(type)
        return !types.contains { TypeKey.normalized($0) == key }
    }
}
