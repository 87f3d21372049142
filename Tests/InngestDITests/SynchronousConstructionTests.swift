@testable import InngestDI
import Testing

/// Providers with a synchronous constructor: built without suspending when everything they need
/// can be, through their asynchronous factory otherwise.
@Suite struct SynchronousConstructionTests {
    final class Config: Sendable {}
    final class Repository: Sendable {
        let config: Config
        let built: String
        init(config: Config, built: String) {
            self.config = config
            self.built = built
        }
    }
    final class Slow: Sendable {}
    final class Service: Sendable {
        let slow: Slow
        let built: String
        init(slow: Slow, built: String) {
            self.slow = slow
            self.built = built
        }
    }

    enum AppModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("AppModule", providers: [
                .singleton(Config.self) { _ in Config() },
                ProviderDescriptor(Repository.self, scope: .transient, dependencies: [.init("config", Config.self)],
                                   construct: { Repository(config: try $0.resolveNow(Config.self), built: "now") }) {
                    Repository(config: try await $0.resolve(Config.self), built: "async")
                },
                // Only an asynchronous factory.
                ProviderDescriptor(Slow.self, scope: .transient) { _ in Slow() },
                ProviderDescriptor(Service.self, scope: .transient, dependencies: [.init("slow", Slow.self)],
                                   construct: { Service(slow: try $0.resolveNow(Slow.self), built: "now") }) {
                    Service(slow: try await $0.resolve(Slow.self), built: "async")
                },
            ])
        }
    }

    @Test func aProviderWhoseDependenciesAreSynchronousIsConstructed() async throws {
        let container = try await Container.boot(AppModule.self)
        #expect(try await container.resolve(Repository.self).built == "now")
        #expect(try container.rootResolver.resolveNow(Repository.self).built == "now")
        #expect(try await container.resolve(Repository.self).config === container.get(Config.self))
    }

    @Test func aProviderThatNeedsAnAsynchronousOneUsesItsFactory() async throws {
        let container = try await Container.boot(AppModule.self)
        #expect(try await container.resolve(Service.self).built == "async")
    }

    @Test func resolveNowOfAnAsynchronousProviderSaysToAwait() async throws {
        let container = try await Container.boot(AppModule.self)
        let error = #expect(throws: ResolutionError.self) { try container.rootResolver.resolveNow(Slow.self) }
        #expect(error?.kind == .needsAsync)
        #expect(error?.message.hasPrefix("Slow in AppModule has an asynchronous factory, so resolveNow cannot build it") == true)
    }

    @Test func aRunScopedConstructorIsSharedWithinTheRun() async throws {
        enum Run: Module {
            static var moduleDescriptor: ModuleDescriptor {
                ModuleDescriptor("Run", providers: [
                    .singleton(Config.self) { _ in Config() },
                    ProviderDescriptor(Repository.self, scope: .run, dependencies: [.init("config", Config.self)],
                                       construct: { Repository(config: try $0.resolveNow(Config.self), built: "now") }) {
                        Repository(config: try await $0.resolve(Config.self), built: "async")
                    },
                ])
            }
        }
        let container = try await Container.boot(Run.self)
        let (a, b) = try await RunScope.withRunScope {
            (try container.rootResolver.resolveNow(Repository.self), try await container.resolve(Repository.self))
        }
        #expect(a === b)
        #expect(a.built == "now")
        #expect(throws: ResolutionError.self) { try container.rootResolver.resolveNow(Repository.self) }
    }
}
