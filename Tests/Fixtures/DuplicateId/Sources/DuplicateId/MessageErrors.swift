import Inngest

// Mistakes the compiler would report as a conformance failure, said plainly by the plugin.

// @inngest.event("report/plain")
struct PlainReport { var pages: Int }

// @inngest.event("report/filed")
struct ReportFiled: Codable, Sendable { var id: String }

// @inngest.function(id: "file-report", event: "report/filed")
struct FileReport {}

// @inngest.function(id: "wrong-payload", event: "report/filed")
struct WrongPayload {
    func handle(_ report: PlainReport, context: Context) async throws {}
}

// @inngest.injectable
final class Binder: Sendable { init() {} }

// @inngest.module(providers: [Binder])
struct BinderModule {}

// @inngest.injectable
final class Filer: Sendable { init(binder: Binder) {} }

// @inngest.module(imports: [BinderModule], providers: [Filer])
struct FilingModule {}
