import Testing

@testable import InngestCodegen

/// `imports: [ConfigModule.forRoot(…)]` in a module marker, `static let dynamicImports` in a
/// conformance, and modules whose `forRoot` makes them partially unknown to the graph check.
@Suite struct DynamicImportTests {
    static let settings = """
        struct Settings: Sendable { var url: String }
        struct ConfigModule: Module {
            static func forRoot(url: String) -> DynamicModule {
                DynamicModule(ConfigModule.self, providers: [.value(Settings(url: url))], exports: [Settings.self])
            }
        }

        """

    @Test func aCallInImportsIsCopiedAsWrittenOnTheMarkersLine() throws {
        let output = generate(["A.swift": Self.settings + """
            // @inngest.injectable
            final class Client: Sendable { init(settings: Settings) {} }
            // @inngest.module(imports: [CoreModule, ConfigModule.forRoot(url: "postgres://(x)\\"]"),
            //                 App.CacheModule.forFeature(sizes: [1, 2], names: ["a)"])],
            //                 providers: [Client])
            struct AppModule {}
            // @inngest.module()
            struct CoreModule {}
            """, "B.swift": "enum App { struct CacheModule: Module { static func forFeature(sizes: [Int], names: [String]) -> DynamicModule { DynamicModule(CacheModule.self) } } }\n"])
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
        let wiring = try #require(output.files["InngestWiring.generated.swift"])
        #expect(wiring.contains("imports: [CoreModule.self, ConfigModule.self, App.CacheModule.self],\n            dynamicImports: Self.inngestDynamicImports,"), "\(wiring)")
        #expect(wiring.contains("""
                static var inngestDynamicImports: [DynamicModule] {
                    var imports: [DynamicModule] = []
            #sourceLocation(file: "A.swift", line: 9)
                    imports.append(ConfigModule.forRoot(url: "postgres://(x)\\"]"))
            #sourceLocation(file: "A.swift", line: 10)
                    imports.append(App.CacheModule.forFeature(sizes: [1, 2], names: ["a)"]))
                    return imports
                }
            """), "\(wiring)")
    }

    @Test func aConformanceUsesItsDynamicImportsAsWritten() throws {
        let output = generate(["A.swift": Self.settings + """
            // @inngest.injectable
            final class Client: Sendable { init(settings: Settings) {} }
            struct AppModule: Module {
                static let imports: [any Module.Type] = [ConfigModule.self]
                static let providers: [Any.Type] = [Client.self]
                static let dynamicImports: [DynamicModule] = [ConfigModule.forRoot(url: "x")]
            }
            """])
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
        let wiring = try #require(output.files["InngestWiring.generated.swift"])
        #expect(wiring.contains("dynamicImports: Self.dynamicImports,"), "\(wiring)")
    }

    @Test func malformedCallsAreErrorsAtTheirLine() {
        let output = generate([
            "A.swift": """
                // @inngest.module(imports: [Cfg.forRoot(url: "a(b", x: [1, 2)])
                struct Bad1 {}
                // @inngest.module(imports: [Cfg.forRoot(url: "a(b"
                //   , x: 1])
                struct Bad2 {}
                // @inngest.module(imports: [Cfg.forRoot(url: "unterminated)])
                struct Bad3 {}
                // @inngest.module(imports: [Cfg.forRoot(x: 1]
                struct Bad4 {}
                """,
            "B.swift": """
                // @inngest.module(imports: ["Cfg"])
                struct Bad5 {}
                // @inngest.module(imports: Cfg)
                struct Bad6 {}
                """,
        ])
        #expect(errors(output) == [
            "A.swift:1:62: error: unbalanced parentheses in 'Cfg.forRoot(…)': expected ']', found ')'",
            "A.swift:4:12: error: unbalanced parentheses in 'Cfg.forRoot(…)': expected ')', found ']'",
            "A.swift:6:47: error: unterminated string literal in marker '@inngest.module'",
            "A.swift:8:46: error: unbalanced parentheses in 'Cfg.forRoot(…)': expected ')', found ']'",
            "B.swift:1:30: error: 'imports' lists module types without quotes, or calls that configure one, such as ConfigModule.forRoot(url: \"…\")",
            "B.swift:3:29: error: 'imports' takes a list of modules, e.g. imports: [CoreModule, ConfigModule.forRoot(url: \"…\")]",
        ])
    }

    @Test func anUnclosedCallIsReportedAtItsParenthesis() {
        let output = generate(["A.swift": """
            // @inngest.module(imports: [Cfg.forRoot(url: "x",
            struct Bad {}
            """])
        #expect(errors(output) == [
            "A.swift:1:41: error: unbalanced parentheses in 'Cfg.forRoot(…)': expected ')' before the end of the marker; close every '(', '[' and '{' of the call",
        ])
    }

    @Test func whatForRootAddsIsLeftToTheBootCheck() {
        let output = generate(["A.swift": Self.settings + """
            // @inngest.injectable
            final class Client: Sendable { init(settings: Settings) {} }
            // @inngest.injectable
            final class Inside: Sendable { init(secret: Secret) {} }
            struct Secret {}
            // @inngest.module(imports: [ConfigModule.forRoot(url: "x")], providers: [Client])
            struct AppModule {}
            extension ConfigModule {
                static let providers: [Any.Type] = [Inside.self]
            }
            """])
        #expect(errors(output).isEmpty, "Settings comes from forRoot, Secret may too: \(errors(output))")
    }

    @Test func aModuleThatDoesNotImportTheDynamicModuleStillMissesItsExports() {
        let output = generate(["A.swift": Self.settings + """
            // @inngest.injectable
            final class Client: Sendable { init(settings: Settings) {} }
            // @inngest.module(imports: [ConfigModule.forRoot(url: "x"), Other])
            struct AppModule {}
            // @inngest.module(providers: [Client])
            struct Other {}
            """])
        #expect(errors(output).count == 1 && errors(output)[0].hasPrefix("A.swift:8:37: error: Client.init(settings:) in Other needs Settings"), "\(errors(output))")
    }

    @Test func markerAndPropertyDynamicImportsConflict() {
        let output = generate(["A.swift": Self.settings + """
            // @inngest.module(imports: [ConfigModule.forRoot(url: "x")])
            struct AppModule: Module {
                static let dynamicImports: [DynamicModule] = []
            }
            """])
        #expect(errors(output) == [
            "A.swift:9:16: error: AppModule lists dynamic imports both in its @inngest.module marker and in static dynamicImports; keep one of the two",
        ])
    }
}
