import InngestDI
import Testing

/// Typed tokens (several providers of one type) and multi-bindings (`[any Plugin]`).
@Suite struct TokenAndMultiBindingTests {
    final class Database: Sendable {
        let url: String
        init(url: String) { self.url = url }
    }
    enum PrimaryDatabase: ProviderToken { typealias Value = Database }
    enum ReplicaDatabase: ProviderToken { typealias Value = Database }
    final class Reports: Sendable {
        let primary: Database
        let replica: Database?
        init(primary: Database, replica: Database?) {
            self.primary = primary
            self.replica = replica
        }
    }

    protocol Plugin: Sendable { var name: String { get } }
    struct Named: Plugin { let name: String }
    final class Counter: Plugin {
        let name = "counter"
    }
    final class PluginHost: Sendable {
        let plugins: [any Plugin]
        init(plugins: [any Plugin]) { self.plugins = plugins }
    }

    enum DataModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("DataModule", providers: [
                ProviderDescriptor(token: PrimaryDatabase.self) { _ in Database(url: "primary") },
                .value(Database(url: "replica"), token: ReplicaDatabase.self),
                .multi((any Plugin).self) { _ in Named(name: "audit") },
            ], exports: [PrimaryDatabase.self, ReplicaDatabase.self])
        }
    }
    enum AppModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("AppModule", imports: [DataModule.self], providers: [
                ProviderDescriptor(Reports.self, dependencies: [
                    .init("primary", token: PrimaryDatabase.self), .init("replica", token: ReplicaDatabase.self, optional: true),
                ]) { Reports(primary: try await $0.resolve(token: PrimaryDatabase.self),
                             replica: try await $0.resolveOptional(token: ReplicaDatabase.self)) },
                .multi((any Plugin).self) { _ in Named(name: "metrics") },
                ProviderDescriptor(PluginHost.self, dependencies: [.init("plugins", [any Plugin].self)]) {
                    PluginHost(plugins: try await $0.resolve([any Plugin].self))
                },
            ])
        }
    }

    @Test func tokensTellProvidersOfOneTypeApart() async throws {
        let container = try await Container.boot(AppModule.self)
        let reports = try container.get(Reports.self)
        #expect(reports.primary.url == "primary")
        #expect(reports.replica?.url == "replica")
        #expect(try await container.rootResolver.resolve(token: PrimaryDatabase.self) === reports.primary)
        // The token is the key: the plain type is provided by nobody.
        #expect(try await container.rootResolver.resolveOptional(Database.self) == nil)
    }

    @Test func aMissingTokenNamesTheToken() async throws {
        enum Lonely: Module {
            static var moduleDescriptor: ModuleDescriptor {
                ModuleDescriptor("Lonely", providers: [
                    ProviderDescriptor(Reports.self, dependencies: [.init("primary", token: PrimaryDatabase.self)]) {
                        Reports(primary: try await $0.resolve(token: PrimaryDatabase.self), replica: nil)
                    },
                ])
            }
        }
        let found = await problems(booting: Lonely.self)
        #expect(found.map(\.kind) == [.missingProvider])
        #expect(found.first?.message.contains("needs PrimaryDatabase for parameter 'primary'") == true)
    }

    @Test func aMultiBindingGathersEveryContributionInDeclarationOrder() async throws {
        let container = try await Container.boot(AppModule.self)
        #expect(try container.get(PluginHost.self).plugins.map(\.name) == ["metrics", "audit"])
        // Contributions are private: the element type itself is not provided.
        #expect(try await container.rootResolver.resolveOptional((any Plugin).self) == nil)
    }

    @Test func aCollectionWithATransientContributionIsTransient() async throws {
        enum Mixed: Module {
            static var moduleDescriptor: ModuleDescriptor {
                ModuleDescriptor("Mixed", providers: [
                    .multi((any Plugin).self) { _ in Named(name: "fixed") },
                    .multi((any Plugin).self, scope: .transient) { _ in Counter() },
                ])
            }
        }
        let container = try await Container.boot(Mixed.self)
        let first = try await container.resolve([any Plugin].self)
        let second = try await container.resolve([any Plugin].self)
        #expect(first.map(\.name) == ["fixed", "counter"])
        #expect((first[1] as? Counter) !== (second[1] as? Counter))
        #expect(throws: ResolutionError.self) { try container.get([any Plugin].self) }
    }

    @Test func nothingContributingIsAMissingProvider() async throws {
        enum Empty: Module {
            static var moduleDescriptor: ModuleDescriptor {
                ModuleDescriptor("Empty", providers: [
                    ProviderDescriptor(PluginHost.self, dependencies: [.init("plugins", [any Plugin].self)]) {
                        PluginHost(plugins: try await $0.resolve([any Plugin].self))
                    },
                ])
            }
        }
        let found = await problems(booting: Empty.self)
        #expect(found.map(\.kind) == [.missingProvider])
        #expect(found.first?.message.contains("needs [any Plugin] for parameter 'plugins'") == true)
    }

    @Test func useFactoryWithInjectReceivesTheInjectedTypes() async throws {
        final class Settings: Sendable { let url = "from-settings" }
        enum Factory: Module {
            static var moduleDescriptor: ModuleDescriptor {
                ModuleDescriptor("Factory", providers: [
                    ProviderDescriptor(Settings.self) { _ in Settings() },
                    .factory(Database.self, inject: Settings.self) { settings in Database(url: settings.url) },
                ])
            }
        }
        let container = try await Container.boot(Factory.self)
        #expect(try container.get(Database.self).url == "from-settings")
    }
}
