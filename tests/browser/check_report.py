#!/usr/bin/env python3
"""Opens a report.html in Debian's real Chromium, headless, and checks what a planner would see.

Drives chromium through chromedriver's WebDriver HTTP API with the standard library only (no
selenium: nothing to install beyond `make deps`). Fails, with every reason found, when:
  - the file has a <script>, or refers to anything on the network (src, href, CSS url or @import
    to http(s) or //), or the browser fetched a resource from the network;
  - the browser's console logs a SEVERE entry (a JavaScript error, a resource that failed to load);
  - a figure.chart has no svg, an svg of zero width or height as laid out, no <title> or no text
    (its axis labels), or no id, or an id used twice;
  - --expect-charts N and the page has another number of charts, or fewer than --min-charts N; --expect-ids a,b and one is missing;
  - --max-load-ms or --max-bytes is exceeded.
Saves a full-page PNG screenshot when --screenshot PATH is given, and prints one line:
  report.html: 9 charts, load 142 ms, 183,402 bytes: ok

Exit 0 when every check passes, 1 when one fails, 2 on wrong usage or when the browser cannot be
driven (no chromium, chromedriver that does not start). Always ends the chromedriver and chromium it
started, and never waits forever: every HTTP call has a timeout, and the whole check --timeout.

Usage: check_report.py REPORT.html [--screenshot OUT.png] [--expect-charts N | --min-charts N]
                       [--expect-ids a,b,c] [--max-load-ms MS] [--max-bytes N] [--timeout S]
"""

import argparse
import base64
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

HTTP_TIMEOUT_S = 30
WINDOW_WIDTH = 1280
WINDOW_HEIGHT = 1024


class BrowserError(Exception):
    """The browser could not be driven: not a verdict on the page (exit 2)."""


class Timeout(Exception):
    pass


# --- the file itself ------------------------------------------------------------------------------

# A reference to the network: an attribute or CSS url naming http(s):// or a scheme-relative //.
# The svg namespace (xmlns="http://www.w3.org/2000/svg") is a name, not a reference, and is allowed.
EXTERNAL = [
    re.compile(r"""\b(?:src|href|xlink:href|srcset|poster|data|action)\s*=\s*["']?\s*(?:https?:)?//""", re.I),
    re.compile(r"""url\(\s*["']?\s*(?:https?:)?//""", re.I),
    re.compile(r"""@import\b""", re.I),
]


def check_file(text):
    problems = []
    if re.search(r"<script\b", text, re.I):
        problems.append("the page has a <script> (a report must work with no script)")
    for pattern in EXTERNAL:
        match = pattern.search(text)
        if match:
            line = text.count("\n", 0, match.start()) + 1
            problems.append(f"line {line}: a reference outside the file: {match.group(0).strip()!r}")
    return problems


# --- WebDriver over HTTP --------------------------------------------------------------------------

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Driver:
    def __init__(self, port):
        self.base = f"http://127.0.0.1:{port}"
        self.session = None

    def call(self, method, path, body=None):
        url = self.base + (f"/session/{self.session}" if self.session else "") + path
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(url, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=HTTP_TIMEOUT_S) as response:
                return json.loads(response.read() or b"{}").get("value")
        except urllib.error.HTTPError as e:
            try:
                value = json.loads(e.read()).get("value", {})
                why = f"{value.get('error')}: {value.get('message', '').splitlines()[0]}"
            except (ValueError, AttributeError, IndexError):
                why = str(e)
            raise BrowserError(f"chromedriver {method} {path or '/'}: {why}") from None
        except (urllib.error.URLError, OSError) as e:
            raise BrowserError(f"chromedriver {method} {path or '/'}: {e}") from None

    def script(self, source, *args):
        return self.call("POST", "/execute/sync", {"script": source, "args": list(args)})


def start_chromedriver(chromedriver, port, log_path):
    log = open(log_path, "wb")
    # Its own process group, so that chromium, which it starts, ends with it.
    process = subprocess.Popen([chromedriver, f"--port={port}"], stdout=log, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL, start_new_session=True)
    log.close()
    driver = Driver(port)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BrowserError(f"chromedriver exited with {process.returncode} before it was ready "
                               f"(its log: {log_path})")
        try:
            with urllib.request.urlopen(driver.base + "/status", timeout=2) as response:
                if json.loads(response.read())["value"].get("ready"):
                    return process, driver
        except (OSError, ValueError, KeyError):
            pass
        time.sleep(0.1)
    raise BrowserError(f"chromedriver did not answer on port {port} within 20 s (its log: {log_path})")


def stop(process, driver):
    if driver is not None and driver.session:
        try:
            driver.call("DELETE", "")
        except (BrowserError, Timeout):
            pass
        driver.session = None
    if process is not None and process.poll() is None:
        for sig, wait in ((signal.SIGTERM, 3), (signal.SIGKILL, 3)):
            try:
                os.killpg(process.pid, sig)
            except ProcessLookupError:
                break
            try:
                process.wait(timeout=wait)
                break
            except subprocess.TimeoutExpired:
                continue
    if process is not None:
        # Chromium's helpers left in the group after chromedriver itself exited.
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def new_session(driver, chromium, profile):
    args = ["--headless=new", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--no-default-browser-check", "--hide-scrollbars", f"--user-data-dir={profile}",
            f"--window-size={WINDOW_WIDTH},{WINDOW_HEIGHT}"]
    if os.geteuid() == 0:
        args.append("--no-sandbox")  # chromium refuses to run as root with its sandbox
    capabilities = {"browserName": "chrome", "pageLoadStrategy": "normal",
                    "goog:chromeOptions": {"binary": chromium, "args": args},
                    "goog:loggingPrefs": {"browser": "ALL"}}
    value = driver.call("POST", "/session", {"capabilities": {"alwaysMatch": capabilities}})
    driver.session = value["sessionId"]
    driver.call("POST", "/timeouts", {"pageLoad": HTTP_TIMEOUT_S * 1000, "script": HTTP_TIMEOUT_S * 1000})


# --- the page as the browser shows it -------------------------------------------------------------

CHARTS_JS = """
const charts = [];
for (const figure of document.querySelectorAll('figure.chart')) {
  const svg = figure.querySelector('svg');
  const box = svg ? svg.getBoundingClientRect() : null;
  charts.push({
    id: figure.id || '',
    svg: !!svg,
    width: box ? box.width : 0,
    height: box ? box.height : 0,
    title: svg ? (svg.querySelector('title') || {}).textContent || '' : '',
    texts: svg ? svg.querySelectorAll('text').length : 0,
  });
}
return charts;
"""

TIMING_JS = """
const nav = performance.getEntriesByType('navigation')[0];
const loaded = nav ? nav.loadEventEnd - nav.startTime : -1;
const fetched = performance.getEntriesByType('resource').map(r => r.name);
return {load_ms: loaded, fetched: fetched, ready: document.readyState,
        scroll_height: document.documentElement.scrollHeight,
        scroll_width: document.documentElement.scrollWidth,
        chrome_height: window.outerHeight - window.innerHeight};
"""


def check_charts(charts, expect_count, min_count, expect_ids):
    problems = []
    seen = set()
    for n, chart in enumerate(charts, 1):
        name = f"chart {n} (id '{chart['id']}')" if chart["id"] else f"chart {n}"
        if not chart["id"]:
            problems.append(f"{name}: figure.chart has no id")
        elif chart["id"] in seen:
            problems.append(f"{name}: the id is used by another chart too")
        seen.add(chart["id"])
        if not chart["svg"]:
            problems.append(f"{name}: no <svg> in the figure")
            continue
        if chart["width"] <= 0 or chart["height"] <= 0:
            problems.append(f"{name}: drawn {chart['width']:g} x {chart['height']:g} px, not visible")
        if not chart["title"].strip():
            problems.append(f"{name}: the svg has no <title>")
        if chart["texts"] == 0:
            problems.append(f"{name}: the svg has no text (no axis label)")
    if expect_count is not None and len(charts) != expect_count:
        problems.append(f"{len(charts)} charts, expected {expect_count}")
    if min_count is not None and len(charts) < min_count:
        problems.append(f"{len(charts)} charts, expected at least {min_count}")
    for wanted in expect_ids:
        if wanted not in seen:
            problems.append(f"no chart with id '{wanted}'")
    return problems


def console_errors(driver):
    for path in ("/se/log", "/log"):
        try:
            entries = driver.call("POST", path, {"type": "browser"})
            break
        except BrowserError:
            continue
    else:
        raise BrowserError("chromedriver gives no browser log (tried /se/log and /log)")
    return [f"console {e.get('level')}: {e.get('message')}" for e in entries or []
            if e.get("level") == "SEVERE"]


def screenshot(driver, timing, path):
    # The window as tall as the page, so that one viewport screenshot holds all of it.
    height = int(timing["scroll_height"]) + max(0, int(timing["chrome_height"]))
    width = max(WINDOW_WIDTH, int(timing["scroll_width"]))
    driver.call("POST", "/window/rect", {"width": width, "height": min(height, 32000)})
    png = base64.b64decode(driver.call("GET", "/screenshot"))
    with open(path, "wb") as out:
        out.write(png)


def check_in_browser(report, args, chromium, chromedriver):
    workdir = tempfile.mkdtemp(prefix="check-report-")
    process = driver = None
    try:
        process, driver = start_chromedriver(chromedriver, free_port(), os.path.join(workdir, "chromedriver.log"))
        new_session(driver, chromium, os.path.join(workdir, "profile"))
        driver.call("POST", "/url", {"url": "file://" + report})
        timing = driver.script(TIMING_JS)
        if timing["ready"] != "complete":
            raise BrowserError(f"the page is still '{timing['ready']}' after navigation")
        problems = console_errors(driver)
        for url in timing["fetched"]:
            if re.match(r"(https?:)?//", url):
                problems.append(f"the browser fetched {url} from the network")
        charts = driver.script(CHARTS_JS)
        problems += check_charts(charts, args.expect_charts, args.min_charts, args.expect_ids)
        if args.screenshot:
            screenshot(driver, timing, args.screenshot)
        return problems, len(charts), timing["load_ms"]
    finally:
        stop(process, driver)
        shutil.rmtree(workdir, ignore_errors=True)


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", help="the report.html to open")
    parser.add_argument("--screenshot", metavar="PNG", help="save a full-page screenshot there")
    parser.add_argument("--expect-charts", type=int, metavar="N", help="exactly this many figure.chart")
    parser.add_argument("--min-charts", type=int, metavar="N", help="at least this many figure.chart")
    parser.add_argument("--expect-ids", default="", metavar="A,B", help="chart ids that must be there")
    parser.add_argument("--max-load-ms", type=float, metavar="MS", help="fail when loading takes longer")
    parser.add_argument("--max-bytes", type=int, metavar="N", help="fail when the file is larger")
    parser.add_argument("--timeout", type=float, default=120, metavar="S", help="the whole check (default 120)")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument("--chromedriver", default=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    args = parser.parse_args(argv)
    args.expect_ids = [i for i in args.expect_ids.split(",") if i]
    return args


def main(argv):
    args = parse_args(argv)
    report = os.path.abspath(args.report)
    name = os.path.basename(report)
    if not os.path.isfile(report):
        print(f"check_report: {args.report}: no such file", file=sys.stderr)
        return 2
    for tool in (args.chromium, args.chromedriver):
        if not (os.path.isfile(tool) and os.access(tool, os.X_OK)):
            print(f"check_report: {tool} not found: `make deps` installs chromium and chromium-driver",
                  file=sys.stderr)
            return 2

    def on_alarm(signum, frame):
        raise Timeout()

    signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, args.timeout)
    try:
        with open(report, encoding="utf-8", errors="replace") as f:
            text = f.read()
        size = os.path.getsize(report)
        problems = check_file(text)
        if args.max_bytes is not None and size > args.max_bytes:
            problems.append(f"{size:,} bytes, more than the {args.max_bytes:,} allowed")
        browser_problems, charts, load_ms = check_in_browser(report, args, args.chromium, args.chromedriver)
        problems += browser_problems
        if args.max_load_ms is not None and load_ms > args.max_load_ms:
            problems.append(f"loaded in {load_ms:.0f} ms, more than the {args.max_load_ms:.0f} ms allowed")
    except Timeout:
        print(f"check_report: {name}: not done within {args.timeout:g} s (chromium and chromedriver ended)",
              file=sys.stderr)
        return 2
    except BrowserError as e:
        print(f"check_report: {name}: {e}", file=sys.stderr)
        return 2
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    for problem in problems:
        print(f"{name}: FAIL: {problem}")
    verdict = "FAIL" if problems else "ok"
    print(f"{name}: {charts} charts, load {load_ms:.0f} ms, {size:,} bytes: {verdict}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
