/// Identity of a provided type: the `ObjectIdentifier` of its metatype plus a readable name
/// such as `PaymentService` or `any PaymentGateway`.
///
/// Equality and hashing use the identity only; the name is for messages.
public struct ProviderKey: Hashable, Sendable, CustomStringConvertible {
    /// The identity of the provided metatype.
    public let id: ObjectIdentifier
    /// The readable name used in messages.
    public let name: String

    /// The key of `type`, named as it is written in source.
    /// - Parameter type: The provided type, e.g. `PaymentService.self` or `(any PaymentGateway).self`.
    public init<T>(_ type: T.Type) {
        self.init(metatype: type)
    }

    /// The key of `type` with an explicit name (for generated code that knows the spelling best).
    /// - Parameters:
    ///   - type: The provided type.
    ///   - name: The name to show in messages.
    public init<T>(_ type: T.Type, name: String) {
        self.id = ObjectIdentifier(type)
        self.name = name
    }

    /// A key that names no type: the private identity of an object (a multi-binding contribution).
    init(identity object: AnyObject, name: String) {
        self.id = ObjectIdentifier(object)
        self.name = name
    }

    /// The key of a type known only as a metatype value (module exports).
    init(metatype: any Any.Type) {
        self.id = ObjectIdentifier(metatype)
        self.name = TypeName.of(metatype)
    }

    /// Keys are equal when they identify the same type, whatever their names.
    public static func == (lhs: ProviderKey, rhs: ProviderKey) -> Bool {
        lhs.id == rhs.id
    }

    /// Hashes the type identity only.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
    }

    /// The readable name.
    public var description: String { name }
}
