import InngestCodegen
import Testing

/// Which declaration a marker attaches to, and when it attaches to none.
@Suite struct MarkerAttachmentTests: Sendable {
    @Test(arguments: [
        "// @inngest.x\nstruct A {}",
        "// @inngest.x\n/// Documentation.\n/* more */\nstruct A {}",
        "// @inngest.x\n\n\nstruct A {}",
        "// @inngest.x\n@MainActor\n@available(macOS 15, *)\npublic final class A {}",
        "/// Docs.\n// @inngest.x\n#if DEBUG\nstruct A {}\n#endif",
        "// @inngest.x\n#warning(\"check\")\nstruct A {}",
        "// @inngest.x\nextension A {}",
        "@MainActor // @inngest.x\nstruct A {}",
        "/* @inngest.x */ struct A {}",
    ])
    func markerAttachesToTheNextType(source: String) {
        let file = ScanFixtures.scan(source)
        #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
        #expect(file.types.first?.markers.map(\.kind) == ["x"])
    }

    @Test func markerAttachesToMethodInitialiserAndProperty() {
        let type = ScanFixtures.member("""
        // @inngest.a
        init() {}
        // @inngest.b
        @Sendable static func f() {}
        // @inngest.c
        @Injected var service: Service
        """)
        #expect(type?.initializers.first?.markers.map(\.kind) == ["a"])
        #expect(type?.methods.first?.markers.map(\.kind) == ["b"])
        #expect(type?.properties.first?.markers.map(\.kind) == ["c"])
        #expect(type?.markers.isEmpty == true)
    }

    @Test func severalMarkersAttachToOneDeclarationInOrder() {
        let type = ScanFixtures.onlyType("// @inngest.a\n// @inngest.b(1)\n/* @inngest.c */\nstruct A {}")
        #expect(type?.markers.map(\.kind) == ["a", "b", "c"])
    }

    @Test func markerIsNotCarriedToALaterDeclaration() {
        let file = ScanFixtures.scan("// @inngest.a\nstruct A {}\nstruct B {}")
        #expect(file.types.map(\.markers.count) == [1, 0])
    }

    @Test func markerOnMultipleBindingsBelongsToEach() {
        let type = ScanFixtures.member("// @inngest.x\nlet a = 1, b = 2")
        #expect(type?.properties.map(\.markers.count) == [1, 1])
    }

    @Test(arguments: [
        ("// @inngest.x\nprint(1)\nstruct A {}", "found 'print'"),
        ("// @inngest.x\nfunc global() {}", "found a global function"),
        ("// @inngest.x\nlet global = 1", "found a global variable"),
        ("// @inngest.x", "found the end of the file"),
        ("struct A {}\n// @inngest.x\n", "found the end of the file"),
        ("enum E {\n// @inngest.x\ncase a\n}", "found an enum case"),
        ("struct S {\n// @inngest.x\n}", "found '}'"),
        ("struct S {\n// @inngest.x\nsubscript(i: Int) -> Int { i }\n}", "found a 'subscript' declaration"),
        ("struct S {\n// @inngest.x\ntypealias T = Int\n}", "found a 'typealias' declaration"),
        ("// @inngest.x\nimport Foundation", "found a 'import' declaration"),
        ("// @inngest.x\n{ }", "found a code block"),
        ("// @inngest.x\n@MainActor\nfoo()", "found 'foo'"),
        ("struct S {\n// @inngest.x\nstruct\n}", "found an incomplete struct declaration"),
    ])
    func markerWithoutDeclarationIsAnError(source: String, found: String) {
        let file = ScanFixtures.scan(source)
        #expect(file.diagnostics.count == 1)
        let diagnostic = file.diagnostics.first
        #expect(diagnostic?.severity == .error)
        #expect(diagnostic?.message == "marker @inngest.x is not followed by a declaration (\(found))")
        #expect(diagnostic?.location?.column == 4)
        #expect(file.types.allSatisfy { $0.markers.isEmpty })
    }

    @Test(arguments: [
        "struct S {\n    func f() {\n        // @inngest.x\n        let y = 1\n    }\n}",
        "struct S {\n    var p: Int {\n        // @inngest.x\n        1\n    }\n}",
        "let c = {\n    // @inngest.x\n    struct Local {}\n}",
        "struct S {\n    func f(\n        // @inngest.x\n        a: Int) {}\n}",
    ])
    func markerInsideABodyIsAnError(source: String) {
        let file = ScanFixtures.scan(source)
        #expect(file.diagnostics.count == 1)
        #expect(file.diagnostics.first?.message.hasPrefix("marker @inngest.x is not followed by a declaration (markers inside") == true)
        #expect(file.types.allSatisfy { $0.markers.isEmpty && $0.methods.allSatisfy { $0.markers.isEmpty } })
    }

    @Test func errorLocationIsTheMarker() {
        let file = ScanFixtures.scan("let a = 1\n\n    // @inngest.event(\"x\")\nlet b = 2\n")
        #expect(file.diagnostics.first?.location?.description == "Test.swift:3:8")
    }
}
