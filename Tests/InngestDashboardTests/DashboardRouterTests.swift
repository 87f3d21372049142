import Foundation
import Inngest
@testable import InngestDashboard
import InngestTesting
import Testing

struct Order: Event {
    static let name = "shop/order"
    var id: String
}

struct Charge: InngestFunction {
    static let id = "charge"
    static let trigger = Trigger.event(Order.self)
    static let options = FunctionOptions(retries: 0)
    struct Declined: Error, CustomStringConvertible { var description: String { "card declined <script>" } }

    func handle(_ order: Order, context: Context) async throws -> String {
        try await context.step.run("charge") {
            if order.id.hasPrefix("bad") { throw Declined() }
            return "paid \(order.id)"
        }
    }
}

/// The dashboard's pages and actions, answered without a socket.
@Suite struct DashboardRouterTests {
    private func app() async throws -> InngestTestApp {
        let app = try await InngestTestApp.boot(EmptyTestModule.self, functions: [FunctionDefinition(handler: Charge())])
        try await app.app.engine.start(runLoop: false)
        return app
    }

    private func router(_ app: InngestTestApp) -> DashboardRouter {
        DashboardRouter(backend: app.app.engine, token: "t0ken", allowedHosts: ["127.0.0.1", "localhost"])
    }

    private func get(_ router: DashboardRouter, _ path: String, host: String = "127.0.0.1:8290") async -> (Int, String) {
        let (path, query) = path.firstIndex(of: "?").map { (String(path[..<$0]), FormDecoding.fields(Array(path[path.index(after: $0)...].utf8)[...])) }
            ?? (path, [:])
        let response = await router.respond(to: HTTPRequest(method: "GET", path: path, query: query, headers: ["host": host]))
        return (response.status, String(decoding: response.body, as: UTF8.self))
    }

    private func post(_ router: DashboardRouter, _ path: String, _ form: String, headers: [String: String] = [:]) async -> HTTPResponse {
        var all = ["host": "127.0.0.1:8290", "content-type": "application/x-www-form-urlencoded"]
        all.merge(headers) { _, new in new }
        return await router.respond(to: HTTPRequest(method: "POST", path: path, headers: all, body: Array(form.utf8)))
    }

    @Test func findAFailedRunAndReplayIt() async throws {
        let app = try await app()
        try await app.send(Order(id: "good-1"))
        try await app.send(Order(id: "bad-1"))
        try await app.runUntilIdle()
        let router = router(app)
        let (status, overview) = await get(router, "/")
        #expect(status == 200)
        #expect(overview.contains("<b>1</b>failed"))
        let (_, failedPage) = await get(router, "/runs?status=failed")
        let failed = try #require(try await app.runs().first { $0.status == .failed })
        #expect(failedPage.contains("/runs/\(failed.runId)"))
        #expect(!failedPage.contains(try #require(try await app.runs().first { $0.status == .completed }).runId))
        let (_, runPage) = await get(router, "/runs/\(failed.runId)")
        // The error is shown, escaped.
        #expect(runPage.contains("card declined &lt;script&gt;"))
        #expect(!runPage.contains("card declined <script>"))
        #expect(runPage.contains("action=\"/runs/\(failed.runId)/replay\""))
        let replay = await post(router, "/runs/\(failed.runId)/replay", "token=t0ken")
        #expect(replay.status == 303)
        let location = try #require(replay.headers.first { $0.0 == "Location" }?.1)
        #expect(location.hasPrefix("/runs/") && !location.contains(failed.runId + "?"))
        #expect(try await app.runs().count == 3)
    }

    @Test func sendCancelAndTheirRefusals() async throws {
        let app = try await app()
        let router = router(app)
        let sent = await post(router, "/send", "token=t0ken&name=shop%2Forder&data=%7B%22id%22%3A%22o-9%22%7D&id=")
        #expect(sent.status == 303)
        let runs = try await app.runs()
        #expect(runs.count == 1)
        let notJSON = await post(router, "/send", "token=t0ken&name=shop%2Forder&data=%7Bnope")
        #expect(notJSON.status == 400)
        #expect(String(decoding: notJSON.body, as: UTF8.self).contains("The data is not JSON"))
        let noName = await post(router, "/send", "token=t0ken&name=&data=%7B%7D")
        #expect(noName.status == 400)
        let run = try #require(runs.first)
        #expect(await post(router, "/runs/\(run.runId)/cancel", "token=t0ken").status == 303)
        #expect(try await app.app.engine.run(run.runId)?.status == .cancelled)
        #expect(try await app.runs().count == 1)
    }

    @Test func actionsNeedTheTokenAndTheSameOrigin() async throws {
        let app = try await app()
        let router = router(app)
        let form = "name=shop%2Forder&data=%7B%7D"
        #expect(await post(router, "/send", form).status == 403)
        #expect(await post(router, "/send", form + "&token=wrong").status == 403)
        #expect(await post(router, "/send", form + "&token=t0ken", headers: ["origin": "http://evil.example"]).status == 403)
        #expect(await post(router, "/send", form + "&token=t0ken", headers: ["sec-fetch-site": "cross-site"]).status == 403)
        #expect(await post(router, "/send", form + "&token=t0ken", headers: ["host": "evil.example"]).status == 421)
        #expect(try await app.runs().isEmpty)
        #expect(await post(router, "/send", form + "&token=t0ken", headers: ["origin": "http://127.0.0.1:8290", "sec-fetch-site": "same-origin"]).status == 303)
    }

    @Test func pagesAnswerOnlyToLoopbackNames() async throws {
        let router = router(try await app())
        #expect(await get(router, "/", host: "evil.example").0 == 421)
        #expect(await get(router, "/", host: "127.0.0.1.evil.example:8290").0 == 421)
        #expect(await get(router, "/", host: "localhost").0 == 200)
        #expect(await get(router, "/functions", host: "localhost:1").0 == 200)
    }

    @Test func unknownPathsAndRunsAreNotFound() async throws {
        let router = router(try await app())
        #expect(await get(router, "/nope").0 == 404)
        #expect(await get(router, "/runs/01NOPE").0 == 404)
        #expect(await post(router, "/runs/01NOPE/replay", "token=t0ken").status == 404)
        #expect(await post(router, "/elsewhere", "token=t0ken").status == 404)
    }

    @Test func hostileTextIsEscapedEverywhere() async throws {
        let app = try await app()
        let router = router(app)
        let name = "shop/<img src=x onerror=alert(1)>"
        _ = await post(router, "/send", "token=t0ken&name=\(HTML.queryComponent(name))&data=%7B%22k%22%3A%22%3C%2Fpre%3E%22%7D")
        let (_, events) = await get(router, "/events")
        #expect(events.contains("shop/&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!events.contains("<img"))
        #expect(!events.contains("</pre>\"}"))
        let (_, filtered) = await get(router, "/runs?event=%22%3E%3Cscript%3E")
        #expect(!filtered.contains("\"><script>"))
    }

    @Test func activityFeedsTheLiveUpdates() async throws {
        let app = try await app()
        let router = router(app)
        let (_, page) = await get(router, "/runs")
        let cursor = try #require(page.firstRange(of: "data-cursor=\"").map { page[$0.upperBound...].prefix { $0 != "\"" } })
        try await app.send(Order(id: "o-1"))
        try await app.runUntilIdle()
        let (status, json) = await get(router, "/api/activity?after=\(cursor)")
        #expect(status == 200)
        let document = try JSONValue(json: Array(json.utf8))
        guard case .array(let lines)? = document["lines"] else { Issue.record("no lines"); return }
        #expect(lines.count == 3)
        #expect(await get(router, "/assets/dashboard.js").0 == 200)
        #expect(await get(router, "/assets/dashboard.css").0 == 200)
    }
}
