#!/usr/bin/env python3
"""Baseline: FFmpeg as an RTSP client (no decoding, no display) copies the H.264 stream to a pipe; each send-time
SEI is timed when its bytes arrive here. Prints p50/p95/max of (arrival - camera send) in ms as JSON.

usage: sei_latency.py RTSP_URL WARMUP_S DURATION_S LABEL
"""
import json
import re
import subprocess
import sys
import time

STAMP = re.compile(rb"PantauSendTimeMs(\d{13})")


def main():
    url, warmup_s, duration_s, label = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
    ff = subprocess.Popen(["ffmpeg", "-v", "error", "-rtsp_transport", "tcp", "-fflags", "nobuffer", "-i", url,
                           "-c", "copy", "-an", "-f", "h264", "-flush_packets", "1", "pipe:1"],
                          stdout=subprocess.PIPE, bufsize=0)
    start = time.time()
    samples, tail = [], b""
    try:
        while time.time() - start < warmup_s + duration_s:
            chunk = ff.stdout.read(65536)
            now_ms = time.time() * 1000
            if not chunk:
                break
            data = tail + chunk
            if time.time() - start >= warmup_s:
                samples += [now_ms - int(m.group(1)) for m in STAMP.finditer(data)]
            tail = data[-40:]  # a stamp cut between two reads is found whole in the next
            # a stamp wholly inside the kept tail would be counted twice: drop it from the tail
            last = None
            for m in STAMP.finditer(data):
                last = m
            if last is not None and last.end() > len(data) - 40:
                tail = data[last.end():]
    finally:
        ff.terminate()
        ff.wait(10)
    s = sorted(samples)
    pick = lambda p: round(s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))], 1) if s else None
    print(json.dumps({"label": label, "frames": len(s), "p50": pick(50), "p95": pick(95), "max": pick(100)}))


if __name__ == "__main__":
    main()
