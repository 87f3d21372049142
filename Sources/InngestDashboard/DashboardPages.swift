#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InngestCore
import InngestEngine

/// The dashboard's HTML pages, rendered on the server: readable and usable with the keyboard and
/// without the script, which only refreshes them.
struct DashboardPages {
    /// The token every form carries back.
    let token: String

    enum Section: String { case overview, functions, runs, events, send }

    /// A whole page around `content`.
    func layout(_ title: String, section: Section, cursor: ActivityCursor?, live: Bool = true, _ content: String) -> String {
        func link(_ path: String, _ label: String, _ target: Section) -> String {
            "<a href=\"\(path)\"\(target == section ? " aria-current=\"page\"" : "")>\(label)</a>"
        }
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(title)) · Inngest dashboard</title><link rel="stylesheet" href="/assets/dashboard.css"></head>
            <body><a class="skip" href="#main">Skip to content</a>
            <header><strong>Inngest dashboard</strong><nav aria-label="Sections">\(link("/", "Overview", .overview))\(link("/functions", "Functions", .functions))\(link("/runs", "Runs", .runs))\(link("/events", "Events", .events))\(link("/send", "Send event", .send))</nav></header>
            <main id="main" tabindex="-1" data-cursor="\(HTML.escape(cursor?.description ?? ""))"\(live && cursor != nil ? "" : " data-live=\"off\"")>
            \(content)
            </main>
            <footer><p id="live" aria-live="polite">Reload the page to see new runs.</p></footer>
            <script src="/assets/dashboard.js"></script></body></html>
            """
    }

    func overview(counts: [RunStatus: Int], functions: [FunctionRecord], recent: [RunRecord], cursor: ActivityCursor) -> String {
        let tiles = RunStatus.allCases.map { status in
            "<li><a href=\"/runs?status=\(status.rawValue)\"><b>\(counts[status] ?? 0)</b>\(status.rawValue)</a></li>"
        }.joined()
        return layout("Overview", section: .overview, cursor: cursor, """
            <h1>Overview</h1>
            <h2 id="counts">Runs by state</h2><ul class="counts" aria-labelledby="counts">\(tiles)</ul>
            <h2>Latest runs</h2>\(runTable(recent))
            <h2>Functions</h2>\(functionTable(functions))
            """)
    }

    func functions(_ functions: [FunctionRecord], cursor: ActivityCursor) -> String {
        layout("Functions", section: .functions, cursor: cursor, "<h1>Functions</h1>\(functionTable(functions))")
    }

    func runs(_ runs: [RunRecord], functions: [FunctionRecord], filter: RunFilter, cursor: ActivityCursor) -> String {
        let statuses = (["" ] + RunStatus.allCases.map(\.rawValue)).map { value in
            "<option value=\"\(value)\"\(filter.status?.rawValue ?? "" == value ? " selected" : "")>\(value.isEmpty ? "any" : value)</option>"
        }.joined()
        let ids = [""] + functions.map(\.id)
        let functionOptions = ids.map { id in
            "<option value=\"\(HTML.escape(id))\"\(filter.functionId ?? "" == id ? " selected" : "")>\(id.isEmpty ? "any" : HTML.escape(id))</option>"
        }.joined()
        return layout("Runs", section: .runs, cursor: cursor, """
            <h1>Runs</h1>
            <form class="filters" method="get" action="/runs" role="search" aria-label="Filter runs">
            <label>Status<select name="status">\(statuses)</select></label>
            <label>Function<select name="function">\(functionOptions)</select></label>
            <label>Event name<input name="event" value="\(HTML.escape(filter.eventName ?? ""))" placeholder="shop/order.placed"></label>
            <label>Show<input name="limit" type="number" min="1" max="1000" value="\(filter.limit)"></label>
            <button type="submit">Filter</button> <a href="/runs">Clear</a></form>
            <p class="muted">\(runs.count) run\(runs.count == 1 ? "" : "s"), newest first.</p>
            \(runTable(runs))
            """)
    }

    func run(_ run: RunRecord, timeline: [TimelineEntry], notice: String?, cursor: ActivityCursor) -> String {
        var facts = [
            ("Function", "<a href=\"/runs?function=\(HTML.queryComponent(run.functionId))\">\(HTML.escape(run.functionId))</a>"),
            ("Status", status(run.status) + (run.waitingFor.map { " <span class=\"muted\">\(HTML.escape($0))</span>" } ?? "")),
            ("Event", "\(HTML.escape(run.eventName)) <code>\(HTML.escape(run.eventId))</code>"),
            ("Created", time(run.createdAt)),
        ]
        if let ended = run.endedAt { facts.append(("Took", duration(from: run.createdAt, to: ended))) }
        if run.status == .queued { facts.append(("Next attempt", time(run.nextAt))) }
        if let parent = run.parentRunId { facts.append(("Invoked by", "<a href=\"/runs/\(HTML.queryComponent(parent))\">\(HTML.escape(parent))</a>")) }
        let retried = timeline.count { $0.kind == .stepRetrying || $0.kind == .runRetrying }
        if retried > 0 { facts.append(("Failed attempts", "\(retried), retried")) }
        let list = facts.map { "<dt>\($0.0)</dt><dd>\($0.1)</dd>" }.joined()
        var sections = ""
        if let output = run.output { sections += "<h2>Output</h2><pre>\(HTML.escape(output.jsonString))</pre>" }
        if let error = run.error {
            sections += "<h2>Error</h2><pre class=\"error\">\(HTML.escape(error.name)): \(HTML.escape(error.message))"
                + (error.stack.map { "\n\n" + HTML.escape($0) } ?? "") + "</pre>"
        }
        var previous = timeline.first?.at ?? run.createdAt
        let rows = timeline.map { entry -> String in
            defer { previous = entry.at }
            return "<tr><td class=\"mono\">\(time(entry.at))</td><td class=\"mono\">+\(duration(from: previous, to: entry.at))</td>"
                + "<td>\(HTML.escape(entry.kind.rawValue))</td><td>\(HTML.escape(entry.step ?? ""))</td><td><pre>\(HTML.escape(entry.detail))</pre></td></tr>"
        }.joined()
        let unfinished = run.status == .queued || run.status == .running
        let actions = """
            <div class="actions">
            \(unfinished ? form("/runs/\(HTML.queryComponent(run.runId))/cancel", "Cancel run", danger: true) : "")
            \(form("/runs/\(HTML.queryComponent(run.runId))/replay", "Replay"))
            </div>
            """
        return layout("Run \(run.runId)", section: .runs, cursor: cursor, """
            <h1>Run <code>\(HTML.escape(run.runId))</code></h1>
            \(notice.map { "<p class=\"notice\" role=\"status\">\(HTML.escape($0))</p>" } ?? "")
            <dl>\(list)</dl>\(actions)\(sections)
            <h2>Timeline</h2>
            <table><thead><tr><th scope="col">At</th><th scope="col">Since previous</th><th scope="col">What</th><th scope="col">Step</th><th scope="col">Detail</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """)
    }

    func events(_ events: [InngestEvent], name: String?, cursor: ActivityCursor, notice: String?) -> String {
        let rows = events.map { event in
            "<tr><td class=\"mono\">\(HTML.escape(event.id ?? ""))</td>"
                + "<td><a href=\"/runs?event=\(HTML.queryComponent(event.name))\">\(HTML.escape(event.name))</a></td>"
                + "<td class=\"mono\">\(event.ts.map { time(Date(timeIntervalSince1970: Double($0) / 1000)) } ?? "")</td>"
                + "<td><pre>\(HTML.escape(event.data.jsonString))</pre></td></tr>"
        }.joined()
        return layout("Events", section: .events, cursor: cursor, """
            <h1>Events</h1>
            \(notice.map { "<p class=\"notice\" role=\"status\">\(HTML.escape($0))</p>" } ?? "")
            <form class="filters" method="get" action="/events" role="search" aria-label="Filter events">
            <label>Name<input name="name" value="\(HTML.escape(name ?? ""))"></label><button type="submit">Filter</button> <a href="/events">Clear</a></form>
            <table><thead><tr><th scope="col">Id</th><th scope="col">Name (its runs)</th><th scope="col">Time</th><th scope="col">Data</th></tr></thead>
            <tbody>\(rows.isEmpty ? "<tr><td colspan=\"4\">No events.</td></tr>" : rows)</tbody></table>
            """)
    }

    func send(name: String, data: String, id: String, error: String?, cursor: ActivityCursor) -> String {
        layout("Send event", section: .send, cursor: cursor, live: false, """
            <h1>Send an event</h1>
            \(error.map { "<p class=\"notice error\" role=\"alert\">\(HTML.escape($0))</p>" } ?? "")
            <form method="post" action="/send">
            <input type="hidden" name="token" value="\(token)">
            <p><label>Name<input name="name" required value="\(HTML.escape(name))" placeholder="shop/order.placed" autofocus></label></p>
            <p><label>Data (a JSON object)<textarea name="data" spellcheck="false">\(HTML.escape(data))</textarea></label></p>
            <p><label>Id (optional: an idempotency key; a repeat within 24 hours is ignored)<input name="id" value="\(HTML.escape(id))"></label></p>
            <p><button type="submit">Send</button></p></form>
            """)
    }

    func notFound(_ what: String, cursor: ActivityCursor) -> String {
        layout("Not found", section: .overview, cursor: cursor, "<h1>Not found</h1><p>\(HTML.escape(what))</p><p><a href=\"/\">Overview</a></p>")
    }

    // MARK: Parts

    private func runTable(_ runs: [RunRecord]) -> String {
        let rows = runs.map { run in
            "<tr><td class=\"mono\"><a href=\"/runs/\(HTML.queryComponent(run.runId))\">\(HTML.escape(run.runId))</a></td>"
                + "<td>\(HTML.escape(run.functionId))</td><td>\(HTML.escape(run.eventName))</td><td>\(status(run.status))</td>"
                + "<td class=\"mono\">\(time(run.createdAt))</td><td class=\"mono\">\(run.endedAt.map { duration(from: run.createdAt, to: $0) } ?? "")</td></tr>"
        }.joined()
        return "<table><thead><tr><th scope=\"col\">Run</th><th scope=\"col\">Function</th><th scope=\"col\">Event</th><th scope=\"col\">Status</th>"
            + "<th scope=\"col\">Created</th><th scope=\"col\">Took</th></tr></thead><tbody>"
            + (rows.isEmpty ? "<tr><td colspan=\"6\">No runs.</td></tr>" : rows) + "</tbody></table>"
    }

    private func functionTable(_ functions: [FunctionRecord]) -> String {
        let rows = functions.map { function -> String in
            var triggers: [String] = []
            if case .array(let items)? = function.config["triggers"] {
                for item in items {
                    if case .string(let cron)? = item["cron"] { triggers.append("cron <code>\(HTML.escape(cron))</code>") }
                    if case .string(let event)? = item["event"] {
                        var text = "event <a href=\"/events?name=\(HTML.queryComponent(event))\">\(HTML.escape(event))</a>"
                        if case .string(let condition)? = item["expression"] { text += " if <code>\(HTML.escape(condition))</code>" }
                        triggers.append(text)
                    }
                }
            }
            var options: [String] = []
            if case .object(let members) = function.config {
                for (key, value) in members.sorted(by: { $0.key < $1.key }) where key != "triggers" {
                    options.append("<code>\(HTML.escape(key))=\(HTML.escape(value.jsonString))</code>")
                }
            }
            return "<tr><td><a href=\"/runs?function=\(HTML.queryComponent(function.id))\">\(HTML.escape(function.id))</a>"
                + (function.name == function.id ? "" : "<br><span class=\"muted\">\(HTML.escape(function.name))</span>") + "</td>"
                + "<td>\(triggers.joined(separator: "<br>"))</td><td>\(options.joined(separator: " "))</td>"
                + "<td class=\"mono\">\(HTML.escape(function.location ?? ""))</td></tr>"
        }.joined()
        return "<table><thead><tr><th scope=\"col\">Function (its runs)</th><th scope=\"col\">Triggers</th><th scope=\"col\">Options</th>"
            + "<th scope=\"col\">Declared at</th></tr></thead><tbody>"
            + (rows.isEmpty ? "<tr><td colspan=\"4\">No functions registered yet: the app writes them when its engine starts.</td></tr>" : rows)
            + "</tbody></table>"
    }

    private func form(_ action: String, _ label: String, danger: Bool = false) -> String {
        "<form method=\"post\" action=\"\(action)\"><input type=\"hidden\" name=\"token\" value=\"\(token)\">"
            + "<button type=\"submit\"\(danger ? " class=\"danger\"" : "")>\(label)</button></form>"
    }

    private func status(_ status: RunStatus) -> String {
        "<span class=\"status status-\(status.rawValue)\">\(status.rawValue)</span>"
    }

    private func time(_ date: Date) -> String {
        HTML.escape(date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
    }

    private func duration(from start: Date, to end: Date) -> String {
        let milliseconds = max(0, Int64(((end.timeIntervalSince1970 - start.timeIntervalSince1970) * 1000).rounded()))
        if milliseconds < 1_000 { return "\(milliseconds) ms" }
        if milliseconds < 60_000 { return "\(milliseconds / 1000).\(milliseconds % 1000 / 100) s" }
        return "\(milliseconds / 60_000) min \(milliseconds % 60_000 / 1000) s"
    }
}

/// The runs page's filters.
struct RunFilter {
    var status: RunStatus?
    var functionId: String?
    var eventName: String?
    var limit = 50
}
