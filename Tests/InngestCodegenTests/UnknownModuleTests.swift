import Testing

@testable import InngestCodegen

/// The build-time graph check with modules it cannot fully read — a hand-written
/// `moduleDescriptor` (the only way to declare value or factory providers), an inherited one,
/// static lists that are not literal: every check that depends on them is left to the boot check
/// (no false error), every check that does not still runs.
@Suite struct UnknownModuleTests {
    /// Declarations shared by the layouts: a handler needing FeatureFlags (which only a value
    /// provider can supply), an injectable needing Mailer.
    static let common = """
        struct FeatureFlags: Sendable {}
        // @inngest.injectable
        final class Mailer: Sendable { init() {} }
        // @inngest.injectable
        final class Greeter: Sendable { init(mailer: Mailer) {} }
        // @inngest.event("a/b")
        struct E: Codable, Sendable {}
        // @inngest.function(id: "f", event: "a/b")
        struct F {
            let flags: FeatureFlags
            func handle(_ e: E, context: Context) async throws {}
        }
        """

    /// A descriptor the scanner cannot read: statements, not one expression.
    static let opaqueFlags = """
        struct FlagsModule: Module {
            static var moduleDescriptor: ModuleDescriptor {
                let flags = FeatureFlags()
                return ModuleDescriptor("FlagsModule", providers: [.value(flags)], exports: [FeatureFlags.self])
            }
        }
        """

    static func graphErrors(_ files: [String: String]) -> [String] {
        errors(generate(files.merging(["Sources/Common.swift": common]) { $1 }))
    }

    // MARK: No false errors

    @Test func anImportedOpaqueModuleMayProvideWhatNothingElseDoes() {
        let lines = Self.graphErrors(["Sources/App.swift": Self.opaqueFlags + """

            // @inngest.module(imports: [FlagsModule], providers: [Mailer])
            struct AppModule {}
            """])
        #expect(lines.isEmpty, "\(lines)")
    }

    @Test func theDescriptorMayBeInAnExtensionInAnotherFile() {
        let lines = Self.graphErrors([
            "Sources/App.swift": """
                struct FlagsModule: Module {}
                // @inngest.module(imports: [FlagsModule], providers: [Mailer])
                struct AppModule {}
                """,
            "Sources/Flags.swift": """
                extension FlagsModule {
                    static var moduleDescriptor: ModuleDescriptor { makeDescriptor() }
                }
                """,
        ])
        #expect(lines.isEmpty, "\(lines)")
    }

    @Test func theOpaqueModuleMayBeTheRoot() {
        let lines = Self.graphErrors(["Sources/App.swift": """
            // @inngest.module(providers: [Mailer], exports: [Mailer])
            struct MailModule {}
            struct AppModule: Module {
                static var moduleDescriptor: ModuleDescriptor {
                    ModuleDescriptor("AppModule", imports: [MailModule.self], providers: [.value(FeatureFlags())])
                }
            }
            """])
        #expect(lines.isEmpty, "\(lines)")
    }

    @Test func theOpaqueModuleMayReExportWhatItImports() {
        let lines = Self.graphErrors(["Sources/App.swift": """
            // @inngest.module(providers: [Mailer], exports: [Mailer])
            struct MailModule {}
            struct Feature: Module {
                static var moduleDescriptor: ModuleDescriptor {
                    ModuleDescriptor("Feature", imports: [MailModule.self], providers: [.value(FeatureFlags())], exports: reexported)
                }
            }
            // @inngest.module(imports: [Feature], providers: [Greeter])
            struct AppModule {}
            """])
        #expect(lines.isEmpty, "\(lines)")
    }

    @Test func anOpaqueModuleMayBeGlobal() {
        let lines = Self.graphErrors(["Sources/App.swift": """
            struct Shared: Module {
                static var moduleDescriptor: ModuleDescriptor { Shared.make() }
            }
            // @inngest.module(providers: [Greeter])
            struct Leaf {}
            // @inngest.module(imports: [Leaf, Shared])
            struct AppModule {}
            """])
        #expect(lines.isEmpty, "Greeter's Mailer and F's FeatureFlags may come from Shared if it is global: \(lines)")
    }

    @Test func markerListsAreIgnoredWhenTheDescriptorIsHandwritten() {
        let output = generate([
            "Sources/Common.swift": Self.common,
            "Sources/App.swift": """
                // @inngest.module(providers: [Mailer], exports: [Mailer])
                struct MailModule {}
                extension MailModule {
                    static var moduleDescriptor: ModuleDescriptor { custom() }
                }
                // @inngest.module(imports: [MailModule], providers: [Greeter])
                struct AppModule {}
                """,
        ])
        #expect(errors(output).isEmpty, "\(errors(output))")
        let warnings = output.diagnostics.filter { $0.severity == .warning }.map(\.description)
        #expect(warnings.contains {
            $0.hasPrefix("Sources/App.swift:1:4: warning: MailModule declares moduleDescriptor itself, so the lists in its @inngest.module marker are not used")
        }, "\(warnings)")
        #expect(output.files["InngestWiring.generated.swift"]?.contains("extension MailModule") == false)
    }

    @Test func staticListsAreIgnoredWhenTheDescriptorIsHandwritten() {
        let lines = Self.graphErrors(["Sources/App.swift": """
            struct FlagsModule: Module {
                static let exports: [Any.Type] = [FeatureFlags.self, Mailer.self]
                static var moduleDescriptor: ModuleDescriptor { build(exports: exports) }
            }
            // @inngest.module(imports: [FlagsModule], providers: [Greeter])
            struct AppModule {}
            """])
        #expect(lines.isEmpty, "FlagsModule's static exports are not its descriptor: \(lines)")
    }

    @Test(arguments: [
        "extension FeatureModule { static var moduleDescriptor: ModuleDescriptor { ModuleDescriptor(String(describing: Self.self)) } }",
        "extension FeatureModule where Self: Sendable { static var moduleDescriptor: ModuleDescriptor { describe() } }",
    ])
    func aDescriptorInAProtocolExtensionIsHandwritten(extensionText: String) throws {
        let output = generate([
            "Sources/Common.swift": Self.common,
            "Sources/App.swift": """
                protocol FeatureModule: Module {}
                \(extensionText)
                struct FlagsModule: FeatureModule {}
                // @inngest.module(imports: [FlagsModule], providers: [Mailer])
                struct AppModule {}
                """,
        ])
        #expect(errors(output).isEmpty, "\(errors(output))")
        let wiring = try #require(output.files["InngestWiring.generated.swift"])
        #expect(!wiring.contains("extension FlagsModule"), "the protocol extension's descriptor is the user's")
    }

    @Test func aStaticFuncDescriptorIsHandwritten() {
        let (model, _) = buildModel(["A.swift": """
            struct Configured: Module {
                static func moduleDescriptor() -> ModuleDescriptor { ModuleDescriptor("Configured") }
            }
            """])
        #expect(model.modules.first?.descriptorSource == .handwritten)
        #expect(model.modules.first?.unreadable == Set(ModuleModel.Part.allCases))
    }

    @Test func aSubclassOfAModuleClassInheritsItsDescriptor() throws {
        let output = generate([
            "Sources/Common.swift": Self.common,
            "Sources/App.swift": """
                class BaseModule: Module {
                    class var moduleDescriptor: ModuleDescriptor { ModuleDescriptor("Base", providers: [.value(FeatureFlags())]) }
                }
                final class AppModule: BaseModule {}
                """,
        ])
        #expect(errors(output).isEmpty, "\(errors(output))")
        let registry = try #require(output.files["InngestRegistry.generated.swift"])
        #expect(registry.contains("extension BaseModule: RegisteredFunctions"))
        #expect(!registry.contains("extension AppModule"), "the subclass inherits the registration")
    }

    @Test func unreadableStaticListsAreUsedAsWritten() throws {
        let output = generate([
            "Sources/Common.swift": Self.common,
            "Sources/App.swift": """
                struct FlagsModule: Module {
                    static let providers: [ProviderDescriptor] = [.value(FeatureFlags())]
                    static var exports: [Any.Type] { [FeatureFlags.self] }
                    static let isGlobal = ProcessInfo.processInfo.environment["GLOBAL"] != nil
                }
                // @inngest.module(imports: [FlagsModule], providers: [Mailer])
                struct AppModule {}
                """,
        ])
        #expect(errors(output).isEmpty, "\(errors(output))")
        let wiring = try #require(output.files["InngestWiring.generated.swift"])
        #expect(wiring.contains("providers: Self.providers,"))
        #expect(wiring.contains("exports: [FeatureFlags.self],"), "a computed literal list is read")
        #expect(wiring.contains("isGlobal: Self.isGlobal,"))
    }

    @Test func anUnreadableListOfTypesCannotBeWired() {
        let output = generate(["A.swift": """
            struct Base {}
            struct M: Module {
                static let shared: [Any.Type] = [Base.self]
                static let providers: [Any.Type] = shared + [Base.self]
            }
            """])
        #expect(errors(output) == [
            "A.swift:4:16: error: M.providers is not a literal list of types, so the plugin cannot wire it: write it as [A.self, B.self] "
                + "(each wired by its initialiser), or declare it as [ProviderDescriptor] to use it as written",
        ])
    }

    // MARK: Checks that do not depend on the unknown still run

    @Test func aReadableDescriptorStillChecksWhatItDoesNotExport() {
        let lines = Self.graphErrors(["Sources/App.swift": """
            struct FlagsModule: Module {
                static let moduleDescriptor = ModuleDescriptor("FlagsModule", providers: [.value(FeatureFlags())], exports: [FeatureFlags.self])
            }
            // @inngest.module(imports: [FlagsModule], providers: [Greeter])
            struct Feature {}
            // @inngest.module(imports: [Feature])
            struct AppModule {}
            """])
        // FlagsModule's exports and isGlobal are known, so both are certain.
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.contains { $0.contains("Greeter.init(mailer:) in Feature needs Mailer for parameter 'mailer'") }, "\(lines)")
        #expect(lines.contains { $0.contains("F.init(flags:) in AppModule needs FeatureFlags for parameter 'flags'") }, "\(lines)")
    }

    @Test func theRootModulesProvidersSeeTheRootProvidedInjectables() {
        let lines = Self.graphErrors(["Sources/App.swift": """
            struct FlagsModule: Module {
                static let moduleDescriptor = ModuleDescriptor("FlagsModule", providers: [.value(FeatureFlags())], exports: [FeatureFlags.self])
            }
            // @inngest.module(imports: [FlagsModule], providers: [Greeter])
            struct AppModule {}
            """])
        #expect(lines.isEmpty, "Mailer is listed in no module, so the registry provides it in AppModule itself: \(lines)")
    }

    @Test func aModuleThatSeesNoUnknownIsStillChecked() {
        let lines = Self.graphErrors(["Sources/App.swift": """
            struct Flags: Module {
                static var moduleDescriptor: ModuleDescriptor {
                    ModuleDescriptor("Flags", providers: [.value(FeatureFlags())], exports: flagTypes)
                }
            }
            // @inngest.module(providers: [Greeter])
            struct Leaf {}
            // @inngest.module(imports: [Flags, Leaf], providers: [Mailer])
            struct AppModule {}
            """])
        // Leaf neither imports Flags nor can Flags be global (its descriptor says so), so Greeter's
        // missing Mailer is certain; F's FeatureFlags may come from Flags.
        #expect(lines.count == 1, "\(lines)")
        #expect(lines.first?.contains("Greeter.init(mailer:) in Leaf needs Mailer") == true, "\(lines)")
    }

    @Test func aReadableGlobalDescriptorIsUsed() {
        let lines = Self.graphErrors(["Sources/App.swift": """
            struct Shared: Module {
                static var moduleDescriptor: ModuleDescriptor {
                    ModuleDescriptor("Shared", providers: [Mailer.inngestProvider, .value(FeatureFlags())],
                                     exports: [Mailer.self, FeatureFlags.self], isGlobal: true)
                }
            }
            // @inngest.module(providers: [Greeter])
            struct Leaf {}
            // @inngest.module(imports: [Leaf, Shared], exports: [Missing])
            struct AppModule {}
            """])
        #expect(lines.count == 1, "\(lines)")
        #expect(lines.first?.contains("AppModule exports Missing, which it neither provides nor imports") == true, "\(lines)")
    }

    @Test func cyclesWithinOneKnownContextAreStillReported() {
        let output = generate(["Sources/App.swift": """
            // @inngest.injectable
            final class A: Sendable { init(b: B) {} }
            // @inngest.injectable
            final class B: Sendable { init(a: A) {} }
            // @inngest.injectable
            final class C: Sendable { init(d: D) {} }
            // @inngest.injectable
            final class D: Sendable { init(c: C) {} }
            // @inngest.module(providers: [C])
            struct CModule {}
            // @inngest.module(providers: [D])
            struct DModule {}
            struct Opaque: Module { static var moduleDescriptor: ModuleDescriptor { make() } }
            // @inngest.module(imports: [Opaque, CModule, DModule])
            struct AppModule {}
            """])
        #expect(errors(output).contains { $0.contains("dependency cycle: A → B → A") }, "A and B are both provided in the root")
        #expect(!errors(output).contains { $0.contains("C → D") }, "Opaque may provide C or D by value")
    }

    @Test func withoutUnknownsTheGraphIsCheckedAsBefore() {
        let lines = Self.graphErrors(["Sources/App.swift": """
            // @inngest.module(imports: [Leaf])
            struct AppModule {}
            // @inngest.module(providers: [Greeter])
            struct Leaf {}
            """])
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.contains { $0.contains("Greeter.init(mailer:) in Leaf needs Mailer") })
        #expect(lines.contains { $0.contains("F.init(flags:) in AppModule needs FeatureFlags") })
    }
}

/// Only literal shapes of a hand-written descriptor are read; anything else is unknown.
@Suite struct ModuleListReaderTests {
    @Test(arguments: [
        ("[A.self, B.Inner.self]", ["A", "B.Inner"] as [String]?),
        ("[]", []),
        ("[A.self,]", ["A"]),
        ("[A.self] + more", nil),
        ("base", nil),
        ("[A]", nil),
        ("[A.self, B.self].filter { _ in true }", nil),
    ])
    func staticTypeList(expression: String, names: [String]?) {
        #expect(ModuleListReader.typeList(expression) == names)
    }

    @Test func aLiteralDescriptorIsRead() {
        let lists = ModuleListReader.descriptor(
            #"ModuleDescriptor("M", imports: [A.self], providers: [S.inngestProvider], exports: [S.self, A.self], isGlobal: true, location: "x")"#)
        #expect(lists == ModuleListReader.Lists(imports: ["A"], providers: ["S"], exports: ["S", "A"], isGlobal: true, unreadable: []))
        #expect(ModuleListReader.descriptor(#".init("M")"#) == ModuleListReader.Lists())
    }

    @Test(arguments: [
        (#"ModuleDescriptor("M", providers: [.value(Flags())], exports: [Flags.self])"#, [ModuleModel.Part.providers]),
        (#"ModuleDescriptor("M", imports: shared, isGlobal: flag)"#, [.imports, .isGlobal]),
        (#"ModuleDescriptor("M", exports: [A.self] + extra)"#, [.exports]),
    ])
    func listsInOtherShapesAreUnreadable(expression: String, unreadable: [ModuleModel.Part]) {
        #expect(ModuleListReader.descriptor(expression)?.unreadable == Set(unreadable))
    }

    @Test(arguments: [#"make()"#, #"Self.base"#, #"ModuleDescriptor.make("M")"#, #"ModuleDescriptor("M", unknownLabel: 1)"#])
    func otherExpressionsAreNotDescriptors(expression: String) {
        #expect(ModuleListReader.descriptor(expression) == nil)
    }
}
