#!/usr/bin/env python3
"""Drives the demo's dashboard in headless Chromium, as a user would: sends an order that fails
through the send form, finds the failed run from the runs page's filter, opens it and replays it
with the keyboard. Screenshots of each page go to the artifacts directory.

usage: dashboard-browser.py DASHBOARD_URL ARTIFACTS_DIR

Talks to Chromium over the DevTools protocol with a minimal WebSocket client (standard library
only, so CI installs nothing from PyPI)."""
import base64, json, os, shutil, socket, struct, subprocess, sys, tempfile, time, urllib.request

url, artifacts = sys.argv[1].rstrip("/"), sys.argv[2]
os.makedirs(artifacts, exist_ok=True)


class WebSocket:
    def __init__(self, ws_url):
        rest = ws_url[len("ws://"):]
        hostport, path = rest.split("/", 1)
        host, port = hostport.split(":")
        self.sock = socket.create_connection((host, int(port)), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET /{path} HTTP/1.1\r\nHost: {hostport}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                           f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(1)
            if not chunk:
                raise RuntimeError("DevTools closed the connection during the handshake")
            head += chunk
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise RuntimeError(f"DevTools refused the WebSocket: {head!r}")

    def send(self, text):
        data = text.encode()
        header = bytearray([0x81])
        if len(data) < 126:
            header.append(0x80 | len(data))
        elif len(data) < 65536:
            header.append(0x80 | 126); header += struct.pack("!H", len(data))
        else:
            header.append(0x80 | 127); header += struct.pack("!Q", len(data))
        mask = os.urandom(4)
        self.sock.sendall(bytes(header) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def _exact(self, n):
        out = b""
        while len(out) < n:
            chunk = self.sock.recv(n - len(out))
            if not chunk:
                raise RuntimeError("DevTools closed the connection")
            out += chunk
        return out

    def receive(self):
        message = b""
        while True:
            first, second = self._exact(2)
            length = second & 0x7F
            if length == 126:
                length = struct.unpack("!H", self._exact(2))[0]
            elif length == 127:
                length = struct.unpack("!Q", self._exact(8))[0]
            payload = self._exact(length)
            opcode = first & 0x0F
            if opcode == 8:
                raise RuntimeError("DevTools closed the WebSocket")
            if opcode in (1, 0):
                message += payload
                if first & 0x80:
                    return message.decode()


class Page:
    def __init__(self, ws_url):
        self.ws = WebSocket(ws_url)
        self.next_id = 0
        self.events = []

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.receive())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for_event(self, name, timeout=20):
        deadline = time.time() + timeout
        while time.time() < deadline:
            for i, event in enumerate(self.events):
                if event.get("method") == name:
                    del self.events[: i + 1]
                    return event
            self.events.append(json.loads(self.ws.receive()))
        raise RuntimeError(f"no {name} within {timeout} s")

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def goto(self, address):
        self.events.clear()
        self.call("Page.navigate", url=address)
        self.wait_for_event("Page.loadEventFired")

    def after_navigation(self, action):
        self.events.clear()
        action()
        self.wait_for_event("Page.loadEventFired")

    def press_enter(self):
        for kind in ("keyDown", "keyUp"):
            self.call("Input.dispatchKeyEvent", type=kind, key="Enter", code="Enter", windowsVirtualKeyCode=13,
                      nativeVirtualKeyCode=13, **({"text": "\r"} if kind == "keyDown" else {}))

    def screenshot(self, name):
        data = self.call("Page.captureScreenshot", format="png")["data"]
        with open(os.path.join(artifacts, name), "wb") as file:
            file.write(base64.b64decode(data))


def expect(condition, message):
    if not condition:
        raise SystemExit(f"dashboard-browser: {message}")


browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
expect(browser, "no Chromium on the PATH")
profile = tempfile.mkdtemp()
process = subprocess.Popen([browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--no-first-run", "--remote-debugging-port=0", f"--user-data-dir={profile}",
                            "--window-size=1280,900", "about:blank"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    port_file = os.path.join(profile, "DevToolsActivePort")
    for _ in range(300):
        if os.path.exists(port_file) and open(port_file).read().strip():
            break
        time.sleep(0.1)
    devtools = int(open(port_file).read().split()[0])
    targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{devtools}/json/list"))
    page = Page(next(t for t in targets if t["type"] == "page")["webSocketDebuggerUrl"])
    page.call("Page.enable")
    page.call("Runtime.enable")

    # The overview lists the demo's functions.
    page.goto(url + "/")
    expect(page.evaluate("document.title") == "Overview · Inngest dashboard", "the overview did not load")
    expect("process-order" in page.evaluate("document.body.innerText"), "the overview does not list process-order")
    page.screenshot("dashboard-overview.png")

    # Send an order that fails (no items: a NonRetriableError) through the form.
    page.goto(url + "/send")
    order = json.dumps({"orderId": "browser-1", "customer": "c-browser", "items": [], "totalCents": 0})
    page.evaluate(f"""(() => {{ const f = document.querySelector('form[action="/send"]');
        f.name.value = 'shop/order.placed'; f.data.value = {json.dumps(order)}; f.data.focus(); }})()""")
    page.screenshot("dashboard-send.png")
    page.after_navigation(lambda: page.evaluate("document.querySelector('form[action=\"/send\"] button[type=submit]').focus()") or page.press_enter())
    text = page.evaluate("document.body.innerText")
    expect("Sent: event" in text, f"the send form did not confirm the event: {page.evaluate('location.href')} {text[:400]}")

    # Find it among the failed runs (the engine runs it within moments).
    run_link = None
    for _ in range(100):
        page.goto(url + "/runs?status=failed&function=process-order")
        run_link = page.evaluate("(() => { const a = document.querySelector('main table a[href^=\"/runs/\"]'); return a && a.getAttribute('href'); })()")
        if run_link:
            break
        time.sleep(0.2)
    expect(run_link, "no failed run of process-order appeared")
    page.screenshot("dashboard-failed-runs.png")
    page.after_navigation(lambda: page.evaluate(f"document.querySelector('a[href=\"{run_link}\"]').click()"))
    text = page.evaluate("document.body.innerText")
    expect("is empty" in text and "failed" in text, f"the failed run's page does not show its error: {text[:400]}")
    page.screenshot("dashboard-failed-run.png")

    # Replay it with the keyboard: focus the button, press Enter.
    page.evaluate("document.querySelector('form[action$=\"/replay\"] button').focus()")
    page.after_navigation(page.press_enter)
    text = page.evaluate("document.body.innerText")
    expect("Queued: a replay of " + run_link.split("/")[-1] in text, f"the replay was not confirmed: {text[:400]}")
    page.screenshot("dashboard-replayed.png")
    print(f"dashboard-browser: found failed run {run_link.split('/')[-1]}, replayed it; screenshots in {artifacts}")
finally:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
    shutil.rmtree(profile, ignore_errors=True)
