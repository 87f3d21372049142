#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InngestCore
import InngestEngine

/// Answers the dashboard's requests: pages, form posts and a small JSON API.
///
/// Every request is checked before anything in it is read: its `Host` must be the dashboard's own
/// (a DNS-rebinding page cannot reach a loopback dashboard), and a `POST` must come from the
/// dashboard's own pages (same origin, and the token its forms carry).
struct DashboardRouter: Sendable {
    let backend: any DashboardBackend
    let token: String
    /// The host names served (`127.0.0.1`, `localhost`, `[::1]`), whatever the port; nil serves any.
    let allowedHosts: Set<String>?

    private var pages: DashboardPages { DashboardPages(token: token) }

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        if let allowedHosts {
            guard let host = request.headers["host"]?.lowercased(), allowedHosts.contains(Self.name(ofHost: host)) else {
                return .text("this dashboard answers only to \(allowedHosts.sorted().joined(separator: ", "))", status: 421)
            }
        }
        if request.method == "POST" {
            if let refusal = checkOrigin(request) { return refusal }
            guard request.form["token"] == token else {
                return .text("the form's token is missing or stale: reload the page and try again", status: 403)
            }
        }
        do {
            return try await route(request)
        } catch {
            return .html(pages.layout("Error", section: .overview, cursor: nil,
                                      "<h1>Something failed</h1><pre class=\"error\">\(HTML.escape(String(describing: error)))</pre>"), status: 500)
        }
    }

    /// `localhost:8290` → `localhost`, `[::1]:8290` → `[::1]`.
    static func name(ofHost host: String) -> String {
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") { return String(host[...close]) }
        return String(host.prefix { $0 != ":" })
    }

    private func checkOrigin(_ request: HTTPRequest) -> HTTPResponse? {
        if let site = request.headers["sec-fetch-site"], site != "same-origin", site != "none" {
            return .text("a form of another site cannot act on this dashboard", status: 403)
        }
        if let origin = request.headers["origin"], let host = request.headers["host"], origin.lowercased() != "http://\(host.lowercased())" {
            return .text("a form of another origin cannot act on this dashboard", status: 403)
        }
        return nil
    }

    private func route(_ request: HTTPRequest) async throws -> HTTPResponse {
        let parts = request.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        let get = request.method == "GET" || request.method == "HEAD"
        switch (get, parts.first, parts.count) {
        case (true, nil, _):
            async let counts = backend.runCounts()
            async let functions = backend.functions()
            async let recent = backend.runs(status: nil, functionId: nil, eventName: nil, limit: 15)
            let cursor = try await self.cursor()
            return .html(pages.overview(counts: try await counts, functions: try await functions, recent: try await recent, cursor: cursor))
        case (true, "functions", 1):
            return .html(pages.functions(try await backend.functions(), cursor: try await cursor()))
        case (true, "runs", 1):
            let filter = try runFilter(request.query)
            let runs = try await backend.runs(status: filter.status, functionId: filter.functionId, eventName: filter.eventName, limit: filter.limit)
            return .html(pages.runs(runs, functions: try await backend.functions(), filter: filter, cursor: try await cursor()))
        case (true, "runs", 2):
            guard let run = try await backend.run(parts[1]) else { return .html(pages.notFound("No run \(parts[1]).", cursor: try await cursor()), status: 404) }
            return .html(pages.run(run, timeline: try await backend.timeline(of: run.runId), notice: request.query["notice"], cursor: try await cursor()))
        case (false, "runs", 3) where parts[2] == "cancel":
            let cancelled = try await backend.cancel(runId: parts[1])
            return .redirect(to: "/runs/\(HTML.queryComponent(parts[1]))?notice="
                             + HTML.queryComponent(cancelled ? "Cancelled: an executing run stops at its next step boundary."
                                                             : "Not cancelled: the run does not exist or has already finished."))
        case (false, "runs", 3) where parts[2] == "replay":
            guard let newRun = try await backend.replay(runId: parts[1]) else {
                return .html(pages.notFound("No run \(parts[1]) to replay.", cursor: try await cursor()), status: 404)
            }
            return .redirect(to: "/runs/\(HTML.queryComponent(newRun))?notice=" + HTML.queryComponent("Queued: a replay of \(parts[1])."))
        case (true, "events", 1):
            let name = request.query["name"].flatMap { $0.isEmpty ? nil : $0 }
            return .html(pages.events(try await backend.events(name: name, limit: 100), name: name, cursor: try await cursor(),
                                      notice: request.query["sent"].map { "Sent: event \($0)." }))
        case (true, "send", 1):
            return .html(pages.send(name: request.query["name"] ?? "", data: "{}", id: "", error: nil, cursor: try await cursor()))
        case (false, "send", 1):
            return try await send(request.form)
        case (true, "api", 2) where parts[1] == "activity":
            let after = request.query["after"].flatMap(ActivityCursor.init)
            let (lines, cursor) = try await backend.activity(after: after, limit: 200)
            let json = JSONValue.object([
                "cursor": .string(cursor.description),
                "lines": .array(lines.map { line in
                    .object(["runId": .string(line.runId), "functionId": .string(line.functionId), "kind": .string(line.entry.kind.rawValue),
                             "step": line.entry.step.map(JSONValue.string) ?? .null, "detail": .string(line.entry.detail)])
                }),
            ])
            return .json(json.jsonString)
        case (true, "assets", 2) where parts[1] == "dashboard.css":
            return HTTPResponse(status: 200, headers: [("Content-Type", "text/css; charset=utf-8")], body: Array(DashboardAssets.css.utf8))
        case (true, "assets", 2) where parts[1] == "dashboard.js":
            return HTTPResponse(status: 200, headers: [("Content-Type", "text/javascript; charset=utf-8")], body: Array(DashboardAssets.script.utf8))
        case (false, _, _):
            return .text("nothing to post to at \(request.path)", status: 404)
        default:
            return .html(pages.notFound("Nothing at \(request.path).", cursor: try await cursor()), status: 404)
        }
    }

    private func send(_ form: [String: String]) async throws -> HTTPResponse {
        let name = form["name"]?.trimmingWhitespace ?? ""
        let dataText = form["data"].flatMap { $0.trimmingWhitespace.isEmpty ? nil : $0 } ?? "{}"
        let id = form["id"]?.trimmingWhitespace ?? ""
        func again(_ error: String) async throws -> HTTPResponse {
            .html(pages.send(name: name, data: dataText, id: id, error: error, cursor: try await cursor()), status: 400)
        }
        let data: JSONValue
        do { data = try JSONValue(json: Array(dataText.utf8)) } catch { return try await again("The data is not JSON: \(error)") }
        let event = InngestEvent(name: name, data: data, id: id.isEmpty ? nil : id)
        do {
            let sentId = try await backend.sendEvent(event)
            return .redirect(to: "/events?name=\(HTML.queryComponent(name))&sent=\(HTML.queryComponent(sentId))")
        } catch let error as InvalidEventError {
            return try await again("Not sent: \(error)")
        }
    }

    private func runFilter(_ query: [String: String]) throws -> RunFilter {
        var filter = RunFilter()
        if let text = query["status"], !text.isEmpty { filter.status = RunStatus(rawValue: text) }
        if let text = query["function"], !text.isEmpty { filter.functionId = text }
        if let text = query["event"], !text.isEmpty { filter.eventName = text }
        if let text = query["limit"], let limit = Int(text) { filter.limit = min(1_000, max(1, limit)) }
        return filter
    }

    private func cursor() async throws -> ActivityCursor {
        try await backend.activity(after: nil, limit: 0).cursor
    }
}
