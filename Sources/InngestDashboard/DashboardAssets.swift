/// The dashboard's stylesheet and script, served by the dashboard itself: nothing is fetched from
/// anywhere else. Pages are whole without the script; it only keeps them up to date.
enum DashboardAssets {
    static let css = """
        :root { color-scheme: light dark; --fg: #1b1f24; --bg: #ffffff; --muted: #5b6470; --line: #d8dde3; --accent: #3b4cca;
                --ok: #1a7f37; --bad: #c62828; --wait: #8a6d00; --chip: #eef1f4; }
        @media (prefers-color-scheme: dark) { :root { --fg: #e6e8eb; --bg: #15181c; --muted: #a0a8b3; --line: #343a42;
                --accent: #8f9cff; --ok: #5cc777; --bad: #ff7b72; --wait: #e3b341; --chip: #23282e; } }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
        a { color: var(--accent); }
        a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible {
            outline: 3px solid var(--accent); outline-offset: 2px; }
        .skip { position: absolute; left: -999px; } .skip:focus { left: 8px; top: 8px; background: var(--bg); padding: 4px 8px; }
        header { display: flex; gap: 24px; align-items: baseline; padding: 12px 24px; border-bottom: 1px solid var(--line); flex-wrap: wrap; }
        header strong { font-size: 17px; } nav a { margin-right: 16px; } nav a[aria-current=page] { font-weight: 700; text-decoration: none; }
        main { padding: 16px 24px 48px; max-width: 1200px; }
        h1 { font-size: 22px; margin: 8px 0 16px; } h2 { font-size: 17px; margin: 24px 0 8px; }
        table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { font-weight: 600; color: var(--muted); font-size: 13px; }
        td.mono, code, pre { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: 13px; }
        pre { background: var(--chip); padding: 8px 10px; border-radius: 6px; overflow-x: auto; white-space: pre-wrap; word-break: break-word; margin: 4px 0; }
        .status { display: inline-block; padding: 1px 8px; border-radius: 10px; background: var(--chip); font-size: 13px; font-weight: 600; }
        .status-completed { color: var(--ok); } .status-failed { color: var(--bad); } .status-queued, .status-running { color: var(--wait); }
        .counts { display: flex; gap: 12px; flex-wrap: wrap; list-style: none; padding: 0; }
        .counts a { display: block; padding: 8px 14px; border: 1px solid var(--line); border-radius: 8px; text-decoration: none; color: var(--fg); }
        .counts b { display: block; font-size: 20px; }
        form.filters { display: flex; gap: 12px; align-items: end; flex-wrap: wrap; margin-bottom: 12px; }
        label { display: flex; flex-direction: column; font-size: 13px; color: var(--muted); gap: 2px; }
        input, select, textarea, button { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 5px 8px; }
        textarea { width: 100%; min-height: 140px; font-family: ui-monospace, Menlo, Consolas, monospace; }
        button { cursor: pointer; background: var(--chip); } button.danger { color: var(--bad); }
        .actions { display: flex; gap: 8px; margin: 12px 0; } .actions form { margin: 0; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; } dt { color: var(--muted); }
        .notice { padding: 8px 12px; border-radius: 6px; background: var(--chip); } .error { color: var(--bad); }
        .muted { color: var(--muted); } footer { padding: 0 24px 24px; color: var(--muted); font-size: 13px; }
        """

    /// Follows the engine's timeline and, when a line is recorded, replaces the page's main region
    /// with a fresh copy, unless the reader is using a control in it or the page opts out.
    static let script = """
        (function () {
          var main = document.getElementById("main");
          var live = document.getElementById("live");
          if (!main || !live || main.dataset.live === "off") return;
          var cursor = main.dataset.cursor;
          live.textContent = "Live: following new runs";
          function busy() {
            var active = document.activeElement;
            return active && active !== document.body && main.contains(active) && /INPUT|SELECT|TEXTAREA/.test(active.tagName);
          }
          function tick() {
            fetch("/api/activity?after=" + encodeURIComponent(cursor), { cache: "no-store" })
              .then(function (response) { if (!response.ok) throw new Error(String(response.status)); return response.json(); })
              .then(function (activity) {
                if (!activity.lines.length || busy()) { cursor = activity.lines.length ? cursor : activity.cursor; return; }
                return fetch(location.href, { cache: "no-store" }).then(function (page) { return page.text(); }).then(function (html) {
                  var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("main");
                  if (fresh) { main.innerHTML = fresh.innerHTML; cursor = fresh.dataset.cursor || activity.cursor; }
                  live.textContent = "Live: updated at " + new Date().toLocaleTimeString();
                });
              })
              .catch(function () { live.textContent = "Live: the app does not answer; retrying"; })
              .then(function () { setTimeout(tick, 1500); });
          }
          setTimeout(tick, 1500);
        })();
        """
}
