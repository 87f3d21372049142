/// A provider's synchronous constructor, kept with its static type so that resolving a transient
/// `T` calls it directly: no instance box around the result and no cast from `Any`.
///
/// Only ``TypedConstructor`` is ever instantiated; the base class is what a table slot holds.
/// It has no stored state, and its subclass holds one immutable `@Sendable` closure, so sharing it
/// between tasks is safe: that is why the conformance is unchecked (a non-final class cannot be
/// checked `Sendable`).
@usableFromInline
class Constructor: @unchecked Sendable {
    @usableFromInline
    init() {}
}

/// The constructor of a provider of `T`.
@usableFromInline
final class TypedConstructor<T>: Constructor, @unchecked Sendable {
    /// Builds the instance, resolving dependencies with ``Resolver/resolveNow(_:)``.
    @usableFromInline let construct: @Sendable (Resolver) throws -> T

    @usableFromInline
    init(_ construct: @escaping @Sendable (Resolver) throws -> T) {
        self.construct = construct
    }
}
