#!/usr/bin/python3
"""Frames per second per camera that MotionAnalysisMain decoded and analysed within a window, from its TOTAL lines
(one a second: wall_ms, decoded, analysed; counters since start). A camera that cannot keep up (the machine is
busy) decodes fewer than its 25 fps, so CPU figures are read beside these rates.

Usage: window_rate.py LOG FROM_MS TO_MS CAMERAS
"""
import re
import sys

log, from_ms, to_ms, cameras = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
points = []
with open(log) as f:
    for line in f:
        m = re.match(r"TOTAL wall_ms=(\d+) decoded=(\d+) analysed=(\d+)", line)
        if m:
            points.append(tuple(int(g) for g in m.groups()))
inside = [p for p in points if from_ms <= p[0] <= to_ms]
if len(inside) < 2:
    print("decoded_fps_per_camera=? analysed_fps_per_camera=? (no TOTAL lines in the window)")
    sys.exit(0)
first, last = inside[0], inside[-1]
seconds = (last[0] - first[0]) / 1000.0
print("decoded_fps_per_camera=%.2f analysed_fps_per_camera=%.2f over=%.1fs" % (
    (last[1] - first[1]) / seconds / cameras, (last[2] - first[2]) / seconds / cameras, seconds))
