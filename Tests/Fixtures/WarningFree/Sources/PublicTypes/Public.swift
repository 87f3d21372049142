import Inngest

// Public types in a library target: the generated members are public where the types are.

// @inngest.event("shape/public")
public struct PublicEvent: Codable, Sendable {
    public var value: Int
}

// @inngest.injectable
public final class PublicService: Sendable {
    public init() {}
}

// @inngest.function(id: "public", event: "shape/public")
public struct PublicFunction {
    let service: PublicService
    public func handle(_ event: PublicEvent, context: Context) async throws -> Int { event.value }
}

// @inngest.module(providers: [PublicService], exports: [PublicService], global)
public struct PublicModule {}
