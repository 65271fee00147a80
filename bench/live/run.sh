#!/usr/bin/env bash
# Live view benchmark: glass-to-glass latency, time to first frame and CPU per viewer, measured with headless
# Chromium on the live wall, against FFmpeg reading the same camera straight and through the RTSP restream.
#   camera:   the app's demo virtual camera (H.264 640x360 sub stream, 25 fps, 2 s GOP) with
#             VIRTUALCAM_STAMP_SEND_TIME=1: every frame carries System.currentTimeMillis() at send in an SEI
#   server:   the packaged app (java -jar), embedded H2 and S3, recorder on (the live feed is the recorder's tap)
#   browser:  Chromium 1 tile, then 16 tiles of the same camera (16 live sockets); probe.js times each frame
#             shown by requestVideoFrameCallback (expectedDisplayTime) minus its SEI send time
#   baseline: sei_latency.py, ffmpeg -c copy reading (a) the virtual camera itself, (b) the restream; arrival only
# The sub stream is not recorded: the restream baseline opens its live feed and linger=10m keeps it open, so the
# browser phases start from a warm feed with a cached GOP (as any recorded stream always is).
# Usage: bench/live/run.sh       (WARMUP=5 DURATION=30 VIEWERS="1 16"; BUILD=0 reuses web/target's jar)
set -euo pipefail
WARMUP=${WARMUP:-5}
DURATION=${DURATION:-30}
VIEWERS=${VIEWERS:-1 16}
BUILD=${BUILD:-1}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=$(mktemp -d /tmp/pantau-bench-live-XXXXXX)
RESULTS=${RESULTS:-$ROOT/target/bench-live/results-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$RESULTS"
PASSWORD=bench-live-$RANDOM-$RANDOM
SERVER_PID=
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
log() { echo "== $(date +%H:%M:%S) $*"; }

if [ "$BUILD" = 1 ]; then
  log "packaging the app"
  (cd "$ROOT" && mvn -B -o -q -pl web -am package -DskipTests > "$RESULTS/build.log" 2>&1)
fi
JAR=$ROOT/web/target/pantau.jar
HTTP_PORT=$(free_port); RTSP_PORT=$(free_port); CAM_PORT=$(free_port)
log "starting $JAR on :$HTTP_PORT (restream :$RTSP_PORT, virtual camera :$CAM_PORT)"
VIRTUALCAM_STAMP_SEND_TIME=1 java -Xmx512m -jar "$JAR" --server.address=127.0.0.1 --server.port="$HTTP_PORT" \
  --vms.data-dir="$WORK/data" --vms.storage.embedded-s3.port=0 --vms.security.admin-password="$PASSWORD" \
  --vms.demo.enabled=true --vms.demo.cameras=1 --vms.demo.rtsp-port="$CAM_PORT" \
  --vms.demo.media-dir="$ROOT/web/target/media" \
  --vms.live.rtsp-port="$RTSP_PORT" --vms.live.bind-address=127.0.0.1 --vms.live.linger=10m > "$RESULTS/server.log" 2>&1 &
SERVER_PID=$!
for i in $(seq 1 600); do # start-up takes minutes on a loaded 2-core machine
  curl -sf "http://127.0.0.1:$HTTP_PORT/actuator/health" > /dev/null 2>&1 && break
  kill -0 "$SERVER_PID" || { tail -30 "$RESULTS/server.log"; exit 1; }
  [ "$i" = 600 ] && { echo "server not healthy after 600 s"; exit 1; }
  sleep 1
done
sleep 5 # the recorder connects to the camera
VIEWER=bench-operator
VIEWER_PASSWORD=bench-viewer-$RANDOM-$RANDOM
python3 "$HERE/bench_user.py" "http://127.0.0.1:$HTTP_PORT" "$PASSWORD" "$VIEWER" "$VIEWER_PASSWORD" OPERATOR

{
  echo "date: $(date -u +%FT%TZ)  host: $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "chromium: $(chromium --version 2>/dev/null)  ffmpeg: $(ffmpeg -version | head -1 | cut -d' ' -f3)"
} | tee "$RESULTS/results.txt"

log "server CPU with no viewer (recording only)"
python3 -c "
import sys, time; sys.path.insert(0, '$HERE'); from procstat import cpu_seconds
a = cpu_seconds([$SERVER_PID]); t = time.time(); time.sleep($DURATION)
print('{\"label\": \"idle-server\", \"server_cpu_pct\": %.1f}' % (100 * (cpu_seconds([$SERVER_PID]) - a) / (time.time() - t)))
" | tee -a "$RESULTS/results.txt"

log "baseline: ffmpeg reading the virtual camera, then the restream"
python3 "$HERE/sei_latency.py" "rtsp://127.0.0.1:$CAM_PORT/cam1/sub" "$WARMUP" "$DURATION" camera-direct \
  | tee -a "$RESULTS/results.txt"
python3 "$HERE/sei_latency.py" "rtsp://$VIEWER:$VIEWER_PASSWORD@127.0.0.1:$RTSP_PORT/demo-1/sub" "$WARMUP" "$DURATION" \
  restream | tee -a "$RESULTS/results.txt"

for n in $VIEWERS; do
  log "browser: $n viewer(s)"
  python3 "$HERE/live_bench.py" "http://127.0.0.1:$HTTP_PORT" "$VIEWER" "$VIEWER_PASSWORD" demo-1 "$n" "$WARMUP" "$DURATION" \
    "$SERVER_PID" "$RESULTS/browser-$n.json" | tee -a "$RESULTS/results.txt"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULTS/results.txt"
log "results in $RESULTS"
