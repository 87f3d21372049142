import InngestCodegen
import Testing

/// A comment that looks like a marker but is not one gets a warning at the marker with what was
/// probably meant; prose that merely mentions inngest gets none.
@Suite struct NearMissMarkerTests: Sendable {
    /// The warnings of a scanned file, as a user sees them.
    static func warnings(_ source: String) -> [Diagnostic] {
        ScanFixtures.scan(source).diagnostics.filter { $0.severity == .warning }
    }

    @Test(arguments: [
        (#"// @ingest.function(id: "x", cron: "* * * * *")"#, 4, #"`// @inngest.function(id: "x", cron: "* * * * *")`"#),
        (#"// @Inngest.function(id: "x")"#, 4, #"`// @inngest.function(id: "x")`"#),
        ("// @INNGEST.event(\"a/b\")", 4, "`// @inngest.event(\"a/b\")`"),
        ("//@inngest .function", 3, "`// @inngest.function`"),
        ("// @inngest:function", 4, "`// @inngest.function`"),
        ("// @inngest::module(imports: [A])", 4, "`// @inngest.module(imports: [A])`"),
        ("// @inngest-injectable", 4, "`// @inngest.injectable`"),
        ("// @inngest_event(\"a/b\")", 4, "`// @inngest.event(\"a/b\")`"),
        ("// @inngest function(id: \"x\")", 4, "`// @inngest.function(id: \"x\")`"),
        ("// @inngest injectable", 4, "`// @inngest.injectable`"),
        ("// @ inngest.module()", 4, "`// @inngest.module()`"),
        ("// @innjest.function", 4, "`// @inngest.function`"),
        ("// @innngest.function", 4, "`// @inngest.function`"),
        ("// @ingst.function", 4, "`// @inngest.function`"),
        ("// @inngst.fucntion(id: \"x\")", 4, "`// @inngest.function(id: \"x\")`"),
        ("// @ingest.func(id: \"x\")", 4, "`// @inngest.function(id: \"x\")`"),
        ("// @inngestfunction(id: \"x\")", 4, "`// @inngest.function(id: \"x\")`"),
        ("// @IngestEvent(\"a/b\")", 4, "`// @inngest.event(\"a/b\")`"),
        ("// @ingest.injectible", 4, "`// @inngest.injectable`"),
        ("// @inngest(id: \"x\", event: \"a/b\")", 4, "`// @inngest.function(id: \"x\", event: \"a/b\")`"),
        ("// @inngest(imports: [A])", 4, "`// @inngest.module(imports: [A])`"),
        ("// inngest.function(id: \"x\")", 4, "`// @inngest.function(id: \"x\")`"),
        ("// @@inngest.event(\"a/b\")", 4, "`// @inngest.event(\"a/b\")`"),
        ("/* @Inngest.module() */", 4, "`// @inngest.module()`"),
        ("/**\n * @ingest.event(\"a/b\")\n */", 4, "`// @inngest.event(\"a/b\")`"),
    ])
    func nearMissIsAWarningWithASuggestion(source: String, column: Int, suggestion: String) {
        let warnings = Self.warnings(source + "\nstruct A {}")
        #expect(warnings.count == 1, "\(warnings)")
        let warning = warnings.first
        #expect(warning?.location?.column == column, "\(String(describing: warning))")
        #expect(warning?.message.hasSuffix("did you mean \(suggestion)?") == true, "\(String(describing: warning))")
        #expect(warning?.message.contains("is ignored and nothing is registered from it") == true)
    }

    @Test(arguments: ["//// @inngest.function(id: \"x\")", "//! @inngest.function(id: \"x\")", "// * @inngest.function(id: \"x\")"])
    func aMarkerAfterTheWrongOpenerIsAWarning(source: String) {
        let warnings = Self.warnings(source + "\nstruct A {}")
        #expect(warnings.count == 1, "\(warnings)")
        #expect(warnings.first?.message.hasPrefix("a marker must come right after `//`, `///` or `/*`") == true, "\(warnings)")
        #expect(warnings.first?.message.hasSuffix(#"did you mean `// @inngest.function(id: "x")`?"#) == true, "\(warnings)")
    }

    @Test(arguments: [
        "// see the inngest docs",
        "// TODO: @Ingest later",
        "// @Ingest later",
        "// @inngest",
        "// @inngest functions are registered at build time",
        "// @ingest: function calls are slow",
        "// Inngest function ids must be unique",
        "// Ingest the data, then run the function",
        "/// Use @Inngest.function for handlers",
        "// InngestFunction conformance",
        "// Inngest.Event is the protocol",
        "// @MainActor function",
        "// @invest in module design",
        "// @inline(never)",
        "let text = \"// @Inngest.function(id: 1)\"",
        "// @inngest.function(id: \"x\", event: \"a/b\")",
        "/// @inngest.injectable",
        "/* @inngest.module() */",
    ])
    func proseAndRealMarkersGetNoWarning(source: String) {
        #expect(Self.warnings(source + "\nstruct A {}").isEmpty, "\(Self.warnings(source))")
    }

    @Test func theWarningReachesTheUserAndDoesNotFailTheBuild() {
        let output = generate(["Sources/App/Jobs.swift": """
            // @inngest.event("a/b")
            struct E: Codable, Sendable {}
            // @Inngest.function(id: "f", event: "a/b")
            struct F { func handle(_ e: E, context: Context) async throws {} }
            // @inngest.module()
            struct M {}
            """])
        #expect(!output.hasErrors)
        #expect(!output.files.isEmpty)
        #expect(output.diagnostics.map(\.description) == [
            "Sources/App/Jobs.swift:3:4: warning: `@Inngest.function` is not a marker (markers are spelled exactly `@inngest.<kind>`: lowercase, no spaces), "
                + #"so this comment is ignored and nothing is registered from it; did you mean `// @inngest.function(id: "f", event: "a/b")`?"#,
        ])
    }

    @Test(arguments: [
        "// @Inngest.function(id: \"x\")", "// @ingest.event(\"a/b\")", "//@inngest .function", "// @inngest:module",
        "// inngest.function(id: \"x\")", "// @ INNGEST.event", "/* @innjest.injectable */",
    ])
    func thePrefilterKeepsFilesWithANearMiss(source: String) {
        #expect(Scanner.mightDeclareAnything(source), "the scanner warns about it, so the file must be scanned")
        #expect(!ScanFixtures.scan(source + "\nstruct A {}").diagnostics.isEmpty)
    }
}
