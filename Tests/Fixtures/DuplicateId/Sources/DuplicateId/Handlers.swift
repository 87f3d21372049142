import Inngest

// @inngest.event("report/requested")
struct ReportRequested: Codable, Sendable {
    var day: String
}

// @inngest.function(id: "build-report", event: "report/requested")
struct BuildReport {
    func handle(_ request: ReportRequested, context: Context) async throws {}
}

// @inngest.function(id: "build-report", event: "report/requested")
struct BuildReportAgain {
    func handle(_ request: ReportRequested, context: Context) async throws {}
}

// @inngest.module(imports: [FilingModule])
struct ReportsModule {}

// Also broken, reported in the same pass: nothing provides Paper.
// @inngest.injectable
final class Printer: Sendable {
    init(paper: Paper) {}
}

struct Paper {}
