#!/usr/bin/env python3
"""Drives headless Chromium (through chromedriver's WebDriver HTTP API, stdlib only) on Pantau's live wall and
reports glass-to-glass latency, time to first frame and CPU per viewer. See README.md.

usage: live_bench.py BASE_URL USER PASSWORD CAMERA VIEWERS WARMUP_S DURATION_S SERVER_PID OUT_JSON
"""
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request

from procstat import cpu_seconds, descendants

HERE = os.path.dirname(os.path.abspath(__file__))


class WebDriver:
    def __init__(self, port, profile):
        self.base = f"http://127.0.0.1:{port}"
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": "/usr/bin/chromium",
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-first-run", "--mute-audio",
                     "--autoplay-policy=no-user-gesture-required", "--window-size=1600,1000",
                     "--user-data-dir=" + profile]}}}}
        self.session = self.call("POST", "/session", caps)["sessionId"]

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=120) as r:
            return json.loads(r.read() or b"{}").get("value")

    def s(self, method, path, body=None):
        return self.call(method, f"/session/{self.session}{path}", body)

    def get(self, url):
        self.s("POST", "/url", {"url": url})

    def js(self, script, *args):
        return self.s("POST", "/execute/sync", {"script": script, "args": list(args)})

    def element(self, css):
        e = self.s("POST", "/element", {"using": "css selector", "value": css})
        return next(iter(e.values()))

    def type(self, css, text):
        self.s("POST", f"/element/{self.element(css)}/value", {"text": text})

    def click(self, css):
        self.s("POST", f"/element/{self.element(css)}/click", {})

    def quit(self):
        self.s("DELETE", "")


def percentile(values, p):
    if not values:
        return None
    v = sorted(values)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]


def wait_for(condition, timeout_s, what):
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise SystemExit(f"timed out: {what}")


def main():
    base, user, password, camera = sys.argv[1:5]
    viewers, warmup_s, duration_s, server_pid = map(int, sys.argv[5:9])
    out = sys.argv[9]
    size = next(s for s in (1, 4, 9, 16) if s >= viewers)
    profile = tempfile.mkdtemp(prefix="pantau-bench-chromium-")
    port = int(subprocess.check_output(["python3", "-c", "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0));"
                                        " print(s.getsockname()[1])"]).decode())
    driver = subprocess.Popen(["/usr/bin/chromedriver", f"--port={port}"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        wait_for(lambda: _up(port), 30, "chromedriver")
        wd = WebDriver(port, profile)
        wd.get(base + "/login")
        wd.type("#username", user)
        wd.type("#password", password)
        wd.click("#sign-in")
        wait_for(lambda: "/login" not in wd.s("GET", "/url"), 30, "sign-in")
        wd.js("localStorage.setItem('pantau.live', JSON.stringify({size: arguments[0], cameras: arguments[1]}));",
              size, [camera] * viewers)
        wd.get(base + "/live")
        wait_for(lambda: wd.js("return window.pantauLive && window.pantauLive.tiles.filter(t => t.cameraId)"
                               ".every(t => t.frames > 0)"), 60, "first frame on every tile")
        first_ms = wd.js("return window.pantauLive.tiles.filter(t => t.cameraId).map(t => t.firstFrameMs)")
        with open(os.path.join(HERE, "probe.js")) as f:
            wd.js(f.read())
        time.sleep(warmup_s)
        wd.js("return window.pantauBench.reset()")
        browser_pids = lambda: [p for p in descendants(driver.pid) if p != driver.pid]
        cpu0 = (cpu_seconds([server_pid]), cpu_seconds(browser_pids()), time.time())
        time.sleep(duration_s)
        cpu1 = (cpu_seconds([server_pid]), cpu_seconds(browser_pids()), time.time())
        r = wd.js("const b = window.pantauBench; return {shown: b.shown, arrival: b.arrival, unmatched: b.unmatched,"
                  " tiles: b.tiles, lag: window.pantauLive.tiles.map(t => Number(t.el.dataset.lagMs || -1))}")
        wd.quit()
    finally:
        driver.terminate()
        driver.wait(10)
    wall = cpu1[2] - cpu0[2]
    shown, arrival = r["shown"], r["arrival"]
    result = {
        "viewers": viewers,
        "window_s": round(wall, 1),
        "frames_shown": sum(t["frames"] for t in r["tiles"]),
        "fps_per_tile": round(sum(t["frames"] for t in r["tiles"]) / wall / viewers, 1),
        "frames_matched": len(shown),
        "frames_unmatched": r["unmatched"],
        "shown_ms": {"p50": percentile(shown, 50), "p95": percentile(shown, 95), "max": max(shown, default=None)},
        "arrival_ms": {"p50": percentile(arrival, 50), "p95": percentile(arrival, 95),
                       "max": max(arrival, default=None)},
        "first_frame_ms": {"p50": percentile(first_ms, 50), "max": max(first_ms)},
        "server_cpu_pct": round(100 * (cpu1[0] - cpu0[0]) / wall, 1),
        "browser_cpu_pct": round(100 * (cpu1[1] - cpu0[1]) / wall, 1),
        "buffer_lag_ms_at_end": r["lag"],
    }
    with open(out, "w") as f:
        json.dump(result, f, indent=1)
    print(json.dumps(result))


def _up(port):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/status", timeout=2)
        return True
    except OSError:
        return False


if __name__ == "__main__":
    main()
