#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import InngestEngine

/// A local web dashboard over an engine: functions, events, runs with filters, each run's step
/// timeline, a form to send events, and cancel and replay buttons, kept up to date while open.
///
/// It is for development: it listens on the loopback interface by default, answers only requests
/// addressed to it by a loopback name, and takes actions only from its own pages. Everything it
/// shows and runs (its style and its small script) is served by itself; nothing is fetched from
/// elsewhere, and every page works without the script.
///
/// ```swift
/// let dashboard = try await Dashboard.start(engine: app.engine)   // http://127.0.0.1:8290/
/// ```
public final class Dashboard: Sendable {
    private let server: HTTPServer

    /// The address to open in a browser.
    public var url: String {
        let host = server.host.contains(":") ? "[\(server.host)]" : server.host
        return "http://\(host == "0.0.0.0" || host == "[::]" ? "127.0.0.1" : host):\(server.port)/"
    }

    /// The port it listens on.
    public var port: Int { server.port }

    private init(backend: any DashboardBackend, host: String, port: Int) throws(DashboardError) {
        // A socket bound to loopback is reached only from this machine, but a page of any site
        // whose name resolves to 127.0.0.1 could still ask it: only loopback names are answered.
        let loopback = host == "::1" || host.hasPrefix("127.")
        let router = DashboardRouter(backend: backend, token: Self.randomToken(),
                                     allowedHosts: loopback ? ["127.0.0.1", "localhost", "[::1]", host.contains(":") ? "[\(host)]" : host] : nil)
        do {
            server = try HTTPServer(host: host, port: port) { request in await router.respond(to: request) }
        } catch {
            throw DashboardError(description: "the dashboard cannot start: \(error)")
        }
    }

    /// Serves the dashboard of an engine in this process.
    /// - Parameters:
    ///   - engine: the engine whose runs it shows; sends, cancellations and replays go through it.
    ///   - host: the address to listen on; loopback (`127.0.0.1`) by default. Another address serves
    ///     every machine that reaches it: do that only on a network you trust.
    ///   - port: the port; 0 lets the system choose (read `port`).
    /// - Throws: `DashboardError` when it cannot listen.
    public static func start(engine: EmbeddedEngine, host: String = "127.0.0.1", port: Int = 8290) throws(DashboardError) -> Dashboard {
        try Dashboard(backend: engine, host: host, port: port)
    }

    /// Serves the dashboard of an engine's database, which another process may be running (the
    /// `inngest dashboard` command). Sends wait in the database's inbox until an engine ingests them.
    /// - Parameters: as for `start(engine:host:port:)`.
    public static func start(inspector: EngineInspector, host: String = "127.0.0.1", port: Int = 8290) throws(DashboardError) -> Dashboard {
        try Dashboard(backend: inspector, host: host, port: port)
    }

    /// Stops listening; requests being answered finish.
    public func stop() { server.stop() }

    private static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(generator.next() as UInt64, radix: 16) }.joined()
    }
}

/// The dashboard could not start: the address does not parse, or the port is taken.
public struct DashboardError: Error, CustomStringConvertible {
    /// What went wrong.
    public let description: String
}
