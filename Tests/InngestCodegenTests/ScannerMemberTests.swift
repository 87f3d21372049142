import InngestCodegen
import Testing

/// Methods and initialisers declared in type bodies.
@Suite struct ScannerMemberTests: Sendable {
    @Test(arguments: [
        ("init() {}", false, false, false, [String]()),
        ("init?(raw: Int) {}", true, false, false, []),
        ("init!(raw: Int) {}", true, false, false, []),
        ("convenience init(x: Int) {}", false, false, false, ["convenience"]),
        ("required init(from decoder: any Decoder) throws {}", false, false, true, ["required"]),
        ("init() async throws {}", false, true, true, []),
        ("public nonisolated init<T: Sendable>(value: T) {}", false, false, false, ["nonisolated"]),
    ])
    func initialiserVariantsAreRecognised(source: String, failable: Bool, async: Bool, throwing: Bool, modifiers: [String]) {
        let initializer = ScanFixtures.member(source)?.initializers.first
        #expect(initializer?.name == "init")
        #expect(initializer?.isFailable == failable)
        #expect(initializer?.isAsync == async)
        #expect(initializer?.isThrows == throwing)
        #expect(initializer?.modifiers == modifiers)
    }

    @Test(arguments: [
        ("func f() {}", "f", false, false, false, nil as String?),
        ("static func make() -> Self { .init() }", "make", true, false, false, "Self"),
        ("class func make() -> Int { 1 }", "make", true, false, false, "Int"),
        ("func load() async throws -> [String: Int]? { nil }", "load", false, true, true, "[String: Int]?"),
        ("func map<T>(_ f: (Int) throws -> T) rethrows -> [T] { [] }", "map", false, false, true, "[T]"),
        ("func parse() throws(ParseError) -> Int { 0 }", "parse", false, false, true, "Int"),
        ("func run() async throws(E) {}", "run", false, true, true, nil),
        ("mutating func reset() {}", "reset", false, false, false, nil),
        ("static func == (lhs: S, rhs: S) -> Bool { true }", "==", true, false, false, "Bool"),
        ("func `default`() {}", "default", false, false, false, nil),
        ("func view() -> some View { Text(\"\") }", "view", false, false, false, "some View"),
        ("func pair() -> (a: Int, b: String) { (1, \"\") }", "pair", false, false, false, "(a: Int, b: String)"),
        ("func f()\n    -> Int\n{\n    1\n}", "f", false, false, false, "Int"),
        ("func g<T>(x: T) -> T where T: Equatable,\n    T: Sendable { x }", "g", false, false, false, "T"),
        ("func h() -> Result<Int, any Error> { .success(1) }", "h", false, false, false, "Result<Int, any Error>"),
    ])
    func methodSignatureIsParsed(source: String, name: String, isStatic: Bool, async: Bool, throwing: Bool, returnType: String?) {
        let type = ScanFixtures.member(source)
        #expect(type?.methods.count == 1)
        let method = type?.methods.first
        #expect(method?.name == name)
        #expect(method?.isStatic == isStatic)
        #expect(method?.isAsync == async)
        #expect(method?.isThrows == throwing)
        #expect(method?.returnType == returnType)
    }

    @Test func typedThrowsRecordsTheErrorType() {
        let method = ScanFixtures.member("func parse() throws(ParseError) -> Int { 0 }")?.methods.first
        #expect(method?.thrownType == "ParseError")
        #expect(method?.isRethrows == false)
        #expect(ScanFixtures.member("func m(_ f: () throws -> Void) rethrows {}")?.methods.first?.isRethrows == true)
    }

    @Test func genericParametersOfMethodsAreKept() {
        let type = ScanFixtures.member("func f<T: Codable, U>(a: T, b: U) {}\nfunc g<T: P<Int>>() {}")
        #expect(type?.methods.map(\.genericParameters) == ["T: Codable, U", "T: P<Int>"])
    }

    @Test(arguments: [
        ("@MainActor func f() {}", ["@MainActor"]),
        ("@available(macOS 15, *)\n@discardableResult\nfunc f() -> Int { 1 }", ["@available(macOS 15, *)", "@discardableResult"]),
        ("@Sendable @inlinable public func f() {}", ["@Sendable", "@inlinable"]),
        ("@_spi(Private) func f() {}", ["@_spi(Private)"]),
    ])
    func attributesBelongToTheMethod(source: String, attributes: [String]) {
        #expect(ScanFixtures.member(source)?.methods.first?.attributes == attributes)
    }

    @Test(arguments: [
        ("public func f() {}", "public", [String]()),
        ("private static func f() {}", "private", ["static"]),
        ("open override func f() {}", "open", ["override"]),
        ("nonisolated public func f() {}", "public", ["nonisolated"]),
        ("func f() {}", nil, []),
    ])
    func accessLevelAndModifiersAreSeparated(source: String, access: String?, modifiers: [String]) {
        let method = ScanFixtures.member(source)?.methods.first
        #expect(method?.accessLevel == access)
        #expect(method?.modifiers == modifiers)
    }

    @Test(arguments: [
        ("public _const func f() {}", "public", ["_const"]),
        ("@Sendable public futureModifier static func f() {}", "public", ["futureModifier", "static"]),
        ("public\nfinal\nfunc f() {}", "public", ["final"]),
    ])
    func unknownModifiersAreKeptAndDoNotDropThePrefix(source: String, access: String?, modifiers: [String]) {
        let method = ScanFixtures.member(source)?.methods.first
        #expect(method?.accessLevel == access)
        #expect(method?.modifiers == modifiers)
    }

    @Test func membersInsideMethodBodiesAreNotMembers() {
        let type = ScanFixtures.member("""
        func outer() {
            func inner() {}
            let local = 1
            var other: Int { 2 }
        }
        init() { let y = 2; func z() {} }
        """)
        #expect(type?.methods.map(\.name) == ["outer"])
        #expect(type?.properties.isEmpty == true)
        #expect(type?.initializers.count == 1)
    }

    @Test func otherDeclarationsAreSkippedAndMembersAfterThemStillParse() {
        let type = ScanFixtures.member("""
        typealias ID = String
        subscript(index: Int) -> Int { index }
        subscript(key: String) -> Int {
            get { 0 }
            set {}
        }
        deinit { print("bye") }
        associatedtype Ignored
        func after() {}
        let stored = 1
        """)
        #expect(type?.methods.map(\.name) == ["after"])
        #expect(type?.properties.map(\.name) == ["stored"])
    }

    @Test func memberLocationIsItsName() {
        let type = ScanFixtures.scan("struct S {\n    init() {}\n    static func run() {}\n    let value = 1\n}").types.first
        #expect(type?.initializers.first?.location.description == "Test.swift:2:5")
        #expect(type?.methods.first?.location.description == "Test.swift:3:17")
        #expect(type?.properties.first?.location.description == "Test.swift:4:9")
    }

    @Test func membersAreCollectedPerType() {
        let file = ScanFixtures.scan("struct A { func a() {} \n struct B { func b() {} } \n func c() {} }")
        #expect(file.types.map { $0.methods.map(\.name) } == [["a", "c"], ["b"]])
    }

    @Test func globalFunctionsAreNotMembers() {
        let file = ScanFixtures.scan("func helper() -> Int { 1 }\nstruct A {}\nfunc other() {}")
        #expect(file.types.map(\.name) == ["A"])
        #expect(file.types.first?.methods.isEmpty == true)
    }
}
