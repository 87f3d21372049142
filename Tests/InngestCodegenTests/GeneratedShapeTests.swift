import Foundation
import Testing

@testable import InngestCodegen

/// The generated code compiles warning-free for every shape of target: no unmutated `var` (an
/// empty function or provider list), no function taking an uninhabited `AppEvent` ("will never be
/// executed"). `.ci/fixtures` proves it with Tests/Fixtures/WarningFree, built with warnings as
/// errors; these tests pin the shapes that matter.
@Suite struct GeneratedShapeTests {
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/Empty")

    /// A target without declarations generates exactly the files in Golden/Empty.
    /// `UPDATE_GOLDEN=1 swift test --filter emptyTargetGolden` rewrites them.
    @Test func emptyTargetGolden() throws {
        let output = generate(["Sources/App/Plain.swift": "enum Plain {}\n"])
        #expect(output.diagnostics.isEmpty)
        for (name, contents) in output.files {
            let url = Self.goldenDirectory.appendingPathComponent(name.replacingOccurrences(of: ".generated.swift", with: ".swift.golden"))
            if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != nil {
                try FileManager.default.createDirectory(at: Self.goldenDirectory, withIntermediateDirectories: true)
                try contents.write(to: url, atomically: true, encoding: .utf8)
            }
            let expected = try String(contentsOf: url, encoding: .utf8)
            #expect(contents == expected, "\(name) differs from Golden/Empty/\(url.lastPathComponent)")
        }
    }

    @Test func emptyListsAreConstants() throws {
        let registry = try #require(generate(["A.swift": "enum Plain {}\n"]).files["InngestRegistry.generated.swift"])
        #expect(registry.contains("let functions: [FunctionDefinition] = []"))
        #expect(registry.contains("let providers: [ProviderDescriptor] = []"))
        #expect(!registry.contains("        var "), "nothing is appended, so no local is a var")
    }

    @Test func listsThatAreAppendedToAreVariables() throws {
        let registry = try #require(generate(["A.swift": """
            // @inngest.injectable
            final class S: Sendable { init() {} }
            // @inngest.function(id: "f", cron: "* * * * *")
            struct F { func handle(_ run: ScheduledRun, context: Context) async throws {} }
            // @inngest.module()
            struct M {}
            """]).files["InngestRegistry.generated.swift"])
        #expect(registry.contains("var functions: [FunctionDefinition] = []"))
        #expect(registry.contains("var providers: [ProviderDescriptor] = []"))
    }

    @Test func withoutEventsThereIsNoSendOverload() throws {
        let events = try #require(generate(["A.swift": "enum Plain {}\n"]).files["InngestEvents.generated.swift"])
        #expect(events.contains("enum AppEvent: EventConvertible {"), "the type exists, so code may name it")
        #expect(!events.contains("func send(_ event: AppEvent"), "a function taking an uninhabited enum would never be executed")
    }

    @Test func conditionalEventsGuardTheSendOverloads() throws {
        let events = try #require(generate(["A.swift": """
            #if DEBUG
            // @inngest.event("a/b")
            struct A: Codable, Sendable {}
            #endif
            #if os(Linux)
            #if canImport(Glibc)
            struct B: Event { static let name = "b/c" }
            #endif
            #endif
            """]).files["InngestEvents.generated.swift"])
        #expect(events.contains("#if ((DEBUG)) || ((os(Linux)) && (canImport(Glibc)))\nextension InngestApp {"), "\(events)")
        #expect(events.hasSuffix("}\n#endif\n"), "\(events)")
    }

    @Test func oneUnconditionalEventMakesTheOverloadsUnconditional() throws {
        let events = try #require(generate(["A.swift": """
            #if DEBUG
            // @inngest.event("a/b")
            struct A: Codable, Sendable {}
            #endif
            struct B: Event { static let name = "b/c" }
            """]).files["InngestEvents.generated.swift"])
        #expect(events.contains("\n\nextension InngestApp {"))
        #expect(!events.contains("#if ((DEBUG))"))
    }
}
