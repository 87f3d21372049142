/// What a request to the serve endpoint asks for, decided from its method and query alone (nothing
/// in the body is read to decide it).
enum ServeRoute: Sendable, Hashable {
    /// `GET`: introspection, signed over an empty body.
    case introspection
    /// `PUT`: a sync, in band or out of band; the body is `{"url": …}` at most.
    case sync
    /// `POST ?probe=…`: the trust probe, signed over an empty body.
    case probe
    /// `POST`: one execution of a function.
    case execution

    /// The route of a method and query, or `nil` for a method the endpoint does not answer.
    init?(method: String, query: [String: String]) {
        switch method.uppercased() {
        case "GET": self = .introspection
        case "PUT": self = .sync
        case "POST": self = query["probe"] != nil ? .probe : .execution
        default: return nil
        }
    }

    /// The largest body read: 4 MiB for an execution, 64 KiB for the rest.
    var bodyLimit: Int {
        self == .execution ? ServeSDK.maximumRequestBodySize : ServeSDK.maximumControlBodySize
    }

    /// Whether Inngest retries this request when it fails (only execution calls and probes are
    /// answered with `X-Inngest-No-Retry`).
    var isRetriedByServer: Bool { self == .execution || self == .probe }

    /// Why a body over `bodyLimit` is refused, for the 413's message.
    func tooLargeMessage(size: Int) -> String {
        switch self {
        case .execution:
            "the execution request body is \(size) bytes; at most \(bodyLimit) (4 MiB) are accepted. Inngest sends larger runs with "
                + "use_api, which is not supported yet"
        case .introspection:
            "the introspection request body is \(size) bytes; at most \(bodyLimit) (64 KiB) are read, and Inngest sends none"
        case .probe:
            "the trust probe body is \(size) bytes; at most \(bodyLimit) (64 KiB) are read, and Inngest sends none"
        case .sync:
            "the sync request body is \(size) bytes; at most \(bodyLimit) (64 KiB) are read: a sync carries only {\"url\": …}"
        }
    }
}
