import InngestDI
import Testing

/// Run-time failures carry the resolution path and say what to do.
@Suite struct ResolutionErrorTests {
    final class Flaky: Sendable {}
    final class Checkout: Sendable {
        init(flaky: Flaky) {}
    }
    final class Cart: Sendable {}
    final class Ghost: Sendable {}
    final class Early: Sendable {}
    final class Late: Sendable {}
    final class Ping: Sendable {}
    final class Pong: Sendable {}

    enum AppModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("AppModule", providers: [
                ProviderDescriptor(Flaky.self, scope: .transient, consumer: "Flaky.init()") { _ -> Flaky in
                    throw TestFailure(description: "boom")
                },
                ProviderDescriptor(Checkout.self, scope: .transient, dependencies: [.init("flaky", Flaky.self)]) {
                    Checkout(flaky: try await $0.resolve(Flaky.self))
                },
                ProviderDescriptor(Cart.self, scope: .transient) { _ in Cart() },
                // Ping and Pong resolve each other without declaring it.
                ProviderDescriptor(Ping.self, scope: .transient) { _ = try await $0.resolve(Pong.self); return Ping() },
                ProviderDescriptor(Pong.self, scope: .transient) { _ = try await $0.resolve(Ping.self); return Pong() },
            ])
        }
    }

    @Test func factoryFailureIncludesThePath() async throws {
        let container = try await Container.boot(AppModule.self)
        let error = await #expect(throws: ResolutionError.self) {
            _ = try await container.resolve(Checkout.self)
        }
        #expect(error?.kind == .factoryFailed)
        #expect(error?.path == ["Checkout", "Flaky"])
        #expect((error?.underlying as? TestFailure)?.description == "boom")
        #expect(error?.description == "Flaky.init() in AppModule threw while being built: boom "
            + "(resolution path: Checkout → Flaky). Fix the cause in its initialiser or factory.")
    }

    @Test func unknownTypeIsNotVisible() async throws {
        let container = try await Container.boot(AppModule.self)
        let error = await #expect(throws: ResolutionError.self) {
            _ = try await container.resolve(Ghost.self)
        }
        #expect(error?.kind == .notVisible)
        #expect(error?.description == "Nothing visible to AppModule provides Ghost (resolution path: Ghost). "
            + "Add Ghost to AppModule's providers, or import a module that exports it.")
        #expect(throws: ResolutionError.self) { try container.get(Ghost.self) }
    }

    @Test func getRefusesTransients() async throws {
        let container = try await Container.boot(AppModule.self)
        let error = #expect(throws: ResolutionError.self) { try container.get(Cart.self) }
        #expect(error?.kind == .notASingleton)
        #expect(error?.description == "Cart is a transient provider in AppModule, so get(_:) has no built "
            + "instance to return. Use resolve(_:) to build one.")
    }

    @Test func undeclaredLoopIsStopped() async throws {
        let container = try await Container.boot(AppModule.self)
        let error = await #expect(throws: ResolutionError.self) {
            _ = try await container.resolve(Ping.self)
        }
        #expect(error?.kind == .cycle)
        #expect(error?.path == ["Ping", "Pong", "Ping"])
    }

    enum FailingSingletonModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("FailingModule", providers: [
                // The singleton takes a Provider<Flaky> and calls it while being built.
                ProviderDescriptor(Checkout.self, dependencies: [.init("flaky", lazy: Flaky.self)]) {
                    Checkout(flaky: try await $0.provider(Flaky.self).get())
                },
                ProviderDescriptor(Flaky.self, scope: .transient) { _ -> Flaky in throw TestFailure(description: "down") },
            ])
        }
    }

    @Test func singletonFactoryFailureFailsBootWithThePath() async {
        let error = await #expect(throws: ResolutionError.self) {
            _ = try await Container.boot(FailingSingletonModule.self)
        }
        #expect(error?.path == ["Flaky"])  // A Provider's resolve starts a path of its own.
        #expect(error?.moduleName == "FailingModule")
    }

    enum UndeclaredModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("UndeclaredModule", providers: [
                // Resolves Late without declaring it, and Late is declared after Early.
                ProviderDescriptor(Early.self) { _ = try await $0.resolve(Late.self); return Early() },
                ProviderDescriptor(Late.self) { _ in Late() },
            ])
        }
    }

    @Test func undeclaredSingletonDuringBootIsReported() async {
        let error = await #expect(throws: ResolutionError.self) {
            _ = try await Container.boot(UndeclaredModule.self)
        }
        #expect(error?.kind == .notYetBuilt)
        #expect(error?.description == "Late in UndeclaredModule was resolved during boot before it was built "
            + "(resolution path: Early → Late). Declare Late in the dependencies of the provider that resolves it, "
            + "so that it is built first.")
    }
}
