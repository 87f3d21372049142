import Inngest

#if os(Linux)
// @inngest.event("audit/linux-only")
struct LinuxAudit: Codable, Sendable {
    var host: String
}
#endif

/// A handler whose service is optional and whose init has a defaulted parameter.
// @inngest.function(id: "audit", event: "audit/linux-only")
struct Audit {
    let mailer: Mailer?
    var verbose = false

    func handle(_ audit: LinuxAudit, context: Context) async throws {}
}
