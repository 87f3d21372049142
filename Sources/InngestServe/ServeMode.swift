/// Whether the SDK talks to a development server or to Inngest Cloud / a self-hosted server.
public enum ServeMode: String, Sendable, Hashable {
    /// `inngest dev`: requests are not signed and signatures are not checked.
    case dev
    /// Inngest Cloud or `inngest start`: every server request must carry a valid signature.
    case cloud
}
