/// A NestJS-style module: a named group of providers, the modules it imports, and what it exports.
///
/// Generated code (or hand-written code) supplies the descriptor:
///
/// ```swift
/// enum PaymentsModule: Module {
///     static var moduleDescriptor: ModuleDescriptor {
///         ModuleDescriptor("PaymentsModule", imports: [DatabaseModule.self],
///                          providers: [...], exports: [PaymentService.self])
///     }
/// }
/// ```
///
/// The container reads `moduleDescriptor` once per boot. Module metatypes cross tasks, so the
/// protocol refines `SendableMetatype`.
public protocol Module: SendableMetatype {
    /// The module's name, imports, providers and exports.
    static var moduleDescriptor: ModuleDescriptor { get }
}
