#!/usr/bin/env bash
# Benchmark of the virtual cameras: COUNT mounts of the 720p25 ~2 Mbit/s H.264 clip, one RTSP/TCP client per
# mount (a light Python client that drains and counts RTP), server CPU (utime+stime over the window, as a share
# of one core) and RSS from /proc. Baseline in the same run: GStreamer's rtsp-server serving the same video
# (as MP4) at COUNT paths to the same client. Loopback only; everything stops by itself.
#
# Usage: bench/virtualcam/run.sh            (COUNT=200 WARMUP=10 DURATION=60 by default)
#        COUNT=50 DURATION=20 BASELINE=0 bench/virtualcam/run.sh
set -euo pipefail

COUNT=${COUNT:-200}
WARMUP=${WARMUP:-10}
DURATION=${DURATION:-60}
BASELINE=${BASELINE:-1}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PORT=${PORT:-$(free_port)}
BASELINE_PORT=${BASELINE_PORT:-$(free_port)}
JAVA_OPTS=${JAVA_OPTS:--Xmx256m}

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=$ROOT/target/bench-virtualcam
mkdir -p "$WORK"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

wait_ready() { # log-file pid timeout-seconds
  for _ in $(seq 1 "$3"); do
    grep -q '^READY' "$1" 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { echo "server died:"; tail -20 "$1"; return 1; }
    sleep 1
  done
  echo "server not ready after $3 s"; tail -20 "$1"; return 1
}

echo "== building recorder"
(cd "$ROOT" && mvn -B -q -pl recorder -am compile dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt >"$WORK/build.log" 2>&1) || { tail -30 "$WORK/build.log"; exit 1; }
CLASSPATH="$ROOT/recorder/target/classes:$ROOT/storage/target/classes:$(cat "$ROOT/recorder/target/classpath.txt")"

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "== $COUNT streams, warm-up ${WARMUP}s, window ${DURATION}s"
RESULTS=()

echo "== starting virtual camera server (java $JAVA_OPTS)"
java $JAVA_OPTS -Dorg.bytedeco.javacpp.cachedir="$ROOT/target/javacpp-cache" -cp "$CLASSPATH" \
    id.pantau.recorder.virtualcam.VirtualCameraMain 127.0.0.1 "$PORT" "$COUNT" "$WORK/media" main \
    >"$WORK/virtualcam.log" 2>&1 &
VC_PID=$!
PIDS+=("$VC_PID")
wait_ready "$WORK/virtualcam.log" "$VC_PID" 600
RESULTS+=("$(python3 "$HERE/rtsp_drain_client.py" --port "$PORT" --count "$COUNT" --server-pid "$VC_PID" \
    --warmup "$WARMUP" --seconds "$DURATION" --label "pantau-virtualcam")")
kill "$VC_PID"; wait "$VC_PID" 2>/dev/null || true

if [ "$BASELINE" = 1 ]; then
  MEDIA=$(ls "$WORK"/media/main-1280x720-20s.h264)
  REPEATS=$(( (WARMUP + DURATION + 60) / 20 + 1 ))
  MP4="$WORK/main-1280x720-$((REPEATS * 20))s.mp4"
  if [ ! -f "$MP4" ]; then
    echo "== muxing $REPEATS loops of the clip into $MP4 for GStreamer (no re-encoding)"
    for _ in $(seq 1 "$REPEATS"); do cat "$MEDIA"; done >"$WORK/long.h264"
    ffmpeg -v error -y -framerate 25 -i "$WORK/long.h264" -c copy -movflags +faststart "$MP4.part.mp4"
    mv "$MP4.part.mp4" "$MP4"; rm -f "$WORK/long.h264"
  fi
  echo "== starting GStreamer rtsp-server baseline"
  /usr/bin/python3 "$HERE/gst_rtsp_baseline.py" "$BASELINE_PORT" "$COUNT" "$MP4" >"$WORK/gstreamer.log" 2>&1 &
  GST_PID=$!
  PIDS+=("$GST_PID")
  wait_ready "$WORK/gstreamer.log" "$GST_PID" 60
  RESULTS+=("$(python3 "$HERE/rtsp_drain_client.py" --port "$BASELINE_PORT" --count "$COUNT" \
      --server-pid "$GST_PID" --warmup "$WARMUP" --seconds "$DURATION" --label "gstreamer-rtsp-server")")
  kill "$GST_PID"; wait "$GST_PID" 2>/dev/null || true
fi

echo
printf '%-24s %8s %7s %12s %10s %14s %12s %9s %9s %11s\n' server streams closed "cpu(%core)" "rss(MiB)" \
    "peak-rss(MiB)" "rx(Mbit/s)" "fps-avg" "fps-min" "client-cpu"
for row in "${RESULTS[@]}"; do
  python3 - "$row" <<'PY'
import re, sys
row = sys.argv[1]
v = dict(re.findall(r"(\w+)=([\d.]+)", row))
print("%-24s %8s %7s %12s %10s %14s %12s %9s %9s %11s" % (row.split()[0], v["streams"], v["closed"],
      v["server_cpu"], v["server_rss"], v["server_peak_rss"], v["rx"], v["fps_avg"], v["fps_min"],
      v["client_cpu"] + "%"))
PY
done
