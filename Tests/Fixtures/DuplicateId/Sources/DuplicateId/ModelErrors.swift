import Inngest

// Mistakes in the programming model, reported in the same pass as the others.

// @inngest.event("report/cancelled")
struct ReportCancelled: Codable, Sendable {
    var day: String
}

// A typo in an expression (`evnt`), an unknown event in cancelOn, and a match on a property the
// cancelling event does not have.
// @inngest.function(id: "send-report", event: "report/requested", if: "event.data.day != \"sun\" && evnt.data.day != \"sat\"",
//                   cancelOn: [(event: "report/canceled", match: "day"), (event: ReportCancelled, match: "dya")])
struct SendReport {
    func handle(_ request: ReportRequested, context: Context) async throws {}
}

// A throttle period beyond Inngest's 7 days.
// @inngest.function(id: "throttled-report", event: ReportCancelled, throttle: (limit: 1, period: "8d"))
struct ThrottledReport {
    func handle(_ cancelled: ReportCancelled, context: Context) async throws {}
}
