// Lifecycle hooks, with their NestJS names, adopted by provider types. The container calls them
// on singleton instances only (once per object, even when the object is provided under several
// keys); transient instances belong to whoever resolved them.

/// Called after every singleton is built, in instantiation (dependency) order.
public protocol OnModuleInit {
    /// Prepares the instance (open connections, warm caches).
    /// - Throws: Any error; it aborts boot with a ``LifecycleHookError`` naming the provider.
    func onModuleInit() async throws
}

/// Called after every ``OnModuleInit`` hook has run, in instantiation order.
public protocol OnApplicationBootstrap {
    /// Starts work that needs the whole application initialised (e.g. begin polling).
    /// - Throws: Any error; it aborts boot with a ``LifecycleHookError`` naming the provider.
    func onApplicationBootstrap() async throws
}

/// First shutdown phase, called in reverse instantiation order.
public protocol OnModuleDestroy {
    /// Stops accepting new work.
    func onModuleDestroy() async
}

/// Second shutdown phase, called in reverse instantiation order.
public protocol BeforeApplicationShutdown {
    /// Drains in-flight work.
    /// - Parameter signal: The signal that triggered shutdown (e.g. `"SIGTERM"`), if any.
    func beforeApplicationShutdown(signal: String?) async
}

/// Last shutdown phase, called in reverse instantiation order.
public protocol OnApplicationShutdown {
    /// Releases resources (close connections, flush logs).
    /// - Parameter signal: The signal that triggered shutdown (e.g. `"SIGTERM"`), if any.
    func onApplicationShutdown(signal: String?) async
}
