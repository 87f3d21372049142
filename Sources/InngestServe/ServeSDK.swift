/// The identity this SDK reports to Inngest servers.
public enum ServeSDK: Sendable {
    /// The SDK version, semver without a `v`.
    public static let version = "0.1.0"
    /// The language name reported in introspection and in-band sync.
    public static let language = "swift"
    /// The `X-Inngest-SDK` header value: `inngest-swift:v0.1.0`.
    public static let headerValue = "inngest-swift:v\(version)"
    /// The `sdk` field of the register payload: `swift:v0.1.0`.
    public static let registerValue = "swift:v\(version)"
    /// The request version this SDK speaks (`X-Inngest-Req-Version`).
    public static let requestVersion = "2"
    /// The introspection schema version.
    public static let schemaVersion = "2024-05-24"
    /// The largest execution request body accepted: 4 MiB, Inngest's `MaxSDKRequestBodySize`.
    public static let maximumRequestBodySize = 4 * 1024 * 1024
}
