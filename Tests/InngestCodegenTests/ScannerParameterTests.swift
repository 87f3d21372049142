import InngestCodegen
import Testing

/// Parameters: labels, names, normalised types, defaults.
@Suite struct ScannerParameterTests: Sendable {
    /// Parses `func f(<parameter>) {}` and returns its only parameter.
    static func parameter(_ text: String) -> Parameter? {
        let method = ScanFixtures.member("func f(\(text)) {}")?.methods.first
        #expect(method?.parameters.count == 1)
        return method?.parameters.first
    }

    @Test(arguments: [
        ("_ event: OrderPlaced", nil, "event", "OrderPlaced", false),
        ("context: Context", "context", "context", "Context", false),
        ("for duration: Duration", "for", "duration", "Duration", false),
        ("x: Int = 3", "x", "x", "Int", true),
        ("values: Int...", "values", "values", "Int...", false),
        ("value: inout Int", "value", "value", "inout Int", false),
        ("handler: @escaping @Sendable (Int) async throws -> Void", "handler", "handler", "@escaping @Sendable (Int) async throws -> Void", false),
        ("map: [String: [Int]]", "map", "map", "[String: [Int]]", false),
        ("result: Result<A, B>", "result", "result", "Result<A, B>", false),
        ("pair: (a: Int, b: String)", "pair", "pair", "(a: Int, b: String)", false),
        ("view: some View", "view", "view", "some View", false),
        ("gateway: any PaymentGateway", "gateway", "gateway", "any PaymentGateway", false),
        ("check: @autoclosure () -> Bool", "check", "check", "@autoclosure () -> Bool", false),
        ("_: Int", nil, "_", "Int", false),
        ("`default` value: Int", "default", "value", "Int", false),
        ("in range: ClosedRange<Int> = 0...10", "in", "range", "ClosedRange<Int>", true),
        ("items: [Int] = [1, 2, 3]", "items", "items", "[Int]", true),
        ("done: @escaping () -> Void = { print(\"a, b\") }", "done", "done", "@escaping () -> Void", true),
        ("body: isolated (any Actor)?", "body", "body", "isolated (any Actor)?", false),
        ("callback: @convention(c) (Int32) -> Void", "callback", "callback", "@convention(c) (Int32) -> Void", false),
        ("x: borrowing Data", "x", "x", "borrowing Data", false),
        ("tuple: (Int, (String, Double))", "tuple", "tuple", "(Int, (String, Double))", false),
        ("opt: Int??", "opt", "opt", "Int??", false),
        ("dict: [String: Int]! = [:]", "dict", "dict", "[String: Int]!", true),
        ("meta: Any.Type", "meta", "meta", "Any.Type", false),
        ("pack: repeat each T", "pack", "pack", "repeat each T", false),
    ])
    func parameterIsParsed(text: String, label: String?, name: String, type: String, hasDefault: Bool) {
        let parameter = Self.parameter(text)
        #expect(parameter?.label == label)
        #expect(parameter?.name == name)
        #expect(parameter?.type == type)
        #expect(parameter?.hasDefault == hasDefault)
    }

    @Test(arguments: [
        ("m: [String:Int]?", "[String: Int]?"),
        ("f: ( Int )->Void", "(Int) -> Void"),
        ("c: any   P  &  Q", "any P & Q"),
        ("g: Dictionary< String , Array<Int> >", "Dictionary<String, Array<Int>>"),
        ("t: /* comment */ Int /* trailing */", "Int"),
        ("h: @Sendable\n    (Int)\n    -> Void", "@Sendable (Int) -> Void"),
        ("k: Foo . Bar", "Foo.Bar"),
    ])
    func parameterTypeIsNormalised(text: String, type: String) {
        #expect(Self.parameter(text)?.type == type)
    }

    @Test func defaultValueTextIsKept() {
        let parameter = Self.parameter("logger: AppLogger = .shared")
        #expect(parameter?.defaultValue == ".shared")
        #expect(Self.parameter("n: Int = max(1, 2) + 3")?.defaultValue == "max(1, 2) + 3")
    }

    @Test func attributesBeforeTheNameAreKept() {
        let parameter = Self.parameter("@ViewBuilder content: () -> Content")
        #expect(parameter?.attributes == ["@ViewBuilder"])
        #expect(parameter?.name == "content")
        #expect(parameter?.type == "() -> Content")
    }

    @Test func multiLineParameterListWithCommentsParses() {
        let method = ScanFixtures.member("""
        func handle(
            _ event: OrderPlaced, // the event
            /* the step tools */ step: Step,
            context: Context = .init(),
        ) async throws {}
        """)?.methods.first
        #expect(method?.parameters.map(\.name) == ["event", "step", "context"])
        #expect(method?.parameters.map(\.label) == [nil, "step", "context"])
        #expect(method?.parameters.map(\.type) == ["OrderPlaced", "Step", "Context"])
        #expect(method?.isAsync == true)
    }

    @Test func emptyParameterListHasNoParameters() {
        #expect(ScanFixtures.member("func f() {}")?.methods.first?.parameters.isEmpty == true)
        #expect(ScanFixtures.member("func f(  ) {}")?.methods.first?.parameters.isEmpty == true)
    }
}
