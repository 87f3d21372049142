import Foundation
import InngestCodegen
import Synchronization
import Testing

/// The scanner leaves the members of plain type bodies to be parsed on first read. These tests
/// show that this never changes what a scan gives: every file scanned both ways compares equal
/// (which reads, and so parses, every deferred member).
@Suite struct DeferredMembersTests {
    /// Bodies of every member form the scanner reads, none of which needs parsing at once.
    static let plainBodies = [
        "struct A { let a: Int; var b = \"x\", c: [String: Int] = [:] }",
        "struct A<T: Sendable>: Sendable where T: Hashable {\n    var a, b: Int\n    static let id = \"literal\"\n    static var name: String { \"computed\" }\n}",
        "final class B: Base, @unchecked Sendable {\n    @Injected var log: Log\n    private(set) var count = 0 { didSet { print(count) } }\n"
            + "    init(log: Log, _ count: Int = 1) async throws { self.log = log }\n    convenience init?() { nil }\n"
            + "    nonisolated(unsafe) static var shared: B?\n    deinit {}\n}",
        "enum C: String, Codable {\n    case a, b = \"bee\"\n    case c(Int, label: String)\n    indirect case d(C)\n"
            + "    func f<T>(_ x: T) rethrows -> [T] where T: Equatable { [x] }\n    subscript(i: Int) -> Int { i }\n}",
        "extension D: Equatable {\n    public static func == (l: D, r: D) -> Bool { true }\n    mutating func g() throws(MyError) -> some View { fatalError() }\n}",
        "protocol P {\n    associatedtype Item\n    var items: [Item] { get set }\n    func h(_ item: consuming Item) async\n    init(items: [Item])\n}",
        "actor E {\n    var cache: [String: Data] = [:]\n    lazy var text = { \"a\" + \"b\" }()\n    func i() -> (Int, String)? { nil }\n}",
        "struct F { let closure: (Int) -> Void = { value in if value > 0 { print(value) } }\n    var g: Int { get { 1 } set {} } }",
        "struct G { var text = \"\"\"\n    multi { line\n    \"\"\"\n    let regex = #/a{2}/#\n    @available(*, deprecated) func old() {} }",
        "extension Array where Element == Int { static let zero = 0 }",
        "struct H { let a = 1 let b = 2 }",
        "struct I { func x() { switch 1 { case 1: break default: break } } }",
        "struct J { var a: Int\n    = 4\n    var b: String\n        ? = nil }",
        "struct K { static let options = FunctionOptions(retries: 3, timeouts: Timeouts(start: .seconds(5))) }",
        // A body is lexed again from its `{`: the brace tight against the name or on a line of its
        // own, a regex or a string right after it, the body's `}` at the very end of the file.
        "struct L{var a: Int\n func f(){}}",
        "struct M\n{\n    let r = /a+b/\n    let s = \"}\"\n}",
        "struct N {/* { */ let a = #\"}\"# }",
        "struct O { let a = 1 }\nstruct P { let b = [1, 2].map { $0 * 2 } }\n// trailing comment",
    ]

    /// Bodies that must be parsed at once: each holds what a deferred parse could not reproduce.
    static let bodiesParsedAtOnce = [
        "struct A {\n    // @inngest.provider\n    static let x = 1\n}",
        "struct A {\n#if DEBUG\n    let x = 1\n#endif\n}",
        "struct A { struct Nested { let x = 1 } }",
        "struct A { enum Nested {} }",
        "struct A { typealias Alias = Int }",
        "struct A { func f(step: Step) async throws { try await step.run(\"id\") { 1 } } }",
        "struct A { func f(app: App) async throws { try await app.send(Event()) } }",
        "struct A { class func f() {} }",
        "struct A { let x = 1",
    ]

    @Test func plainBodiesAreDeferred() {
        for source in Self.plainBodies {
            let file = Scanner.scan(source, path: "Test.swift")
            #expect(file.types.first?.hasDeferredMembers == true, "\(source)")
        }
    }

    @Test func bodiesThatAddToTheFileOrMayWarnAreParsedAtOnce() {
        for source in Self.bodiesParsedAtOnce {
            let file = Scanner.scan(source, path: "Test.swift")
            #expect(file.types.first?.hasDeferredMembers == false, "\(source)")
        }
    }

    @Test func deferringChangesNothingInTheSnippets() {
        var deferred = 0
        for source in Self.plainBodies + Self.bodiesParsedAtOnce {
            deferred += expectSameScan(source, path: "Test.swift")
            // Under an #if, nested in another type, and after a marked type in the same file.
            deferred += expectSameScan("#if os(Linux)\n\(source)\n#else\nlet x = 1\n#endif\n", path: "Test.swift")
            deferred += expectSameScan("struct Outer {\n    // @inngest.provider\n    static let p = 1\n\(source)\n}\n", path: "Test.swift")
            deferred += expectSameScan("// @inngest.event(\"a/b\")\nstruct Marked: Codable {}\n\(source)\n", path: "Test.swift")
        }
        #expect(deferred >= Self.plainBodies.count * 3)
    }

    /// Every Swift file of this package (sources, tests, fixtures): real code of every kind.
    @Test func deferringChangesNothingInThisPackage() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardizedFileURL
        var files = 0, deferred = 0
        for directory in ["Sources", "Tests"] {
            let enumerator = FileManager.default.enumerator(at: root.appendingPathComponent(directory), includingPropertiesForKeys: nil)
            while let url = enumerator?.nextObject() as? URL {
                guard url.pathExtension == "swift", let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
                files += 1
                deferred += expectSameScan(text, path: url.path)
            }
        }
        #expect(files > 200)
        #expect(deferred > 100)
    }

    @Test func membersReadFromManyThreadsAtOnceAgree() {
        let file = Scanner.scan(Self.plainBodies[2], path: "Test.swift")
        guard let type = file.types.first, type.hasDeferredMembers else {
            Issue.record("the body was not deferred")
            return
        }
        let expected = Scanner.scan(Self.plainBodies[2], path: "Test.swift", defersMembers: false).types[0]
        let results = Mutex<[Bool]>([])
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            let same = type.initializers == expected.initializers && type.properties == expected.properties && type.methods == expected.methods
            results.withLock { $0.append(same) }
        }
        #expect(results.withLock { $0 } == Array(repeating: true, count: 16))
    }

    @Test func changingADeferredMemberListKeepsTheOthers() {
        var type = Scanner.scan(Self.plainBodies[2], path: "Test.swift").types[0]
        let expected = Scanner.scan(Self.plainBodies[2], path: "Test.swift", defersMembers: false).types[0]
        type.methods.removeAll()
        #expect(!type.hasDeferredMembers)
        #expect(type.methods.isEmpty)
        #expect(type.initializers == expected.initializers)
        #expect(type.properties == expected.properties)
        #expect(type.enumCases == expected.enumCases)
    }

    /// The point of deferring: a generation reads the members of the types that the model needs
    /// (marked ones, those adopting a framework protocol, the structs a `match:` names) and of no
    /// other. Ordinary code of every shape, beside one of each kind of declaration.
    @Test func generatingLeavesTheMembersOfOrdinaryTypesUnread() throws {
        let app = """
            import Inngest
            // @inngest.module(providers: [Mailer])
            struct AppModule {}
            // @inngest.event("shop/order.placed")
            struct OrderPlaced: Codable, Sendable { var orderId: String }
            struct Cancelled: Event { static let name = "shop/order.cancelled"; var orderId: String }
            // @inngest.injectable
            final class Mailer: Sendable { init() {} }
            // @inngest.function(id: "ship", event: "shop/order.placed", cancelOn: (event: Cancelled, match: "orderId"))
            struct Ship { let mailer: Mailer
                func handle(_ event: OrderPlaced, context: Context) async throws {} }
            """
        let ordinary = """
            import Foundation
            struct Address: Codable, Hashable { var street: String; var city: String
                init(street: String, city: String) { self.street = street; self.city = city }
                func formatted() -> String { street + ", " + city } }
            final class Cache: @unchecked Sendable { private var values: [String: Int] = [:]
                init() {}
                func value(for key: String) -> Int? { values[key] } }
            enum Status: String, Codable, CaseIterable { case open, closed
                var isOpen: Bool { self == .open } }
            extension Address: CustomStringConvertible { var description: String { formatted() } }
            actor Counter { var count = 0; func increment() { count += 1 } }
            class Base { init() {}; func describe() -> String { "base" } }
            final class Derived: Base { override init() { super.init() } }
            protocol Shape { var area: Double { get } }
            struct Square: Shape { var side: Double; var area: Double { side * side } }
            """
        let files = [Scanner.scan(app, path: "App.swift"), Scanner.scan(ordinary, path: "Ordinary.swift")]
        let (model, diagnostics) = ModelBuilder.build(files)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        _ = Checker.check(model) + Checker.checkUsage(model, options: GeneratorOptions())
        _ = try Renderer.render(model)
        let ordinaryTypes = files[1].types
        #expect(ordinaryTypes.count == 9)
        #expect(ordinaryTypes.filter(\.hasDeferredMembers).count == ordinaryTypes.count)
        let read = ordinaryTypes.filter { !$0.hasUnreadMembers }.map(\.name)
        #expect(read.isEmpty, "the generation read the members of \(read)")
        // The match: of the cancelOn reads the stored properties of Cancelled.
        #expect(files[0].types.first { $0.name == "Cancelled" }?.hasUnreadMembers == false)
    }

    /// Scans `source` both ways, expects equal results, and returns how many types were deferred.
    private func expectSameScan(_ source: String, path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Int {
        let lazy = Scanner.scan(source, path: path, defersMembers: true)
        let eager = Scanner.scan(source, path: path, defersMembers: false)
        let count = lazy.types.filter(\.hasDeferredMembers).count
        #expect(!eager.types.contains { $0.hasDeferredMembers }, sourceLocation: sourceLocation)
        let same = lazy == eager  // not inside #expect: it would print both files' bytes
        #expect(same, "scanning \(path) with deferred members gives another result", sourceLocation: sourceLocation)
        return count
    }
}
