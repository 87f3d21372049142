import Testing

@testable import InngestCodegen

/// Every misuse of `// @inngest.provider` is an error at the user's line that says what to write.
@Suite struct ProviderMarkerErrorTests {
    @Test func misplacedAndMalformedProviders() {
        let output = generate(["A.swift": """
            struct Config: Sendable {}
            // @inngest.module()
            enum M {
                // @inngest.provider
                static let untyped = Config()
                // @inngest.provider(scope: transient)
                static let scoped: Config = Config()
                // @inngest.provider
                let instance: Config = Config()
                // @inngest.provider(alias)
                static func twoParams(_ a: Config, _ b: Config) -> Config { a }
                // @inngest.provider(alias, scope: run)
                static func aliasScoped(_ a: Config) -> Config { a }
                // @inngest.provider(scop: run)
                static func typo() -> Config { Config() }
                // @inngest.provider(scope: forever)
                static func badScope() -> Config { Config() }
                // @inngest.provider
                static func noReturn() {}
                // @inngest.provider(multi, token: T)
                static func both() -> Config { Config() }
                // @inngest.provider(alias)
                static let aliasValue: Config = Config()
                // @inngest.provider
                static func generic<T>() -> T? { nil }
                // @inngest.provider(alias)
                static func asyncAlias(_ a: Config) async -> Config { a }
                // @inngest.provider
                func instanceMethod() -> Config { Config() }
                // @inngest.provider
                init() {}
            }
            struct NotAModule {
                // @inngest.provider
                static let x: Int = 1
            }
            // @inngest.provider
            func global() -> Int { 1 }
            // @inngest.provider
            struct Typed {}
            """])
        #expect(errors(output) == [
            "A.swift:5:16: error: M.untyped needs a type annotation to be provided: write static let untyped: SomeType = …; the provider is registered under that type",
            "A.swift:6:33: error: a value provider is always a singleton: remove 'scope: transient', or make M.scoped a static func to build a new instance per resolution",
            "A.swift:8:8: error: @inngest.provider marks a static member, and M.instance is an instance member: make it static (static let, static var or static func); the wiring never creates an instance of M",
            "A.swift:11:17: error: an alias provider takes exactly one parameter, the existing provider it converts (static func twoParams(_ existing: Existing) -> Config), but M.twoParams takes 2; drop 'alias' to make it a factory",
            "A.swift:12:40: error: 'alias' cannot be combined with 'scope': an alias resolves to the existing provider, whose scope applies; drop 'alias' to make M.aliasScoped a factory",
            "A.swift:14:26: error: unknown key 'scop' in @inngest.provider (expected scope, token, multi, alias); did you mean 'scope'?",
            "A.swift:16:33: error: unknown scope 'forever'; expected singleton, transient or run",
            "A.swift:19:17: error: M.noReturn returns nothing: write the type it provides as its return type, e.g. static func noReturn(…) -> SomeType",
            "A.swift:20:40: error: 'multi' and 'token' cannot be combined: a multi-binding contributes to the collection [T], which is resolved by type; drop one of them",
            "A.swift:22:8: error: 'alias' marks a static func taking the existing provider, e.g. static func aliasValue(_ existing: Existing) -> SomeType { existing }; M.aliasValue is a property",
            "A.swift:25:17: error: M.generic is generic, so the wiring cannot name the type it provides: give it concrete parameter and return types",
            "A.swift:27:17: error: an alias converts the existing instance synchronously: remove async and throws from M.asyncAlias, or drop 'alias' to make it a factory",
            "A.swift:28:8: error: @inngest.provider marks a static member, and M.instanceMethod is an instance member: make it static (static let, static var or static func); the wiring never creates an instance of M",
            "A.swift:30:8: error: @inngest.provider cannot mark an initialiser; @inngest.provider goes on a static let, static var or static func of a module (a type marked @inngest.module or conforming to Module, or an extension of one). To choose the initialiser the wiring calls, write // @inngest.inject",
            "A.swift:34:8: error: @inngest.provider marks a static member of a module, and NotAModule is not a module: move x into a module (a type marked @inngest.module or conforming to Module, or an extension of one)",
            "A.swift:37:4: error: marker @inngest.provider is not followed by a declaration (found a global function); @inngest.provider goes on a static let, static var or static func of a module (a type marked @inngest.module or conforming to Module, or an extension of one)",
            "A.swift:39:4: error: @inngest.provider cannot mark a type; @inngest.provider goes on a static let, static var or static func of a module (a type marked @inngest.module or conforming to Module, or an extension of one). To provide Typed itself, mark it // @inngest.injectable and list it in a module's providers",
        ])
        #expect(output.files.isEmpty)
    }

    @Test func aModuleMarkerThatDoesNotParseKeepsItsProvidersInAModule() {
        let output = generate(["A.swift": """
            // @inngest.module(imports: [Cfg.forRoot(x: 1])
            enum M {
                // @inngest.provider
                static let region: String = "eu"
                // @inngest.provider
                let bad: Int = 1
            }
            """])
        #expect(errors(output) == [
            "A.swift:1:46: error: unbalanced parentheses in 'Cfg.forRoot(…)': expected ')', found ']'",
            "A.swift:5:8: error: @inngest.provider marks a static member, and M.bad is an instance member: make it static (static let, static var or static func); the wiring never creates an instance of M",
        ])
    }

    @Test func aStoredStaticVarIsRefused() {
        let output = generate(["A.swift": """
            // @inngest.module()
            enum M {
                // @inngest.provider
                static var counter: Int = 0
            }
            """])
        #expect(errors(output) == [
            "A.swift:4:16: error: M.counter is a stored static var, which is shared mutable state; make it a static let (or a computed static var) to provide it",
        ])
    }

    @Test func aHandwrittenDescriptorCannotTakeMarkedProviders() {
        let output = generate(["A.swift": """
            struct M: Module {
                static var moduleDescriptor: ModuleDescriptor { ModuleDescriptor("M") }
                // @inngest.provider
                static let region: String = "eu"
            }
            """])
        #expect(errors(output) == [
            "A.swift:4:16: error: M declares moduleDescriptor itself, so the plugin generates no descriptor and M.region would not be registered: "
                + "add it to moduleDescriptor's providers yourself and remove the marker, or remove moduleDescriptor",
        ])
    }

    @Test func nulBytesAndControlCharactersAreErrorsNotCrashes() {
        let output = generate([
            "A.swift": "// @inngest.provider(sc\u{0}ope: run)\n// @inngest.module()\nenum M {}\n",
            "B.swift": "// @inngest.module(imports: [Cfg.forRoot(url: \"\u{0}\")])\nstruct N {}\n",
            "C.swift": "// @inngest.module(imports: [Cfg.forRoot(url: \u{1})])\nstruct O {}\n",
        ])
        #expect(errors(output) == [
            "A.swift:1:24: error: expected ',' or ')' after an argument of '@inngest.provider', found the control character U+0000",
            "B.swift:1:48: error: a call in a marker cannot contain the control character U+0000; write it as an escape such as \\u{…} in 'Cfg.forRoot(…)'",
            "C.swift:1:47: error: a call in a marker cannot contain the control character U+0001; remove it from 'Cfg.forRoot(…)'",
        ])
    }
}
