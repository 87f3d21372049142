/// Thrown by ``Container/boot(_:rootProviders:globalProviders:overrides:)`` when an
/// ``OnModuleInit`` or ``OnApplicationBootstrap`` hook throws. Boot stops at that hook.
public struct LifecycleHookError: Error, Sendable, CustomStringConvertible {
    /// The hook that threw, e.g. `onModuleInit()`.
    public let hook: String
    /// The provider whose instance threw.
    public let provider: ProviderKey
    /// The module that owns the provider.
    public let moduleName: String
    /// The error the hook threw.
    public let underlying: any Error

    init(hook: String, provider: ProviderKey, moduleName: String, underlying: any Error) {
        self.hook = hook
        self.provider = provider
        self.moduleName = moduleName
        self.underlying = underlying
    }

    /// Names the provider, its module, the hook and the error.
    public var description: String {
        "\(provider) in \(moduleName) threw from \(hook): \(underlying). Boot was aborted; "
            + "fix the cause, or catch the error inside the hook if it is not fatal."
    }
}
