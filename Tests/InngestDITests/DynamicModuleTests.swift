@testable import InngestDI
import Testing

/// Dynamic modules (`forRoot` / `forRootAsync`), whole-module overrides, and handlers hosted in the
/// module that lists them.
@Suite struct DynamicModuleTests {
    struct DatabaseConfig: Sendable { let url: String }
    final class Settings: Sendable { let url = "from-settings" }
    final class Pool: Sendable {
        let url: String
        init(config: DatabaseConfig) { url = config.url }
    }

    enum DatabaseModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("DatabaseModule", providers: [
                ProviderDescriptor(Pool.self, dependencies: [.init("config", DatabaseConfig.self)]) {
                    Pool(config: try await $0.resolve(DatabaseConfig.self))
                },
            ], exports: [Pool.self])
        }
        static func forRoot(_ config: DatabaseConfig) -> DynamicModule {
            DynamicModule(DatabaseModule.self, providers: [.value(config)])
        }
        static func forRootAsync() -> DynamicModule {
            DynamicModule(DatabaseModule.self, providers: [
                .factory(DatabaseConfig.self, inject: Settings.self) { settings in DatabaseConfig(url: settings.url) },
            ], imports: [SettingsModule.self])
        }
    }
    enum SettingsModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("SettingsModule", providers: [ProviderDescriptor(Settings.self) { _ in Settings() }],
                             exports: [Settings.self])
        }
    }
    enum FeatureModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("FeatureModule", imports: [DatabaseModule.self])
        }
    }
    enum AppModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("AppModule", imports: [FeatureModule.self],
                             dynamicImports: [DatabaseModule.forRoot(DatabaseConfig(url: "sqlite://app"))])
        }
    }
    enum AsyncAppModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("AsyncAppModule", dynamicImports: [DatabaseModule.forRootAsync()])
        }
    }

    @Test func forRootConfiguresTheModuleForEveryImporter() async throws {
        let container = try await Container.boot(AppModule.self)
        #expect(try container.get(Pool.self).url == "sqlite://app")
        let feature = try #require(container.resolver(forModule: "FeatureModule"))
        #expect(try await feature.resolve(Pool.self) === container.get(Pool.self))
        // The configuration is the module's own, not exported.
        #expect(try await container.rootResolver.resolveOptional(DatabaseConfig.self) == nil)
    }

    @Test func forRootAsyncBuildsTheConfigurationFromAnotherModule() async throws {
        let container = try await Container.boot(AsyncAppModule.self)
        #expect(try container.get(Pool.self).url == "from-settings")
    }

    @Test func theUnconfiguredModuleIsAMissingProvider() async throws {
        enum Plain: Module {
            static var moduleDescriptor: ModuleDescriptor { ModuleDescriptor("Plain", imports: [DatabaseModule.self]) }
        }
        let found = await problems(booting: Plain.self)
        #expect(found.map(\.kind) == [.missingProvider])
        #expect(found.first?.message.contains("needs DatabaseConfig for parameter 'config'") == true)
    }

    @Test func twoConfigurationsOfOneModuleAreAProblem() async throws {
        enum Other: Module {
            static var moduleDescriptor: ModuleDescriptor {
                ModuleDescriptor("Other", dynamicImports: [DatabaseModule.forRoot(DatabaseConfig(url: "b"))])
            }
        }
        enum Twice: Module {
            static var moduleDescriptor: ModuleDescriptor {
                ModuleDescriptor("Twice", imports: [Other.self],
                                 dynamicImports: [DatabaseModule.forRoot(DatabaseConfig(url: "a"))])
            }
        }
        let found = await problems(booting: Twice.self)
        #expect(found.map(\.kind) == [.invalidModule])
        #expect(found.first?.message.hasPrefix("DatabaseModule is configured by two dynamic imports") == true)
    }

    @Test func aModuleOverrideReplacesTheModuleWherever_ItIsImported() async throws {
        enum FakeDatabaseModule: Module {
            static var moduleDescriptor: ModuleDescriptor {
                ModuleDescriptor("FakeDatabaseModule", providers: [.value(Pool(config: DatabaseConfig(url: "memory")))],
                                 exports: [Pool.self])
            }
        }
        let container = try await Container.boot(
            AppModule.self, moduleOverrides: [ModuleOverride(DatabaseModule.self, with: FakeDatabaseModule.self)])
        #expect(try container.get(Pool.self).url == "memory")
    }

    @Test func aHandlerResolvesInTheModuleThatListsIt() async throws {
        final class Handler: Sendable {
            let pool: Pool
            init(pool: Pool) { self.pool = pool }
        }
        final class Internal: Sendable {}
        final class Owner: Sendable {
            init(internal: Internal) {}
        }
        enum Jobs: Module {
            static var moduleDescriptor: ModuleDescriptor {
                ModuleDescriptor("Jobs", providers: [
                    .value(Pool(config: DatabaseConfig(url: "jobs"))),
                    ProviderDescriptor(Internal.self) { _ in Internal() },
                    ProviderDescriptor(Owner.self, dependencies: [.init("internal", Internal.self)]) {
                        Owner(internal: try await $0.resolve(Internal.self))
                    },
                ], functions: [Handler.self])
            }
        }
        enum Root: Module {
            static var moduleDescriptor: ModuleDescriptor { ModuleDescriptor("Root", imports: [Jobs.self]) }
        }
        struct OwnerWrapper: Sendable {}
        let handler = ProviderDescriptor(Handler.self, scope: .transient, dependencies: [.init("pool", Pool.self)]) {
            Handler(pool: try await $0.resolve(Pool.self))
        }
        let wrapper = ProviderDescriptor(OwnerWrapper.self, scope: .transient, dependencies: [.init("owner", Owner.self)]) {
            _ = try await $0.resolve(Owner.self)
            return OwnerWrapper()
        }
        let container = try await Container.boot(
            Root.self, rootProviders: [], globalProviders: [], overrides: [],
            hosted: [HostedProvider(home: ObjectIdentifier(Handler.self), provider: handler),
                     HostedProvider(home: ObjectIdentifier(Owner.self), provider: wrapper)],
            moduleOverrides: [])
        let resolver = container.resolver(owning: ProviderKey(Handler.self))
        #expect(resolver.moduleName == "Jobs")
        #expect(try await resolver.resolve(Handler.self).pool.url == "jobs")
        #expect(container.resolver(owning: ProviderKey(OwnerWrapper.self)).moduleName == "Jobs")
        #expect(container.resolver(owning: ProviderKey(Settings.self)).moduleName == "Root")
    }

    @Test func aFunctionListedByTwoModulesIsAProblem() async throws {
        final class Handler: Sendable {}
        enum A: Module {
            static var moduleDescriptor: ModuleDescriptor { ModuleDescriptor("A", functions: [Handler.self]) }
        }
        enum B: Module {
            static var moduleDescriptor: ModuleDescriptor { ModuleDescriptor("B", imports: [A.self], functions: [Handler.self]) }
        }
        let found = await problems(booting: B.self)
        #expect(found.map(\.kind) == [.invalidModule])
        #expect(found.first?.message.contains("is listed by two modules, B and A") == true)
    }
}
