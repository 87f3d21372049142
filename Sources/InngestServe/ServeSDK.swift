/// The identity this SDK reports to Inngest servers, and the limits of what it reads from them.
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
    /// The largest execution request body accepted: 4 MiB, Inngest's `MaxSDKRequestBodySize`
    /// (larger runs are sent with `use_api`).
    public static let maximumRequestBodySize = 4 * 1024 * 1024
    /// The largest body accepted on every other request: 64 KiB. Introspection (`GET`) and the
    /// trust probe are signed over an empty body, and a sync `PUT` carries only `{"url": …}`.
    public static let maximumControlBodySize = 64 * 1024

    /// The largest body the serve endpoint reads for a method: `maximumRequestBodySize` for `POST`,
    /// `maximumControlBodySize` for anything else. Adapters read at most this much (plus one byte,
    /// so that the handler can tell the body was too large); the handler applies the tighter limit
    /// of the trust probe itself.
    public static func maximumBodySize(method: String) -> Int {
        method.uppercased() == "POST" ? maximumRequestBodySize : maximumControlBodySize
    }
}
