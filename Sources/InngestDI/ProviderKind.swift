/// How a provider produces its instance.
@usableFromInline
enum ProviderKind: Sendable {
    /// A class or factory provider: the factory builds the instance.
    case factory
    /// An already constructed value.
    case value
    /// Resolving this key resolves another key (NestJS `useExisting`); it shares the target's scope.
    case alias(of: ProviderKey)
    /// One contribution to a multi-binding; its key is private to it, so only the collection finds it.
    case contribution(to: MultiBinding)
    /// The collection of a multi-binding, built by the container from every contribution in the graph.
    case collection(MultiBinding)
}

/// A multi-binding: the collection key (`[Element]`) and how to build it from the contributions.
/// Each contribution holds its own instance, whose identity is the contribution's private key.
@usableFromInline
final class MultiBinding: Sendable {
    /// The key of the collection, `[Element]`.
    let key: ProviderKey
    /// Builds the collection from the contributions' instances, in declaration order.
    let gather: @Sendable ([InstanceBox]) -> InstanceBox?

    init<Element>(_ element: Element.Type) {
        key = ProviderKey([Element].self)
        gather = { boxes in
            var values: [Element] = []
            values.reserveCapacity(boxes.count)
            for box in boxes {
                guard let typed = box as? TypedInstanceBox<Element> else { return nil }
                values.append(typed.value)
            }
            return TypedInstanceBox(values)
        }
    }
}

/// A type-erased factory: builds an instance in the context of the resolver it is given.
@usableFromInline
typealias InstanceFactory = @Sendable (Resolver) async throws -> InstanceBox

/// A type-erased synchronous constructor: builds an instance without suspending, resolving what it
/// needs with ``Resolver/resolveNow(_:)``.
@usableFromInline
typealias SyncInstanceFactory = @Sendable (Resolver) throws -> InstanceBox
