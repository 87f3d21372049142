/// A built provider instance as the container stores it.
///
/// Provider types are not required to be `Sendable` (generated code wires ordinary classes), yet
/// a singleton is shared by every task that resolves it. That sharing is the contract of the
/// singleton scope: a type registered as a singleton must be safe to use concurrently. The
/// container only moves the reference between tasks and never mutates it, hence the unchecked
/// conformance.
@usableFromInline
class InstanceBox: @unchecked Sendable {
    /// The instance as `Any`, for lifecycle hooks and messages.
    let anyValue: Any

    @usableFromInline
    init(anyValue: Any) {
        self.anyValue = anyValue
    }

    /// The object identity when the instance is a class instance, so hooks run once per object.
    var objectIdentity: ObjectIdentifier? {
        guard type(of: anyValue) is AnyClass else { return nil }
        return ObjectIdentifier(anyValue as AnyObject)
    }
}

/// An instance stored with its static type, so that resolving `T` is a class check rather than a
/// dynamic cast from `Any` (the provider of key `T` always produces a `TypedInstanceBox<T>`).
@usableFromInline
final class TypedInstanceBox<T>: InstanceBox, @unchecked Sendable {
    /// The instance.
    @usableFromInline let value: T

    @usableFromInline
    init(_ value: T) {
        self.value = value
        super.init(anyValue: value)
    }
}
