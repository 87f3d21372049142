/// Adopted by every module of a target through generated code: hands the target's functions to
/// `InngestApp.boot`, which collects them from every module reachable from the root.
public protocol RegisteredFunctions: Module {
    /// The functions the build plugin found in the module's target.
    static var registeredFunctions: [FunctionDefinition] { get }
    /// The target's injectables that no module lists: provided in the root module.
    static var registeredProviders: [ProviderDescriptor] { get }
}

extension FunctionDefinition {
    /// A definition that always uses the given handler instance: for tests that construct a handler
    /// with fakes instead of resolving it from modules.
    /// - Parameter handler: the handler.
    public init<F: InngestFunction & Sendable>(handler: F) where F.Output: Encodable {
        self.init(F.self, consumer: "\(F.self) (test instance)") { _ in handler }
    }

    /// A definition that always uses the given handler instance (handlers returning nothing).
    /// - Parameter handler: the handler.
    public init<F: InngestFunction & Sendable>(handler: F) where F.Output == Void {
        self.init(F.self, consumer: "\(F.self) (test instance)") { _ in handler }
    }
}
