import InngestCodegen
import Testing

/// Type declarations and extensions: kinds, names, nesting, generics, inheritance,
/// modifiers, what is ignored.
@Suite struct ScannerTypeTests: Sendable {
    @Test(arguments: [
        ("struct A {}", TypeDecl.Kind.struct),
        ("class A {}", .class),
        ("enum A {}", .enum),
        ("actor A {}", .actor),
        ("protocol A {}", .protocol),
        ("extension A {}", .extension),
        ("distributed actor A {}", .actor),
    ])
    func everyTypeKeywordDeclaresAType(source: String, kind: TypeDecl.Kind) {
        let type = ScanFixtures.onlyType(source)
        #expect(type?.kind == kind)
        #expect(type?.name == "A")
    }

    @Test(arguments: [
        ("public final class A {}", "public", ["final"], [String]()),
        ("@MainActor struct A {}", nil, [], ["@MainActor"]),
        ("indirect enum A {}", nil, ["indirect"], []),
        ("open class A {}", "open", [], []),
        ("package struct A {}", "package", [], []),
        ("fileprivate struct A {}", "fileprivate", [], []),
        ("@available(macOS 15, *) @frozen public struct A {}", "public", [], ["@available(macOS 15, *)", "@frozen"]),
        ("@objc(Foo) final public class A {}", "public", ["final"], ["@objc(Foo)"]),
    ])
    func modifiersAndAttributesBelongToTheType(source: String, access: String?, modifiers: [String], attributes: [String]) {
        let type = ScanFixtures.onlyType(source)
        #expect(type?.accessLevel == access)
        #expect(type?.modifiers == modifiers)
        #expect(type?.attributes == attributes)
    }

    @Test(arguments: [
        ("struct A: Codable, Sendable {}", ["Codable", "Sendable"]),
        ("final class A: @unchecked Sendable {}", ["@unchecked Sendable"]),
        ("struct A: Foo<Bar>, Baz<[Int], (String) -> Void> {}", ["Foo<Bar>", "Baz<[Int], (String) -> Void>"]),
        ("struct A: ~Copyable {}", ["~Copyable"]),
        ("protocol A: B & C, AnyObject {}", ["B & C", "AnyObject"]),
        ("enum A: String, CaseIterable {}", ["String", "CaseIterable"]),
        ("struct A: Outer.Inner /* why */ , P {}", ["Outer.Inner", "P"]),
        ("struct A:\n    B,\n    C\n{}", ["B", "C"]),
        ("struct A: B where B: C {}", ["B"]),
        ("struct A<T>: Foo<Set<T>> {}", ["Foo<Set<T>>"]),
    ])
    func inheritanceListIsNormalised(source: String, inheritance: [String]) {
        #expect(ScanFixtures.onlyType(source)?.inheritance == inheritance)
    }

    @Test(arguments: [
        ("struct Box<T> {}", "T"),
        ("struct Box<T: Sendable, U> {}", "T: Sendable, U"),
        ("struct Box<T: P<Int>> {}", "T: P<Int>"),
        ("struct Box<each T> {}", "each T"),
        ("protocol Store<Element> {}", "Element"),
    ])
    func genericParametersAreKept(source: String, generics: String) {
        let type = ScanFixtures.onlyType(source)
        #expect(type?.genericParameters == generics)
        #expect(type?.name == (source.contains("Store") ? "Store" : "Box"))
    }

    @Test func nestedTypesAreQualifiedAndInSourceOrder() {
        let file = ScanFixtures.scan("""
        struct A {
            struct B {
                enum C { case x }
                class D {}
            }
            struct E {}
        }
        struct F {}
        """)
        #expect(file.types.map(\.name) == ["A", "A.B", "A.B.C", "A.B.D", "A.E", "F"])
        #expect(file.types.map(\.parentName) == [nil, "A", "A.B", "A.B", "A", nil])
        #expect(file.types[2].simpleName == "C")
    }

    @Test(arguments: [
        ("extension Foo: InngestFunction {}", "Foo", ["InngestFunction"]),
        ("extension Foo.Bar {}", "Foo.Bar", []),
        ("extension Array: P where Element: Q {}", "Array", ["P"]),
        ("extension [Int] {}", "[Int]", []),
        ("extension Optional<String>: Q {}", "Optional<String>", ["Q"]),
    ])
    func extensionNamesTheExtendedType(source: String, name: String, inheritance: [String]) {
        let type = ScanFixtures.onlyType(source)
        #expect(type?.kind == .extension)
        #expect(type?.name == name)
        #expect(type?.inheritance == inheritance)
    }

    @Test func typesNestedInAnExtensionAreQualifiedByIt() {
        let file = ScanFixtures.scan("extension Foo.Bar {\n    struct Inner {}\n}")
        #expect(file.types.map(\.name) == ["Foo.Bar", "Foo.Bar.Inner"])
    }

    @Test(arguments: [
        "func f() { struct Local {} }",
        "struct A { func f() { struct Local {} } }",
        "struct A { var x: Int { struct Local {}; return 1 } }",
        "struct A { let x = { struct Local {}; return 1 }() }",
        "let c = { () -> Int in struct Local {}; return 1 }",
        "if true { struct Local {} }",
        "struct A { init() { class Local {} } }",
        "struct A { subscript(i: Int) -> Int { struct Local {}; return i } }",
        "struct A { var x: Int = 0 { didSet { struct Local {} } } }",
    ])
    func typesInsideBodiesAndClosuresAreIgnored(source: String) {
        let file = ScanFixtures.scan(source)
        #expect(!file.types.contains { $0.name.hasSuffix("Local") })
        #expect(file.diagnostics.isEmpty)
    }

    @Test(arguments: [
        "class A { class func f() {} class var x: Int { 1 } final class G {} }",
    ])
    func classModifierIsNotATypeKeyword(source: String) {
        let file = ScanFixtures.scan(source)
        #expect(file.types.map(\.name) == ["A", "A.G"])
        #expect(file.types.first?.methods.first?.isStatic == true)
        #expect(file.types.first?.properties.first?.isStatic == true)
    }

    @Test func enumCasesAreListed() {
        let type = ScanFixtures.onlyType("""
        indirect enum E: Int {
            case a, b(Int, label: String) , c = 3
            indirect case d(E)
            case `default`
            static func f() { switch x { case .a: break; default: break } }
        }
        """)
        #expect(type?.enumCases == ["a", "b", "c", "d", "default"])
        #expect(type?.methods.map(\.name) == ["f"])
    }

    @Test func protocolRequirementsAreMembers() {
        let type = ScanFixtures.onlyType("""
        protocol Service: Sendable {
            associatedtype Output
            var name: String { get }
            var value: Int { get set }
            static var id: String { get }
            init(name: String)
            func run(_ input: Int) async throws -> Output
            mutating func reset()
        }
        """)
        #expect(type?.properties.map(\.name) == ["name", "value", "id"])
        #expect(type?.properties.allSatisfy { !$0.isStored } == true)
        #expect(type?.initializers.count == 1)
        #expect(type?.methods.map(\.name) == ["run", "reset"])
        #expect(type?.methods.first?.returnType == "Output")
        #expect(type?.methods.map(\.hasBody) == [false, false])
    }

    @Test func topLevelCodeDoesNotHideTypes() {
        let file = ScanFixtures.scan("""
        import Foundation
        let app = App()
        app.register(ProcessOrder.self)
        for x in [1, 2] { print(x) }
        try await app.run { struct Hidden {} }
        struct Visible {}
        """)
        #expect(file.types.map(\.name) == ["Visible"])
    }

    @Test(arguments: ["import struct Foundation.Date", "import class Foo.Bar\n", "@testable import enum X.Y"])
    func scopedImportDeclaresNothing(source: String) {
        let file = ScanFixtures.scan(source + "\nstruct A {}")
        #expect(file.types.map(\.name) == ["A"])
    }

    @Test(arguments: ["let actor = 1\nstruct A {}", "actor.run()\nstruct A {}"])
    func actorIsAKeywordOnlyBeforeAName(source: String) {
        #expect(ScanFixtures.scan(source).types.map(\.name) == ["A"])
    }

    @Test func unclosedTypeBodyIsReportedAtTheType() {
        let file = ScanFixtures.scan("struct Outer {\n    struct Inner {\n        var x = 1\n")
        #expect(file.types.map(\.name) == ["Outer", "Outer.Inner"])
        #expect(file.types.last?.properties.map(\.name) == ["x"])
        #expect(file.diagnostics.map(\.description) == ["Test.swift:1:8: error: expected '}' to close the body of struct Outer before the end of the file"])
    }

    @Test(arguments: ["struct", "struct {", "struct A", "extension", "enum 3 {}", "class A: {"])
    func incompleteTypeDeclarationIsSkipped(source: String) {
        let file = ScanFixtures.scan(source)
        #expect(file.types.count <= 1)
    }
}

/// The `where` clause of a declaration is kept: an extension with one extends a generic type.
@Suite struct ScannerWhereClauseTests: Sendable {
    @Test(arguments: [
        ("extension Array: Event where Element: Event {}", "Element: Event" as String?),
        ("struct Box<T>: P where T: Sendable, T: Codable {}", "T: Sendable, T: Codable"),
        ("extension A {}", nil),
    ])
    func whereClauseIsRecorded(source: String, clause: String?) {
        #expect(ScanFixtures.onlyType(source)?.whereClause == clause)
    }
}
