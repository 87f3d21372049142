import InngestCodegen
import Testing

/// What counts as a marker, and how its arguments parse.
@Suite struct MarkerSyntaxTests: Sendable {
    /// The markers of the only type declared after `comment`.
    static func markers(_ comment: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Marker] {
        let file = ScanFixtures.scan("\(comment)\nstruct A {}")
        #expect(file.diagnostics.isEmpty, "\(file.diagnostics)", sourceLocation: sourceLocation)
        return file.types.first?.markers ?? []
    }

    /// The value of the only argument of `// @inngest.x(<argument>)`.
    static func value(_ argument: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> MarkerValue? {
        let markers = markers("// @inngest.x(\(argument))", sourceLocation: sourceLocation)
        return markers.first?.arguments.first?.value
    }

    @Test(arguments: [
        "// @inngest.injectable",
        "/// @inngest.injectable",
        "//@inngest.injectable",
        "//   \t@inngest.injectable   ",
        "/* @inngest.injectable */",
        "/** @inngest.injectable */",
        "/*@inngest.injectable*/",
        "/**\n * @inngest.injectable\n */",
        "/*\n   @inngest.injectable\n*/",
        "// @inngest.injectable()",
        "// @inngest.injectable ( )",
    ])
    func bareMarkerIsRecognisedInEveryCommentForm(comment: String) {
        let markers = Self.markers(comment)
        #expect(markers.map(\.kind) == ["injectable"])
        #expect(markers.first?.arguments.isEmpty == true)
    }

    @Test(arguments: [
        "// see @inngest.function docs",
        "// TODO: @inngest.function(id: \"x\")",
        "// inngest.function",
        "/* text\n   more text @inngest.function */",
        "let s = \"// @inngest.function\"",
        "let s = \"\"\"\n  // @inngest.function(id: \"x\")\n  \"\"\"",
    ])
    func textThatDoesNotStartTheCommentIsNotAMarker(comment: String) {
        #expect(Self.markers(comment).isEmpty)
    }

    /// Near-misses are not markers either, but get a warning (see NearMissMarkerTests).
    @Test(arguments: ["//// @inngest.function", "// // @inngest.function", "// @inngestfunction", "// @Inngest.function"])
    func nearMissIsNotAMarkerButAWarning(comment: String) {
        let file = ScanFixtures.scan("\(comment)\nstruct A {}")
        #expect(file.types.first?.markers.isEmpty == true)
        #expect(file.diagnostics.map(\.severity) == [.warning], "\(file.diagnostics)")
    }

    @Test(arguments: [
        (#""order/placed""#, MarkerValue.string("order/placed")),
        (#""a \"b\" \\ c\n\t""#, .string("a \"b\" \\ c\n\t")),
        (#""\u{1F600}\u{E9}""#, .string("😀é")),
        (#""with, comma) and ] brackets""#, .string("with, comma) and ] brackets")),
        (###"#"raw \n "quoted""#"###, .string(#"raw \n "quoted""#)),
        (#""""#, .string("")),
        ("3", .integer(3)),
        ("-600", .integer(-600)),
        ("1_000", .integer(1000)),
        ("0x1F", .integer(31)),
        ("1.5", .decimal(1.5)),
        ("-0.25", .decimal(-0.25)),
        ("1e3", .decimal(1000)),
        ("true", .bool(true)),
        ("false", .bool(false)),
        ("transient", .identifier("transient")),
        (".transient", .identifier("transient")),
        ("PaymentsModule.self", .identifier("PaymentsModule")),
        ("Foo.Bar", .identifier("Foo.Bar")),
        (".Foo.Bar.self", .identifier("Foo.Bar")),
        ("Box<Int>.self", .identifier("Box<Int>")),
        ("Cache<String,[Int]>", .identifier("Cache<String, [Int]>")),
        ("`default`", .identifier("default")),
        ("trueish", .identifier("trueish")),
        ("[A, B]", .array([.identifier("A"), .identifier("B")])),
        ("[A.self, B.self,]", .array([.identifier("A"), .identifier("B")])),
        ("[]", .array([])),
        ("[ ]", .array([])),
        ("[[1, 2], [\"x\"], []]", .array([.array([.integer(1), .integer(2)]), .array([.string("x")]), .array([])])),
        ("[1, 2.5, \"s\", true, .x]", .array([.integer(1), .decimal(2.5), .string("s"), .bool(true), .identifier("x")])),
    ])
    func valueIsParsed(text: String, value: MarkerValue) {
        #expect(Self.value(text) == value)
    }

    @Test func labeledAndUnlabeledArgumentsKeepTheirOrder() {
        let marker = Self.markers(#"// @inngest.function("id", retries: 3, concurrency: 2, true)"#).first
        #expect(marker?.arguments.map(\.label) == [nil, "retries", "concurrency", nil])
        #expect(marker?.arguments.map(\.value) == [.string("id"), .integer(3), .integer(2), .bool(true)])
        #expect(marker?.argument("retries")?.value.integerValue == 3)
        #expect(marker?.unlabeledArguments.count == 2)
    }

    @Test func backtickedLabelIsStripped() {
        let marker = Self.markers("// @inngest.x(`default`: 1, `in`: .y)").first
        #expect(marker?.arguments.map(\.label) == ["default", "in"])
        #expect(marker?.arguments.map(\.value) == [.integer(1), .identifier("y")])
    }

    @Test func trailingCommaAndSpacingAreAccepted() {
        let marker = Self.markers(#"//   @inngest.function( id :"x" ,retries:3, )"#).first
        #expect(marker?.arguments.map(\.label) == ["id", "retries"])
    }

    @Test func locationsPointAtTheAtLabelAndValue() {
        let file = ScanFixtures.scan("struct S {\n    // @inngest.function(id: \"x\", 7)\n    func f() {}\n}")
        let marker = file.types.first?.methods.first?.markers.first
        #expect(marker?.location.description == "Test.swift:2:8")
        #expect(marker?.arguments.first?.location.description == "Test.swift:2:26")
        #expect(marker?.arguments.first?.valueLocation.description == "Test.swift:2:30")
        #expect(marker?.arguments.last?.location.description == "Test.swift:2:35")
        #expect(marker?.arguments.last?.valueLocation.description == "Test.swift:2:35")
    }

    @Test(arguments: [
        ("/** @inngest.x */ struct A {}", "Test.swift:1:5"),
        ("/**\n * @inngest.x\n */\nstruct A {}", "Test.swift:2:4"),
        ("\t// @inngest.x\nstruct A {}", "Test.swift:1:5"),
        ("/* é */ // @inngest.x\nstruct A {}", "Test.swift:1:12"),
    ])
    func markerLocationIsItsAtSign(source: String, location: String) {
        #expect(ScanFixtures.scan(source).types.first?.markers.first?.location.description == location)
    }

    @Test func argumentsMayContinueOnFollowingLineComments() {
        let markers = Self.markers("""
        // @inngest.module(
        //     imports: [DatabaseModule, CacheModule],
        ///    providers: [
        //         PaymentService,
        //     ],
        // )
        """)
        #expect(markers.first?.arguments.map(\.label) == ["imports", "providers"])
        #expect(markers.first?.arguments.last?.value == .array([.identifier("PaymentService")]))
    }

    @Test func continuationLineLocationsAreExact() {
        let file = ScanFixtures.scan("// @inngest.module(\n//   imports: [A]\n// )\nstruct M {}")
        let argument = file.types.first?.markers.first?.arguments.first
        #expect(argument?.location.description == "Test.swift:2:6")
        #expect(argument?.valueLocation.description == "Test.swift:2:15")
    }

    @Test func argumentsMayContinueInsideABlockComment() {
        let markers = Self.markers("""
        /**
         * Does things.
         *
         * @inngest.function(
         *     id: "nightly",
         *     retries: 5
         * )
         */
        """)
        #expect(markers.first?.kind == "function")
        #expect(markers.first?.arguments.map(\.value) == [.string("nightly"), .integer(5)])
    }

    @Test func severalMarkersInOneCommentBlockAreKeptInOrder() {
        let markers = Self.markers("// @inngest.function(id: \"a\")\n// plain text\n/// @inngest.injectable\n/* @inngest.other(1) */")
        #expect(markers.map(\.kind) == ["function", "injectable", "other"])
    }

    @Test(arguments: ["function", "event", "injectable", "module", "somethingElse", "v2_kind"])
    func anyKindIsAcceptedBySyntax(kind: String) {
        #expect(Self.markers("// @inngest.\(kind)").first?.kind == kind)
    }

    @Test func crlfMarkerContinuationWorks() {
        let source = ScanFixtures.crlf("// @inngest.module(\n//   imports: [A],\n// )\nstruct M {}")
        let file = ScanFixtures.scan(source)
        #expect(file.diagnostics.isEmpty)
        #expect(file.types.first?.markers.first?.arguments.first?.value == .array([.identifier("A")]))
    }
}
