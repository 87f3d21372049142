import Testing

@testable import InngestCodegen

/// What an initialiser's (or a provider function's) parameters ask for: an optional, a lazy
/// `Provider<T>`, the resolver itself, a token, a multi-binding collection.
@Suite struct InjectionParameterTests {
    @Test func optionalLazyResolverAndCollectionParameters() throws {
        let output = generate(["A.swift": """
            protocol Plugin: Sendable {}
            struct LogPlugin: Plugin {}
            // @inngest.injectable(scope: transient)
            final class Clock: Sendable { init() {} }
            // @inngest.injectable
            final class S: Sendable {
                init(a: Mailer?, b: Optional<Mailer>, clock: Provider<Clock>, ref: ModuleRef, resolver: Resolver, plugins: [any Plugin]) {}
            }
            struct Mailer: Sendable {}
            // @inngest.module(providers: [S, Clock])
            struct M {
                // @inngest.provider(multi)
                static let log: any Plugin = LogPlugin()
            }
            """])
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
        let wiring = try #require(output.files["InngestWiring.generated.swift"])
        #expect(wiring.contains(#"dependencies: [.init("a", (Mailer).self, optional: true), .init("b", (Mailer).self, optional: true), .init("clock", lazy: (Clock).self), .init("plugins", ([any Plugin]).self)]"#), "\(wiring)")
        #expect(wiring.contains("S(a: try await resolver.resolveOptional((Mailer).self), b: try await resolver.resolveOptional((Mailer).self), "
                                + "clock: resolver.provider((Clock).self), ref: resolver, resolver: resolver, plugins: try await resolver.resolve(([any Plugin]).self))"), "\(wiring)")
    }

    @Test func injectMapsParametersToTokens() throws {
        let output = generate(["A.swift": """
            final class Database: Sendable {}
            enum PrimaryDatabase: ProviderToken { typealias Value = Database }
            enum ReplicaDatabase: ProviderToken { typealias Value = Database }
            // @inngest.injectable
            final class Repository: Sendable {
                // @inngest.inject(primary: PrimaryDatabase, replica: ReplicaDatabase)
                init(primary: Database, replica: Database?) {}
            }
            // @inngest.module(providers: [Repository])
            enum M {
                // @inngest.provider(token: PrimaryDatabase)
                static func primary() -> Database { Database() }
                // @inngest.provider
                // @inngest.inject(db: PrimaryDatabase)
                static func name(db: Database) -> String { "" }
            }
            """])
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
        let wiring = try #require(output.files["InngestWiring.generated.swift"])
        #expect(wiring.contains(#"dependencies: [.init("primary", token: PrimaryDatabase.self), .init("replica", token: ReplicaDatabase.self, optional: true)]"#), "\(wiring)")
        #expect(wiring.contains("Repository(primary: try await resolver.resolve(token: PrimaryDatabase.self), replica: try await resolver.resolveOptional(token: ReplicaDatabase.self))"))
        #expect(wiring.contains(#"dependencies: [.init("db", token: PrimaryDatabase.self)], consumer: "M.name(db:)""#), "\(wiring)")
        #expect(wiring.contains("M.name(db: try await resolver.resolve(token: PrimaryDatabase.self))"))
    }

    @Test func injectErrorsPointAtTheKey() {
        let output = generate(["A.swift": """
            // @inngest.injectable
            final class Repository: Sendable {
                // @inngest.inject(primry: PrimaryDatabase, replica: "ReplicaDatabase", PrimaryDatabase)
                init(primary: Database, replica: Database) {}
            }
            // @inngest.injectable
            final class Lazy: Sendable {
                // @inngest.inject(clock: ClockToken)
                init(clock: Provider<Clock>) {}
            }
            struct Holder {
                // @inngest.inject(x: T)
                static func helper(x: Int) {}
            }
            """])
        #expect(errors(output) == [
            "A.swift:3:24: error: @inngest.inject names 'primry', which is no parameter of Repository.init(primary:replica:) (its parameters: primary, replica); did you mean 'primary'?",
            "A.swift:3:58: error: 'replica' takes the name of a ProviderToken type without quotes, e.g. replica: PrimaryDatabase",
            "A.swift:3:77: error: @inngest.inject takes parameter: Token pairs, e.g. // @inngest.inject(primary: PrimaryDatabase), or nothing",
            "A.swift:9:5: error: parameter 'clock' of Lazy.init(clock:) is Provider<Clock>, which cannot be resolved by the token ClockToken: take ClockToken.Value (or ClockToken.Value?) instead",
            "A.swift:12:8: error: @inngest.inject marks the initialiser the wiring calls, or a @inngest.provider static func whose parameters it maps to tokens; Holder.helper is neither",
        ])
    }

    @Test func aMissingOptionalIsNotReported() {
        let output = generate(["A.swift": """
            // @inngest.injectable
            final class S: Sendable { init(clock: Clock?, other: Optional<Clock>) {} }
            struct Clock {}
            // @inngest.module(providers: [S])
            struct M {}
            """])
        #expect(errors(output).isEmpty, "\(errors(output))")
    }

    @Test func aLazyDependencyMustStillBeProvided() {
        let output = generate(["A.swift": """
            // @inngest.injectable
            final class S: Sendable { init(clock: Provider<Clock>, ref: ModuleRef) {} }
            struct Clock {}
            // @inngest.module(providers: [S])
            struct M {}
            """])
        #expect(errors(output) == [
            "A.swift:2:32: error: S.init(clock:ref:) in M needs Clock for parameter 'clock', but nothing visible to M provides it. "
                + "Add Clock to M's providers (mark it // @inngest.injectable), or import a module that exports it.",
        ])
    }

    @Test func multiBindingsAreVisibleEverywhere() {
        let output = generate(["A.swift": """
            protocol Plugin: Sendable {}
            struct LogPlugin: Plugin {}
            // @inngest.injectable
            final class Host: Sendable { init(plugins: [any Plugin]) {} }
            // @inngest.module(providers: [Host])
            struct HostModule {}
            // @inngest.module(imports: [HostModule])
            struct AppModule {}
            // @inngest.module()
            enum PluginsModule {
                // @inngest.provider(multi)
                static let log: any Plugin = LogPlugin()
            }
            """])
        #expect(errors(output).isEmpty, "PluginsModule is imported by no one, yet its contribution is app-wide: \(errors(output))")
    }

    @Test func aTokenNothingProvidesIsReported() {
        let output = generate(["A.swift": """
            final class Database: Sendable {}
            enum PrimaryDatabase: ProviderToken { typealias Value = Database }
            // @inngest.injectable
            final class Repository: Sendable {
                // @inngest.inject(db: PrimaryDatabase)
                init(db: Database) {}
            }
            // @inngest.module(providers: [Repository])
            struct M {}
            """])
        #expect(errors(output) == [
            "A.swift:6:10: error: Repository.init(db:) in M needs the token PrimaryDatabase for parameter 'db', but nothing visible to M provides it. "
                + "Provide it in M with // @inngest.provider(token: PrimaryDatabase) on a static member, or import a module that exports PrimaryDatabase.",
        ])
    }

    @Test func theSpellingOfAnExistentialDoesNotMatter() {
        let output = generate(["A.swift": """
            protocol Gateway: Sendable {}
            // @inngest.injectable
            final class Stripe: Gateway { init() {} }
            // @inngest.injectable
            final class S: Sendable { init(a: Gateway, b: any Gateway, c: (any Gateway)) {} }
            // @inngest.module(providers: [Stripe, S])
            enum M {
                // @inngest.provider(alias)
                static func gateway(_ stripe: Stripe) -> any Gateway { stripe }
            }
            """])
        #expect(errors(output).isEmpty, "\(errors(output))")
    }
}
