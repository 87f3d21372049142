/// Readable names for types in messages.
enum TypeName {
    /// Runtime metadata kind of existential types (`any P`, `any P & Q`, `Any`, `AnyObject`).
    /// Metadata kinds are part of Swift's stable ABI.
    private static let existentialMetadataKind: UInt = 0x303

    /// The name of `type` as written in source, e.g. `PaymentService`, `Array<Int>`, `any PaymentGateway`.
    ///
    /// `String(describing:)` drops the `any` of existential types, so it is restored here by
    /// reading the metadata kind.
    static func of(_ type: any Any.Type) -> String {
        if let array = type as? any ArrayTypeNaming.Type { return "[" + of(array.elementType) + "]" }
        let name = String(describing: type)
        guard isExistential(type), name != "Any", name != "AnyObject", !name.hasPrefix("any ") else {
            return name
        }
        return "any " + name
    }

    private static func isExistential(_ type: any Any.Type) -> Bool {
        let metadata = unsafeBitCast(type, to: UnsafeRawPointer.self)
        return metadata.load(as: UInt.self) == existentialMetadataKind
    }
}

/// Lets ``TypeName`` name an array by its element (`[any Plugin]`, where `String(describing:)` says
/// `Array<Plugin>`).
private protocol ArrayTypeNaming {
    static var elementType: any Any.Type { get }
}

extension Array: ArrayTypeNaming {
    fileprivate static var elementType: any Any.Type { Element.self }
}
