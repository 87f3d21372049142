import InngestCodegen
import Testing

/// Shared fixtures for the lexer, scanner and marker tests: a realistic sample file, a
/// deterministic random generator and small helpers.
enum ScanFixtures: Sendable {
    /// Scans `source` as `Test.swift`.
    static func scan(_ source: String) -> ScannedFile {
        Scanner.scan(source, path: "Test.swift")
    }

    /// The type or extension called `name` (first match).
    static func type(_ name: String, in file: ScannedFile) -> TypeDecl? {
        file.types.first { $0.name == name }
    }

    /// Scans `source` and returns its only type; records an issue otherwise.
    static func onlyType(_ source: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> TypeDecl? {
        let file = scan(source)
        #expect(file.types.count == 1, "expected one type, got \(file.types.map(\.name))", sourceLocation: sourceLocation)
        return file.types.first
    }

    /// Scans `struct S { <member> }` and returns S.
    static func member(_ member: String) -> TypeDecl? {
        scan("struct S {\n\(member)\n}\n").types.first
    }

    /// The token kinds of `source`, without the end-of-file token.
    static func kinds(_ source: String) -> [Token.Kind] {
        Lexer.tokenize(source).tokens.dropLast().map(\.kind)
    }

    /// The token texts of `source`, without the end-of-file token.
    static func texts(_ source: String) -> [String] {
        let buffer = SourceBuffer(source, path: "Test.swift")
        return Lexer.tokenize(buffer).tokens.dropLast().map { $0.text(in: buffer) }
    }

    /// `text` with every LF line ending turned into CRLF.
    static func crlf(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
    }

    /// The error messages of a scan.
    static func errors(_ file: ScannedFile) -> [String] {
        file.diagnostics.filter { $0.severity == .error }.map(\.message)
    }

    /// SplitMix64: a tiny deterministic generator, so failures reproduce.
    struct PRNG: Sendable {
        var state: UInt64

        init(seed: UInt64) { state = seed }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func next(below bound: Int) -> Int {
            Int(next() % UInt64(max(bound, 1)))
        }
    }

    /// A realistic file of about 60 lines exercising most constructs.
    static let realisticSample = #"""
    import Foundation
    import Inngest

    /* Payments.
       /* nested */ still a comment */

    /// An order was placed.
    // @inngest.event("order/placed", version: 2)
    public struct OrderPlaced: Codable, Sendable {
        public var orderId: String
        public var total: Double = 0.0
        var tags: [String: [Int]]? = nil
    }

    // @inngest.injectable(scope: transient)
    final class PaymentService: @unchecked Sendable {
        let gateway: any PaymentGateway
        private(set) var retries = 3
        lazy var formatter = NumberFormatter()

        init(gateway: any PaymentGateway, logger: AppLogger = .shared) {
            self.gateway = gateway
            let pattern = /order-(\d+)/
            _ = pattern
        }

        func charge(_ amount: Double, for order: String) async throws -> String {
            let note = "charged \(amount) for \(order.uppercased()) {"
            let raw = #"struct Fake: InngestFunction { \(nope) }"#
            return note + raw
        }
    }

    // @inngest.module(
    //     imports: [DatabaseModule.self],
    //     providers: [PaymentService],
    // )
    struct PaymentsModule: Module {}

    struct ProcessOrder: InngestFunction {
        static let id = "process-order"
        static var name: String { "Process order" }
        let payments: PaymentService

        func handle(_ event: OrderPlaced, context: Context) async throws -> String {
            let summary = """
                Order \(event.orderId)
                total: \(event.total)
                """
            return summary
        }
    }

    #if os(Linux)
    extension ProcessOrder {
        // @inngest.function(id: "nightly", cron: "0 2 * * *", retries: 3)
        @Sendable static func nightly(context: Context) async throws {}
    }
    #endif
    """#
}

/// The fixtures themselves behave.
@Suite struct ScannerFixturesTests: Sendable {
    @Test func realisticSampleScansWithoutDiagnostics() {
        let file = ScanFixtures.scan(ScanFixtures.realisticSample)
        #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
        #expect(file.types.map(\.name) == ["OrderPlaced", "PaymentService", "PaymentsModule", "ProcessOrder", "ProcessOrder"])
        #expect(file.types.map(\.markers.count) == [1, 1, 1, 0, 0])
        #expect(file.types.last?.methods.first?.markers.first?.kind == "function")
    }

    @Test func generatorIsDeterministic() {
        var first = ScanFixtures.PRNG(seed: 42)
        var second = ScanFixtures.PRNG(seed: 42)
        #expect((0..<10).map { _ in first.next() } == (0..<10).map { _ in second.next() })
    }
}
