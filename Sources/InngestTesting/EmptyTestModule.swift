import Inngest

/// An empty root module for tests that register functions directly.
public struct EmptyTestModule: Module {
    /// No imports, no providers.
    public static var moduleDescriptor: ModuleDescriptor { ModuleDescriptor("EmptyTestModule") }
}
