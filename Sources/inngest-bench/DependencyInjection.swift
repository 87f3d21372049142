import Foundation
import Inngest
import InngestDI

// The dependency-injection figures of issue 9: a singleton resolve, a transient graph
// `Service(Repository(Config), Logger)`, and booting a 200-provider, 20-module graph.

/// A provider type of the boot benchmark: `Node<Module tag, Index tag>` gives 200 distinct types.
final class Node<Layer, Index>: BenchNode {
    init() {}
}

/// What the boot benchmark's providers are: distinct types that can be built without arguments.
protocol BenchNode: Sendable { init() }

/// The phantom types that tell the boot benchmark's modules and providers apart.
protocol BenchTag: SendableMetatype {}

extension BenchTag {
    /// The module of this layer tag.
    static var layer: any Module.Type { Layer<Self>.self }
}

enum L0: BenchTag {}; enum L1: BenchTag {}; enum L2: BenchTag {}; enum L3: BenchTag {}; enum L4: BenchTag {}; enum L5: BenchTag {}; enum L6: BenchTag {}; enum L7: BenchTag {}; enum L8: BenchTag {}; enum L9: BenchTag {}
enum L10: BenchTag {}; enum L11: BenchTag {}; enum L12: BenchTag {}; enum L13: BenchTag {}; enum L14: BenchTag {}; enum L15: BenchTag {}; enum L16: BenchTag {}; enum L17: BenchTag {}; enum L18: BenchTag {}; enum L19: BenchTag {}
enum I0: BenchTag {}; enum I1: BenchTag {}; enum I2: BenchTag {}; enum I3: BenchTag {}; enum I4: BenchTag {}; enum I5: BenchTag {}; enum I6: BenchTag {}; enum I7: BenchTag {}; enum I8: BenchTag {}; enum I9: BenchTag {}

let layerTags: [any BenchTag.Type] = [L0.self, L1.self, L2.self, L3.self, L4.self, L5.self, L6.self, L7.self, L8.self, L9.self,
                                 L10.self, L11.self, L12.self, L13.self, L14.self, L15.self, L16.self, L17.self, L18.self, L19.self]
let indexTags: [any BenchTag.Type] = [I0.self, I1.self, I2.self, I3.self, I4.self, I5.self, I6.self, I7.self, I8.self, I9.self]

/// One of the 20 modules: layer n imports layer n − 1, provides ten nodes that each depend on the
/// one before (the first on the previous layer's last, which that layer exports), and exports its last.
struct Layer<Tag>: Module {
    static var moduleDescriptor: ModuleDescriptor { LayerGraph.descriptor(ObjectIdentifier(Tag.self)) }
}

enum LayerGraph {
    static func node<A: BenchTag, B: BenchTag>(_: A.Type, _: B.Type) -> any BenchNode.Type { Node<A, B>.self }

    static func provider<T: BenchNode, D: BenchNode>(_ type: T.Type, after dependency: D.Type) -> ProviderDescriptor {
        ProviderDescriptor(T.self, dependencies: [.init("previous", D.self)]) { resolver in
            _ = try await resolver.resolve(D.self)
            return T()
        }
    }

    static func root<T: BenchNode>(_ type: T.Type) -> ProviderDescriptor {
        ProviderDescriptor(T.self) { _ in T() }
    }

    static let descriptors: [ObjectIdentifier: ModuleDescriptor] = {
        var result: [ObjectIdentifier: ModuleDescriptor] = [:]
        var previous: (any BenchNode.Type)?
        for (index, tag) in layerTags.enumerated() {
            var providers: [ProviderDescriptor] = []
            var last: any BenchNode.Type = node(tag, indexTags[0])
            for slot in indexTags {
                let type = node(tag, slot)
                if let dependency = previous {
                    providers.append(provider(type, after: dependency))
                } else {
                    providers.append(root(type))
                }
                previous = type
                last = type
            }
            result[ObjectIdentifier(tag)] = ModuleDescriptor(
                "Layer\(index)", imports: index == 0 ? [] : [layerTags[index - 1].layer], providers: providers, exports: [last])
        }
        return result
    }()

    static func descriptor(_ tag: ObjectIdentifier) -> ModuleDescriptor {
        descriptors[tag] ?? ModuleDescriptor("missing")
    }

    /// The top layer, whose import chain reaches all 20.
    static var top: any Module.Type { layerTags[layerTags.count - 1].layer }
}

final class BenchConfig: Sendable { let url = "sqlite://bench" }
final class BenchLogger: Sendable { let label = "bench" }
final class BenchRepository: Sendable {
    let config: BenchConfig
    init(config: BenchConfig) { self.config = config }
}
final class BenchService: Sendable {
    let repository: BenchRepository
    let logger: BenchLogger
    init(repository: BenchRepository, logger: BenchLogger) {
        self.repository = repository
        self.logger = logger
    }
}

/// `Service(Repository(Config), Logger)` with transient Service and Repository, as generated wiring declares it
/// (a synchronous constructor beside the asynchronous factory).
struct TransientGraphModule: Module {
    static var moduleDescriptor: ModuleDescriptor {
        ModuleDescriptor("TransientGraphModule", providers: [
            .singleton(BenchConfig.self) { _ in BenchConfig() },
            .singleton(BenchLogger.self) { _ in BenchLogger() },
            ProviderDescriptor(BenchRepository.self, scope: .transient, dependencies: [.init("config", BenchConfig.self)],
                               construct: { BenchRepository(config: try $0.resolveNow(BenchConfig.self)) }) {
                BenchRepository(config: try await $0.resolve(BenchConfig.self))
            },
            ProviderDescriptor(BenchService.self, scope: .transient,
                               dependencies: [.init("repository", BenchRepository.self), .init("logger", BenchLogger.self)],
                               construct: {
                                   BenchService(repository: try $0.resolveNow(BenchRepository.self), logger: try $0.resolveNow(BenchLogger.self))
                               }) {
                BenchService(repository: try await $0.resolve(BenchRepository.self), logger: try await $0.resolve(BenchLogger.self))
            },
        ])
    }
}

nonisolated func dependencyInjectionScenario(repetitions: Int) async throws {
    print("\ndi — dependency injection (median of \(repetitions); floors: singleton ≤ 20 ns, transient graph ≤ 200 ns, boot ≤ 5 ms)")
    print("command: swift run -c release inngest-bench di")
    let singletons = try await Container.boot(ServiceModule.self)
    let transients = try await Container.boot(TransientGraphModule.self)
    let iterations = 2_000_000
    var get: [Double] = []
    var resolve: [Double] = []
    var graph: [Double] = []
    var graphNow: [Double] = []
    var boot: [Double] = []
    for _ in 0..<repetitions {
        var start = ContinuousClock.now
        for _ in 0..<iterations { _ = try singletons.get(Service.self) }
        get.append(seconds(ContinuousClock.now - start) * 1e9 / Double(iterations))
        start = ContinuousClock.now
        for _ in 0..<iterations { _ = try await singletons.resolve(Service.self) }
        resolve.append(seconds(ContinuousClock.now - start) * 1e9 / Double(iterations))
        start = ContinuousClock.now
        for _ in 0..<iterations / 10 { _ = try await transients.resolve(BenchService.self) }
        graph.append(seconds(ContinuousClock.now - start) * 1e9 / Double(iterations / 10))
        start = ContinuousClock.now
        for _ in 0..<iterations / 10 { _ = try transients.rootResolver.resolveNow(BenchService.self) }
        graphNow.append(seconds(ContinuousClock.now - start) * 1e9 / Double(iterations / 10))
        start = ContinuousClock.now
        let container = try await Container.boot(LayerGraph.top)
        boot.append(seconds(ContinuousClock.now - start) * 1000)
        await container.shutdown()
    }
    report("DI: Container.get(singleton)", String(format: "%.1f ns/op", median(get)))
    report("DI: await resolver.resolve(singleton)", String(format: "%.1f ns/op", median(resolve)))
    report("DI: Service(Repository(Config), Logger), both transient", String(format: "%.0f ns/op", median(graph)))
    report("DI: the same, resolveNow (synchronous)", String(format: "%.0f ns/op", median(graphNow)))
    report("DI: boot, 200 providers in 20 modules (validate + build)", String(format: "%.2f ms", median(boot)))
}
