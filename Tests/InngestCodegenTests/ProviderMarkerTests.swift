import Testing

@testable import InngestCodegen

/// `// @inngest.provider` on a module's static members: what each form generates, in the module's
/// descriptor, each starting on the user's line.
@Suite struct ProviderMarkerTests {
    /// The wiring generated for `source` (placed in `A.swift`), which must have no diagnostic.
    static func wiring(_ source: String) throws -> String {
        let output = generate(["A.swift": source])
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
        return try #require(output.files["InngestWiring.generated.swift"])
    }

    static let declarations = """
        final class Database: Sendable { init(name: String) {} }
        enum PrimaryDatabase: ProviderToken { typealias Value = Database }
        protocol PaymentGateway: Sendable {}
        // @inngest.injectable
        final class StripeGateway: PaymentGateway { init() {} }
        protocol Plugin: Sendable {}
        struct LogPlugin: Plugin {}

        """

    @Test func aValueIsASingletonOfItsAnnotatedType() throws {
        let wiring = try Self.wiring(Self.declarations + """
            // @inngest.module()
            enum CoreModule {
                // @inngest.provider
                static let region: String = "eu"
                // @inngest.provider
                static var retries: Int { 3 }
            }
            """)
        #expect(wiring.contains("providers: [] + Self.inngestModuleProviders,"))
        #expect(wiring.contains("""
            #sourceLocation(file: "A.swift", line: 11)
                    providers.append(.value(CoreModule.region, as: (String).self).located(at: "A.swift:11"))
            #sourceLocation(file: "A.swift", line: 13)
                    providers.append(.value(CoreModule.retries, as: (Int).self).located(at: "A.swift:13"))
            """), "\(wiring)")
    }

    @Test func aFactoryIsASingletonWithItsParametersAsDependencies() throws {
        let wiring = try Self.wiring(Self.declarations + """
            // @inngest.module(providers: [StripeGateway])
            enum CoreModule {
                // @inngest.provider
                static func database(gateway: StripeGateway, _ label: Character?) async throws -> Database { Database(name: "") }
                // @inngest.provider(scope: transient)
                static func name() -> String { "x" }
                // @inngest.provider(scope: run)
                static func runName(name: String) throws -> Substring { "" }
            }
            """)
        #expect(wiring.contains("""
            #sourceLocation(file: "A.swift", line: 11)
                    providers.append(ProviderDescriptor.singleton((Database).self, dependencies: [.init("gateway", (StripeGateway).self), .init("label", (Character).self, optional: true)], consumer: "CoreModule.database(gateway:_:)", location: "A.swift:11") { resolver in
            #sourceLocation(file: "A.swift", line: 11)
                        try await CoreModule.database(gateway: try await resolver.resolve((StripeGateway).self), try await resolver.resolveOptional((Character).self))
                    })
            #sourceLocation(file: "A.swift", line: 13)
                    providers.append(ProviderDescriptor((String).self, scope: .transient, dependencies: [], consumer: "CoreModule.name()", location: "A.swift:13", construct: { _ in
            #sourceLocation(file: "A.swift", line: 13)
                        CoreModule.name()
                    }) { _ in
            #sourceLocation(file: "A.swift", line: 13)
                        CoreModule.name()
                    })
            #sourceLocation(file: "A.swift", line: 15)
                    providers.append(ProviderDescriptor((Substring).self, scope: .run, dependencies: [.init("name", (String).self)], consumer: "CoreModule.runName(name:)", location: "A.swift:15", construct: { resolver in
            #sourceLocation(file: "A.swift", line: 15)
                        try CoreModule.runName(name: try resolver.resolveNow((String).self))
                    }) { resolver in
            #sourceLocation(file: "A.swift", line: 15)
                        try CoreModule.runName(name: try await resolver.resolve((String).self))
                    })
            """), "\(wiring)")
    }

    @Test func tokensAliasesAndMultiBindings() throws {
        let wiring = try Self.wiring(Self.declarations + """
            // @inngest.module(providers: [StripeGateway])
            enum CoreModule {
                // @inngest.provider(token: PrimaryDatabase)
                static func primary() -> Database { Database(name: "p") }
                // @inngest.provider(token: PrimaryDatabase)
                static let fallback: Database = Database(name: "f")
                // @inngest.provider(alias)
                static func gateway(_ stripe: StripeGateway) -> any PaymentGateway { stripe }
                // @inngest.provider(multi)
                static let log: any Plugin = LogPlugin()
                // @inngest.provider(multi, scope: transient)
                static func more() -> any Plugin { LogPlugin() }
            }
            """)
        #expect(wiring.contains("private func inngestRequireSendable<T: Sendable>(_: T.Type) {}"))
        #expect(wiring.contains("""
            #sourceLocation(file: "A.swift", line: 11)
                    inngestRequireSendable((PrimaryDatabase.Value).self)
                    providers.append(ProviderDescriptor(token: PrimaryDatabase.self, dependencies: [], consumer: "CoreModule.primary()", location: "A.swift:11") { _ in
            """), "\(wiring)")
        #expect(wiring.contains(#"providers.append(.value(CoreModule.fallback, token: PrimaryDatabase.self).located(at: "A.swift:13"))"#))
        #expect(wiring.contains(#"providers.append(.alias((any PaymentGateway).self, to: (StripeGateway).self) { CoreModule.gateway($0) }.located(at: "A.swift:15"))"#))
        #expect(wiring.contains("""
                    inngestRequireSendable((any Plugin).self)
                    providers.append(.multi((any Plugin).self, consumer: "CoreModule.log", location: "A.swift:17") { _ in CoreModule.log })
            """), "\(wiring)")
        #expect(wiring.contains(#"providers.append(ProviderDescriptor.multi((any Plugin).self, scope: .transient, dependencies: [], consumer: "CoreModule.more()", location: "A.swift:19") { _ in"#))
    }

    @Test func providersMayBeInAnExtensionOfAConformingModule() throws {
        let wiring = try Self.wiring("""
            struct CoreModule: Module {}
            extension CoreModule {
                // @inngest.provider
                static let region: String = "eu"
            }
            """)
        #expect(wiring.contains("extension CoreModule {"))
        #expect(wiring.contains("providers: [] + Self.inngestModuleProviders,"))
        #expect(wiring.contains(#"providers.append(.value(CoreModule.region, as: (String).self).located(at: "A.swift:4"))"#))
    }

    @Test func aProviderUnderIfIsGuardedByItsCondition() throws {
        let wiring = try Self.wiring("""
            // @inngest.module()
            enum CoreModule {
                #if DEBUG
                // @inngest.provider
                static let region: String = "eu"
                #endif
            }
            """)
        #expect(wiring.contains("""
            #if DEBUG
            #sourceLocation(file: "A.swift", line: 5)
                    providers.append(.value(CoreModule.region, as: (String).self).located(at: "A.swift:5"))
            #endif
            """), "\(wiring)")
    }

    @Test func transientsAndRunScopedCarryASynchronousConstructor() throws {
        let wiring = try Self.wiring("""
            // @inngest.injectable(scope: transient)
            final class Clock: Sendable { init() {} }
            // @inngest.injectable(scope: transient)
            final class Stamp: Sendable { init(clock: Clock, other: Clock?, lazy: Provider<Clock>, ref: ModuleRef) throws {} }
            // @inngest.injectable(scope: run)
            final class Slow: Sendable { init(clock: Clock) async {} }
            // @inngest.module(providers: [Clock, Stamp, Slow])
            struct M {}
            """)
        #expect(wiring.contains("""
            location: "A.swift:4", construct: { resolver in
            #sourceLocation(file: "A.swift", line: 4)
                        try Stamp(clock: try resolver.resolveNow((Clock).self), other: try resolver.resolveOptionalNow((Clock).self), lazy: resolver.provider((Clock).self), ref: resolver)
                    }) { resolver in
            """), "\(wiring)")
        #expect(wiring.contains(#"consumer: "Slow.init(clock:)", location: "A.swift:6") { resolver in"#), "an async initialiser has no synchronous form: \(wiring)")
    }

    @Test func everySingletonInjectableUsesTheSendableForm() throws {
        let wiring = try Self.wiring("""
            // @inngest.injectable
            final class S: Sendable { init() {} }
            // @inngest.injectable(scope: run)
            final class R: Sendable { init() {} }
            // @inngest.module(providers: [S, R])
            struct M {}
            """)
        #expect(wiring.contains("""
                static var inngestProvider: ProviderDescriptor {
            #sourceLocation(file: "A.swift", line: 2)
                    ProviderDescriptor.singleton(S.self, dependencies: [], consumer: "S.init()", location: "A.swift:2") { _ in
            """), "\(wiring)")
        #expect(wiring.contains(#"ProviderDescriptor(R.self, scope: .run, dependencies: [], consumer: "R.init()", location: "A.swift:4", construct: { _ in"#))
        #expect(!wiring.contains("inngestRequireSendable"), "only token and multi singletons need the helper")
    }
}
