@testable import InngestDI
import Testing

/// The frozen lookup table of every context: one type visible in several contexts, many types
/// (collisions and probing), the typed-constructor fast path of transients, and resolvers kept
/// from boot.
@Suite struct TypeTableTests {
    final class Config: Sendable {
        let name: String
        init(name: String) { self.name = name }
    }
    final class Feature: Sendable {
        let config: Config
        init(config: Config) { self.config = config }
    }
    /// A distinct type per nesting depth, to fill a table with many keys.
    final class Level<Inner>: Sendable {
        let depth: Int
        init(depth: Int) { self.depth = depth }
    }

    /// Two modules that each keep a private `Config` and build a transient `Feature` from it.
    enum AppModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("AppModule", imports: [Left.self, Right.self])
        }
    }
    enum Left: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("Left", providers: [
                .singleton(Config.self) { _ in Config(name: "left") },
                ProviderDescriptor(Feature.self, scope: .transient, dependencies: [.init("config", Config.self)],
                                   construct: { Feature(config: try $0.resolveNow(Config.self)) }) {
                    Feature(config: try await $0.resolve(Config.self))
                },
            ], exports: [Feature.self])
        }
    }
    enum Right: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("Right", providers: [
                .singleton(Config.self) { _ in Config(name: "right") },
                ProviderDescriptor(Holder.self, dependencies: [.init("config", Config.self)]) {
                    Holder(config: try await $0.resolve(Config.self), resolver: $0)
                },
            ], exports: [Holder.self])
        }
    }
    /// A singleton that keeps the resolver its factory got during boot.
    final class Holder: Sendable {
        let config: Config
        let resolver: Resolver
        init(config: Config, resolver: Resolver) {
            self.config = config
            self.resolver = resolver
        }
    }

    @Test func oneTypeInTwoContextsResolvesToEachContextsProvider() async throws {
        let container = try await Container.boot(AppModule.self)
        let feature = try await container.resolve(Feature.self)
        let holder = try container.get(Holder.self)
        #expect(feature.config.name == "left")
        #expect(holder.config.name == "right")
        #expect(try container.rootResolver.resolveNow(Feature.self).config === feature.config)
        // Config is private to both modules: the root sees neither.
        #expect(throws: ResolutionError.self) { try container.get(Config.self) }
        #expect(try await container.rootResolver.resolveOptional(Config.self) == nil)
    }

    @Test func aResolverKeptFromBootResolvesAfterBoot() async throws {
        let container = try await Container.boot(AppModule.self)
        let kept = try container.get(Holder.self).resolver
        #expect(kept.moduleName == "Right")
        #expect(try await kept.resolve(Config.self) === container.get(Holder.self).config)
        #expect(try kept.resolveNow(Config.self).name == "right")
        #expect(try await kept.resolveOptional(Feature.self) == nil)  // Left's export is not imported by Right.
    }

    /// `count` singletons of distinct types, `Level<Level<…<Int>>>` by depth.
    static func levels<Inner>(_: Inner.Type, from depth: Int, count: Int) -> [ProviderDescriptor] {
        guard depth < count else { return [] }
        let provider = ProviderDescriptor.singleton(Level<Inner>.self) { _ in Level<Inner>(depth: depth) }
        return [provider] + levels(Level<Inner>.self, from: depth + 1, count: count)
    }

    /// Resolves the singleton at `depth` and checks it is that depth's.
    static func check<Inner>(_: Inner.Type, depth: Int, count: Int, in container: Container) async throws {
        guard depth < count else { return }
        #expect(try container.get(Level<Inner>.self).depth == depth)
        #expect(try await container.resolve(Level<Inner>.self).depth == depth)
        try await check(Level<Inner>.self, depth: depth + 1, count: count, in: container)
    }

    @Test(arguments: [1, 2, 3, 7, 64, 300])
    func everyTypeOfALargeTableIsFound(count: Int) async throws {
        enum Empty: Module {
            static var moduleDescriptor: ModuleDescriptor { ModuleDescriptor("Empty") }
        }
        let container = try await Container.boot(Empty.self, rootProviders: Self.levels(Int.self, from: 0, count: count))
        try await Self.check(Int.self, depth: 0, count: count, in: container)
        #expect(throws: ResolutionError.self) { try container.get(Level<String>.self) }
    }

    // Transients built through their typed constructor.
    final class Flaky: Sendable {}
    final class Checkout: Sendable {
        init(flaky: Flaky) {}
    }
    final class Ping: Sendable {}
    final class Pong: Sendable {}
    final class Narcissus: Sendable {}

    enum ConstructorModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("ConstructorModule", providers: [
                ProviderDescriptor(Flaky.self, scope: .transient, construct: { _ -> Flaky in
                    throw TestFailure(description: "boom")
                }) { _ in Flaky() },
                ProviderDescriptor(Checkout.self, scope: .transient, dependencies: [.init("flaky", Flaky.self)],
                                   construct: { Checkout(flaky: try $0.resolveNow(Flaky.self)) }) {
                    Checkout(flaky: try await $0.resolve(Flaky.self))
                },
                // Ping and Pong resolve each other without declaring it; Narcissus resolves itself.
                ProviderDescriptor(Ping.self, scope: .transient, construct: { _ = try $0.resolveNow(Pong.self); return Ping() }) {
                    _ in Ping()
                },
                ProviderDescriptor(Pong.self, scope: .transient, construct: { _ = try $0.resolveNow(Ping.self); return Pong() }) {
                    _ in Pong()
                },
                ProviderDescriptor(Narcissus.self, scope: .transient, construct: { _ = try $0.resolveNow(Narcissus.self); return Narcissus() }) {
                    _ in Narcissus()
                },
            ])
        }
    }

    @Test func aNestedConstructorsFailureNamesThePath() async throws {
        let container = try await Container.boot(ConstructorModule.self)
        let sync = #expect(throws: ResolutionError.self) { try container.rootResolver.resolveNow(Checkout.self) }
        let async = await #expect(throws: ResolutionError.self) { try await container.resolve(Checkout.self) }
        for error in [sync, async] {
            #expect(error?.kind == .factoryFailed)
            #expect(error?.path == ["Checkout", "Flaky"])
            #expect((error?.underlying as? TestFailure)?.description == "boom")
        }
        let direct = #expect(throws: ResolutionError.self) { try container.rootResolver.resolveNow(Flaky.self) }
        #expect(direct?.path == ["Flaky"])
    }

    @Test func anUndeclaredLoopThroughConstructorsIsStopped() async throws {
        let container = try await Container.boot(ConstructorModule.self)
        let loop = #expect(throws: ResolutionError.self) { try container.rootResolver.resolveNow(Ping.self) }
        #expect(loop?.kind == .cycle)
        #expect(loop?.path == ["Ping", "Pong", "Ping"])
        let awaited = await #expect(throws: ResolutionError.self) { try await container.resolve(Pong.self) }
        #expect(awaited?.kind == .cycle)
        #expect(awaited?.path == ["Pong", "Ping", "Pong"])
        let selfLoop = #expect(throws: ResolutionError.self) { try container.rootResolver.resolveNow(Narcissus.self) }
        #expect(selfLoop?.kind == .cycle)
        #expect(selfLoop?.path == ["Narcissus", "Narcissus"])
    }
}
