import InngestCodegen
import Testing

/// Properties: let/var, static, stored or computed, initialisers, string values, bindings.
@Suite struct ScannerPropertyTests: Sendable {
    static func property(_ source: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> PropertyDecl? {
        let properties = ScanFixtures.member(source)?.properties ?? []
        #expect(properties.count == 1, "\(properties.map(\.name))", sourceLocation: sourceLocation)
        return properties.first
    }

    @Test(arguments: [
        ("let a: Int", true, true, false),
        ("var a: Int = 1", false, true, false),
        ("static let a = 1", true, true, true),
        ("class var a: Int { 1 }", false, false, true),
        ("var a: Int { get { 1 } set {} }", false, false, false),
        ("var a: Int { 1 }", false, false, false),
        ("lazy var a = make()", false, true, false),
        ("var a: Int = 0 { didSet { print(a) } }", false, true, false),
        ("var a: Int = 0 {\n    willSet {}\n}", false, true, false),
        ("weak var a: Delegate?", false, true, false),
        ("static var a: String { get async throws { \"\" } }", false, false, true),
    ])
    func kindOfPropertyIsRecognised(source: String, isLet: Bool, isStored: Bool, isStatic: Bool) {
        let property = Self.property(source)
        #expect(property?.name == "a")
        #expect(property?.isLet == isLet)
        #expect(property?.isStored == isStored)
        #expect(property?.isStatic == isStatic)
    }

    @Test(arguments: [
        ("let a: [String: Int]? = nil", "[String: Int]?"),
        ("var a: (Int) -> Void = { _ in }", "(Int) -> Void"),
        ("let a: any P & Q", "any P & Q"),
        ("var a: Int?", "Int?"),
        ("var a: Array<Set<Int>>", "Array<Set<Int>>"),
        ("let a = 1", nil),
    ])
    func typeAnnotationIsNormalised(source: String, type: String?) {
        #expect(Self.property(source)?.type == type)
    }

    @Test(arguments: [
        ("static let trigger = Trigger.event(OrderPlaced.self)", "Trigger.event(OrderPlaced.self)"),
        ("let a = 1 + 2", "1 + 2"),
        ("let a = f(x,y)  /* c */ + g", "f(x,y) + g"),
        ("let a = Foo { $0 + 1 }", "Foo { $0 + 1 }"),
        ("let a = [\n    1,\n    2,\n]", "[ 1, 2, ]"),
        ("let a = base\n    .map { $0 }\n    .filter(ok)", "base .map { $0 } .filter(ok)"),
        ("let a = x +\n    y", "x + y"),
        ("let a = cond\n    ? 1\n    : 2", "cond ? 1 : 2"),
        ("let a = \"s\"; let b = 2", "\"s\""),
        ("let a = #\"raw \\(x)\"#", "#\"raw \\(x)\"#"),
        ("let a = x as? Int", "x as? Int"),
    ])
    func initializerTextKeepsSingleSpaces(source: String, initializer: String) {
        let property = ScanFixtures.member(source)?.properties.first
        #expect(property?.hasInitializer == true)
        #expect(property?.initializer == initializer)
    }

    @Test func initializerStopsAtTheNextDeclaration() {
        let type = ScanFixtures.member("let a = 1\nvar b = f()\n@State var c = 3\nfunc d() {}\n// @inngest.function\nfunc e() {}")
        #expect(type?.properties.map(\.name) == ["a", "b", "c"])
        #expect(type?.properties.map(\.initializer) == ["1", "f()", "3"])
        #expect(type?.methods.map(\.name) == ["d", "e"])
        #expect(type?.methods.last?.markers.count == 1)
    }

    @Test(arguments: [
        ("static let id = \"process-order\"", "process-order"),
        ("static let id: String = \"x\"", "x"),
        ("static var id: String { \"computed\" }", "computed"),
        ("static var id: String { return \"returned\" }", "returned"),
        ("static var id: String { get { \"getter\" } }", "getter"),
        ("static var id: String {\n    \"multi-line body\"\n}", "multi-line body"),
    ])
    func stringLiteralValueIsDecoded(source: String, value: String) {
        #expect(Self.property(source)?.stringLiteralValue == value)
    }

    @Test(arguments: [
        ("static var id: String { \"a\" + \"b\" }", "\"a\" + \"b\""),
        ("static var id: String { prefix + \"x\" }", "prefix + \"x\""),
        ("static var n: Int { 42 }", "42"),
    ])
    func singleExpressionStaticBodyIsTheInitializer(source: String, initializer: String) {
        let property = Self.property(source)
        #expect(property?.initializer == initializer)
        #expect(property?.hasInitializer == false)
        #expect(property?.stringLiteralValue == nil)
    }

    @Test(arguments: [
        "static var id: String { let x = \"a\"\n return x }",
        "static var id: String { get { \"a\" } set {} }",
        "var id: String { \"instance\" }",
        "static var id: String { get }",
    ])
    func otherComputedBodiesHaveNoInitializer(source: String) {
        let property = Self.property(source)
        #expect(property?.initializer == nil)
        #expect(property?.stringLiteralValue == nil)
    }

    @Test func multipleBindingsGiveOneDeclarationEach() {
        let type = ScanFixtures.member("let a: Int, b: String = \"x\", c = 3")
        #expect(type?.properties.map(\.name) == ["a", "b", "c"])
        #expect(type?.properties.map(\.type) == ["Int", "String", nil])
        #expect(type?.properties.map(\.stringLiteralValue) == [nil, "x", nil])
    }

    @Test func bindingsWithoutTypeShareTheFollowingType() {
        let type = ScanFixtures.member("var a, b: Int")
        #expect(type?.properties.map(\.type) == ["Int", "Int"])
    }

    @Test(arguments: [
        ("@Injected var a: Service", ["@Injected"], [String]()),
        ("@Published private(set) var a = 0", ["@Published"], ["private(set)"]),
        ("nonisolated(unsafe) static var a = 0", [], ["nonisolated(unsafe)", "static"]),
        ("@Environment(\\.locale) var a", ["@Environment(\\.locale)"], []),
        ("public internal(set) lazy var a = 1", [], ["internal(set)", "lazy"]),
        ("unowned(unsafe) let a: Owner", [], ["unowned(unsafe)"]),
    ])
    func propertyWrappersAndModifiersAreKept(source: String, attributes: [String], modifiers: [String]) {
        let property = Self.property(source)
        #expect(property?.attributes == attributes)
        #expect(property?.modifiers == modifiers)
    }

    @Test func accessLevelIsSeparateFromSetterAccess() {
        let property = Self.property("public private(set) var a = 0")
        #expect(property?.accessLevel == "public")
        #expect(property?.modifiers == ["private(set)"])
    }

    @Test func tuplePatternDeclaresNothingButDoesNotDerail() {
        let type = ScanFixtures.member("let (x, y) = (1, 2)\nlet z = 3")
        #expect(type?.properties.map(\.name) == ["z"])
    }

    @Test func globalVariablesAreNotMembers() {
        let file = ScanFixtures.scan("let global = 1\nvar computed: Int { 2 }\nstruct A { let member = 3 }")
        #expect(file.types.first?.properties.map(\.name) == ["member"])
    }
}
