import InngestDI
import Testing

/// Encapsulation: global modules, globalProviders, rootProviders, re-exports, shared module instances.
@Suite struct VisibilityTests {
    final class Config: Sendable {}
    final class EventClient: Sendable {}
    final class Database: Sendable {}
    final class Feature: Sendable {
        let config: Config
        let client: EventClient
        let database: Database
        init(config: Config, client: EventClient, database: Database) {
            self.config = config
            self.client = client
            self.database = database
        }
    }
    final class Handler: Sendable {
        let feature: Feature
        init(feature: Feature) { self.feature = feature }
    }

    enum AppModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("AppModule", imports: [ConfigModule.self, FeatureModule.self, DatabaseModule.self])
        }
    }
    enum ConfigModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("ConfigModule", providers: [ProviderDescriptor(Config.self) { _ in Config() }],
                             exports: [Config.self], isGlobal: true)
        }
    }
    enum FeatureModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("FeatureModule", imports: [CoreModule.self], providers: [
                ProviderDescriptor(Feature.self, dependencies: [
                    .init("config", Config.self), .init("client", EventClient.self), .init("database", Database.self),
                ]) {
                    Feature(
                        config: try await $0.resolve(Config.self), client: try await $0.resolve(EventClient.self),
                        database: try await $0.resolve(Database.self)
                    )
                },
            ], exports: [Feature.self])
        }
    }
    /// Re-exports DatabaseModule.
    enum CoreModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("CoreModule", imports: [DatabaseModule.self], exports: [DatabaseModule.self])
        }
    }
    enum DatabaseModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("DatabaseModule", providers: [ProviderDescriptor(Database.self) { _ in Database() }],
                             exports: [Database.self])
        }
    }

    static let handler = ProviderDescriptor(
        Handler.self, scope: .transient, dependencies: [.init("feature", Feature.self)]
    ) { Handler(feature: try await $0.resolve(Feature.self)) }

    @Test func globalModulesGlobalProvidersAndReexportsAreVisible() async throws {
        let client = EventClient()
        let container = try await Container.boot(
            AppModule.self, rootProviders: [Self.handler], globalProviders: [.value(client)]
        )
        let feature = try container.get(Feature.self)
        #expect(feature.config === (try container.get(Config.self)))
        #expect(feature.client === client)
        // DatabaseModule is reached twice (from AppModule and CoreModule) and is one instance.
        #expect(feature.database === (try container.get(Database.self)))
        let database = try #require(container.resolver(forModule: "DatabaseModule"))
        #expect(database.moduleName == "DatabaseModule")
        #expect(try await database.resolve(Database.self) === feature.database)
    }

    @Test func rootProvidersJoinTheRootModule() async throws {
        let container = try await Container.boot(
            AppModule.self, rootProviders: [Self.handler], globalProviders: [.value(EventClient())]
        )
        let first = try await container.resolve(Handler.self)
        let second = try await container.resolve(Handler.self)
        #expect(first !== second)
        #expect(first.feature === second.feature)
    }

    @Test func unexportedProvidersStayPrivate() async throws {
        let container = try await Container.boot(AppModule.self, globalProviders: [.value(EventClient())])
        let config = try #require(container.resolver(forModule: "ConfigModule"))
        // FeatureModule does not import DatabaseModule directly, only via CoreModule's re-export.
        let feature = try #require(container.resolver(forModule: "FeatureModule"))
        #expect(try await feature.resolveOptional(Database.self) != nil)
        // ConfigModule imports nothing: Feature is not visible to it.
        #expect(try await config.resolveOptional(Feature.self) == nil)
        #expect(container.resolver(forModule: "NoSuchModule") == nil)
    }
}
