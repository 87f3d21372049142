import InngestCodegen
import Testing

/// The worked example from the design brief, checked field by field.
@Suite struct ScannerExampleTests: Sendable {
    static let source = """
    import Inngest

    /// Order placed.
    // @inngest.event("order/placed")
    struct OrderPlaced: Codable, Sendable { var orderId: String; var total: Double }

    // @inngest.injectable(scope: transient)
    final class PaymentService: Sendable {
        let gateway: PaymentGateway
        init(gateway: PaymentGateway, logger: AppLogger) { self.gateway = gateway }
        func charge() async throws -> String { let s = "struct Nope: InngestFunction {"; return s }
    }

    // @inngest.module(imports: [DatabaseModule], providers: [PaymentService], exports: [PaymentService])
    struct PaymentsModule: Module {}

    struct ProcessOrder: InngestFunction {
        static let id = "process-order"
        static let trigger = Trigger.event(OrderPlaced.self)
        let payments: PaymentService
        func handle(_ event: OrderPlaced, context: Context) async throws -> String { "ok" }
    }

    #if os(Linux)
    final class Maintenance {
        init(files: FileService) {}
        // @inngest.function(id: "daily-cleanup", cron: "TZ=Europe/Paris 0 2 * * *")
        @Sendable func dailyCleanup(context: Context) async throws {}
    }
    #endif
    extension Maintenance: Injectable {}
    """

    static let file = Scanner.scan(source, path: "Example.swift")

    @Test func declaresSixTypesWithoutDiagnostics() {
        #expect(Self.file.diagnostics.isEmpty)
        #expect(Self.file.types.map(\.name) == ["OrderPlaced", "PaymentService", "PaymentsModule", "ProcessOrder", "Maintenance", "Maintenance"])
        #expect(Self.file.types.map(\.kind) == [.struct, .class, .struct, .struct, .class, .extension])
    }

    @Test func eventCarriesItsMarker() {
        let type = Self.file.types[0]
        #expect(type.inheritance == ["Codable", "Sendable"])
        #expect(type.markers.count == 1)
        #expect(type.markers.first?.kind == "event")
        #expect(type.markers.first?.arguments.map(\.value) == [.string("order/placed")])
        #expect(type.markers.first?.arguments.first?.label == nil)
        #expect(type.markers.first?.location.description == "Example.swift:4:4")
        #expect(type.properties.map(\.name) == ["orderId", "total"])
    }

    @Test func injectableServiceHasItsInitialiser() {
        let type = Self.file.types[1]
        #expect(type.modifiers == ["final"])
        #expect(type.markers.first?.kind == "injectable")
        #expect(type.markers.first?.arguments.first?.label == "scope")
        #expect(type.markers.first?.arguments.first?.value == .identifier("transient"))
        #expect(type.initializers.count == 1)
        #expect(type.initializers.first?.parameters == [
            Parameter(label: "gateway", name: "gateway", type: "PaymentGateway", location: SourceLocation(file: "Example.swift", line: 10, column: 10)),
            Parameter(label: "logger", name: "logger", type: "AppLogger", location: SourceLocation(file: "Example.swift", line: 10, column: 35)),
        ])
        #expect(type.properties.map(\.name) == ["gateway"])
        #expect(type.properties.first?.isLet == true)
        #expect(type.properties.first?.isStored == true)
        #expect(type.methods.map(\.name) == ["charge"])
    }

    @Test func moduleMarkerHasArraysOfIdentifiers() {
        let marker = Self.file.types[2].markers.first
        #expect(marker?.kind == "module")
        #expect(marker?.arguments.map(\.label) == ["imports", "providers", "exports"])
        #expect(marker?.arguments.map(\.value) == [
            .array([.identifier("DatabaseModule")]),
            .array([.identifier("PaymentService")]),
            .array([.identifier("PaymentService")]),
        ])
        #expect(Self.file.types[2].inheritance == ["Module"])
    }

    @Test func functionTypeHasItsStaticsAndHandler() {
        let type = Self.file.types[3]
        #expect(type.inheritance == ["InngestFunction"])
        let id = type.properties.first { $0.name == "id" }
        #expect(id?.isStatic == true)
        #expect(id?.stringLiteralValue == "process-order")
        let trigger = type.properties.first { $0.name == "trigger" }
        #expect(trigger?.initializer == "Trigger.event(OrderPlaced.self)")
        let payments = type.properties.first { $0.name == "payments" }
        #expect(payments?.isLet == true && payments?.isStored == true && payments?.type == "PaymentService")
        let handle = type.methods.first
        #expect(handle?.name == "handle")
        #expect(handle?.parameters == [
            Parameter(label: nil, name: "event", type: "OrderPlaced", location: SourceLocation(file: "Example.swift", line: 21, column: 17)),
            Parameter(label: "context", name: "context", type: "Context", location: SourceLocation(file: "Example.swift", line: 21, column: 39)),
        ])
        #expect(handle?.isAsync == true)
        #expect(handle?.isThrows == true)
        #expect(handle?.returnType == "String")
    }

    @Test func conditionalClassCarriesItsConditionAndMarkedMethod() {
        let type = Self.file.types[4]
        #expect(type.conditions == ["os(Linux)"])
        #expect(type.initializers.first?.parameters.map(\.type) == ["FileService"])
        let method = type.methods.first
        #expect(method?.name == "dailyCleanup")
        #expect(method?.attributes == ["@Sendable"])
        #expect(method?.conditions == ["os(Linux)"])
        #expect(method?.markers.first?.kind == "function")
        #expect(method?.markers.first?.arguments.map(\.value) == [.string("daily-cleanup"), .string("TZ=Europe/Paris 0 2 * * *")])
        #expect(method?.markers.first?.location.description == "Example.swift:27:8")
    }

    @Test func extensionIsOutsideTheCondition() {
        let type = Self.file.types[5]
        #expect(type.kind == .extension)
        #expect(type.inheritance == ["Injectable"])
        #expect(type.conditions.isEmpty)
    }
}
