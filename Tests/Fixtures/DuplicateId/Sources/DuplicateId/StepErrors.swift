import Inngest

// @inngest.function(id: "archive-report", event: "report/requested")
struct ArchiveReport {
    func handle(_ request: ReportRequested, context: Context) async throws {
        try await context.step.run("upload") { request.day }
        try await context.step.run("upload") { request.day }
    }
}
