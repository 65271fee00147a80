#!/usr/bin/python3
"""Counts the video frames of recorded MP4 files with ffprobe and compares them with a nominal frame rate.

Per file, expected = (last DTS - first DTS) x FPS + 1: a frame the camera dropped leaves a hole in the
timestamps, so it shows as expected but not recorded. Files are grouped by camera; prints one
'FRAMES camera=... files=... frames=... media_s=... expected=... lost=...' line per camera and a total.

  count_frames.py --fps 25 DIR        files DIR/<camera>-NNN.mp4 (ffmpeg's segment muxer)
  count_frames.py --fps 25 --objects DIR   any */segments/<camera>/.../*.mp4 below DIR (an S3 bucket on disk)
"""
import argparse
import concurrent.futures
import os
import re
import subprocess
import sys


def probe(path):
    out = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "packet=dts_time",
                          "-of", "csv=p=0", path], capture_output=True, text=True)
    times = [float(t) for t in out.stdout.split() if t and t != "N/A"]
    return path, times, out.stderr.strip()


def camera_of(path, objects):
    if objects:
        parts = path.split(os.sep)
        return parts[len(parts) - 1 - parts[::-1].index("segments") + 1]
    return re.sub(r"-\d+\.mp4$", "", os.path.basename(path))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--fps", type=float, default=25)
    parser.add_argument("--objects", action="store_true")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--cameras", type=int, default=0, help="cam1..camN must be there; a missing one loses")
    parser.add_argument("--window-s", type=float, default=0, help="...this many seconds of frames")
    parser.add_argument("dir")
    args = parser.parse_args()
    files = sorted(os.path.join(d, f) for d, _, names in os.walk(args.dir) for f in names if f.endswith(".mp4"))
    if args.objects:
        files = [f for f in files if "segments" in f.split(os.sep)]
    cameras = {}
    errors = 0
    with concurrent.futures.ThreadPoolExecutor(args.workers) as pool:
        for path, times, err in pool.map(probe, files):
            c = cameras.setdefault(camera_of(path, args.objects), [0, 0, 0.0, 0])
            c[0] += 1
            if err or not times:
                errors += 1
                print("unreadable %s: %s" % (path, err[:200]), file=sys.stderr)
                continue
            span = max(times) - min(times)
            c[1] += len(times)
            c[2] += span + 1 / args.fps
            c[3] += round(span * args.fps) + 1
    for i in range(1, args.cameras + 1):
        if "cam%d" % i not in cameras:
            print("no recording of cam%d" % i, file=sys.stderr)
            cameras["cam%d" % i] = [0, 0, 0.0, round(args.window_s * args.fps)]
    total = [0, 0, 0.0, 0, 0]
    for name in sorted(cameras, key=lambda n: (len(n), n)):
        files_n, frames, media, expected = cameras[name]
        lost = max(0, expected - frames)
        print("FRAMES camera=%s files=%d frames=%d media_s=%.2f expected=%d lost=%d" % (
            name, files_n, frames, media, expected, lost))
        for i, v in enumerate((files_n, frames, media, expected, lost)):
            total[i] += v
    print("FRAMES camera=total files=%d frames=%d media_s=%.2f expected=%d lost=%d unreadable=%d" % (
        *total, errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
