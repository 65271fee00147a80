#!/usr/bin/env bash
# End-to-end cost of motion analysis: COUNT virtual cameras (each with cam{i}/main 1280x720 and cam{i}/sub
# 640x360, H.264 25 fps, over RTSP/TCP), analysed at 5 fps, measured phase after phase in the same run:
#   pantau:      MotionAnalysisMain, one JVM: per camera the recorder's RTSP client (INGEST=netty, the default;
#                INGEST=ffmpeg for FFmpeg's RTSP demuxer through JavaCV), avcodec decode of the sub-stream, grey
#                320x180 frames at 5 fps, Pantau's detector and event tracker
#   baseline:    COUNT `ffmpeg -rtsp_transport tcp -i SUB -vf fps=5,scale=320:-1 -f null -`: the same decode and
#                downscale with no detection at all
#   main-decode: MAIN_COUNT `ffmpeg ... -i MAIN -vf fps=5,scale=320:-1 -f null -`: a full-rate decode of the main
#                stream, what an NVR without sub-streams does (Pantau then analyses main keyframes only)
#   keyframes:   MotionAnalysisMain on MAIN_COUNT cameras without a sub-stream (keyframes of main only)
# The virtual camera server is measured in each phase (shared load). CPU = utime+stime over the window as a share
# of one core (bench/record/procstat.py). Loopback only, free ports, everything stops by itself.
# SUB=sub (default) serves the sub-stream at 25 fps, as cameras ship; SUB=sub5 serves it at 5 fps (256 kbit/s, 2 s
# GOP), the analysis rate, as analytics deployments set the camera's sub-stream; pantau and baseline both read SUB.
# Usage: bench/motion/run.sh            (COUNT=32 MAIN_COUNT=8 WARMUP=15 DURATION=60 INGEST=netty SUB=sub PHASES="pantau baseline main-decode keyframes")
set -euo pipefail
COUNT=${COUNT:-32}
MAIN_COUNT=${MAIN_COUNT:-8}
WARMUP=${WARMUP:-15}
DURATION=${DURATION:-60}
FPS=${FPS:-5}
INGEST=${INGEST:-netty}
SUB=${SUB:-sub}
PHASES=${PHASES:-pantau baseline main-decode keyframes}
JAVA_OPTS=${JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${WORK:-$ROOT/target/bench-motion}
RESULTS=${RESULTS:-$WORK/results-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$WORK" "$RESULTS"
RESULT_FILE=$RESULTS/results.txt
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
log() { echo "== $(date +%H:%M:%S) $*"; }
wait_ready() { # log-file pid timeout-seconds
  for _ in $(seq 1 "$3"); do
    grep -q '^READY' "$1" 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { echo "process died:"; tail -20 "$1"; return 1; }
    sleep 1
  done
  echo "not ready after $3 s"; tail -20 "$1"; return 1
}
stop() { # pid...: SIGTERM, then wait
  kill -TERM "$@" 2>/dev/null || true
  for pid in "$@"; do wait "$pid" 2>/dev/null || true; done
}
measure() { # label groups...
  local label=$1; shift
  local args=()
  for g in "$@"; do args+=(--group "$g"); done
  python3 "$ROOT/bench/record/procstat.py" --seconds "$DURATION" "${args[@]}" | sed "s/^/phase=$label /" \
      | tee -a "$RESULT_FILE"
}

log "building recorder"
(cd "$ROOT" && mvn -B -q ${MVN_FLAGS:-} -pl recorder -am compile dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt >"$RESULTS/build.log" 2>&1) || { tail -30 "$RESULTS/build.log"; exit 1; }
CLASSPATH="$ROOT/recorder/target/classes:$ROOT/storage/target/classes:$(cat "$ROOT/recorder/target/classpath.txt")"
JAVA_COMMON=(-Dorg.bytedeco.javacpp.cachedir="$ROOT/target/javacpp-cache"
    -Dlogback.configurationFile="$ROOT/bench/record/logback.xml" -cp "$CLASSPATH")
{
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "cameras: $COUNT (main-decode and keyframes phases: $MAIN_COUNT); analysis ${FPS} fps; sub-stream mount $SUB; ingest $INGEST; warm-up ${WARMUP}s; window ${DURATION}s"
} | tee "$RESULTS/environment.txt"

vc_port=$(free_port)
java -Xmx256m "${JAVA_COMMON[@]}" id.pantau.recorder.virtualcam.VirtualCameraMain 127.0.0.1 "$vc_port" "$COUNT" \
    "$WORK/media" "main,$SUB" >"$RESULTS/virtualcam.log" 2>&1 &
vc_pid=$!
PIDS+=("$vc_pid")
wait_ready "$RESULTS/virtualcam.log" "$vc_pid" 600
url() { echo "rtsp://127.0.0.1:$vc_port/cam$1/$2"; }

run_pantau() { # label count with-sub(1/0)
  local label=$1 n=$2 sub=$3
  for i in $(seq 1 "$n"); do
    if [ "$sub" = 1 ]; then echo "cam$i $(url "$i" main) $(url "$i" "$SUB")"; else echo "cam$i $(url "$i" main)"; fi
  done >"$RESULTS/cameras-$label.txt"
  log "$label: $n cameras, ingest $INGEST; load $(cut -d' ' -f1-3 /proc/loadavg)"
  MALLOC_ARENA_MAX=2 java $JAVA_OPTS "${JAVA_COMMON[@]}" id.pantau.recorder.motion.MotionAnalysisMain \
      "$RESULTS/cameras-$label.txt" "$WORK/scratch" "$FPS" "$INGEST" >"$RESULTS/$label.log" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  wait_ready "$RESULTS/$label.log" "$pid" 120
  sleep "$WARMUP"
  local from_ms
  from_ms=$(date +%s%3N)
  measure "$label" "$label=$pid" "vcam=$vc_pid"
  python3 "$HERE/window_rate.py" "$RESULTS/$label.log" "$from_ms" "$(date +%s%3N)" "$n" \
      | sed "s/^/phase=$label /" | tee -a "$RESULT_FILE"
  stop "$pid"
  grep '^SUMMARY camera=total' "$RESULTS/$label.log" | sed "s/^SUMMARY/phase=$label/" | tee -a "$RESULT_FILE"
}

run_ffmpeg() { # label count stream
  local label=$1 n=$2 stream=$3 pids=()
  log "$label: $n ffmpeg processes on $stream; load $(cut -d' ' -f1-3 /proc/loadavg)"
  for i in $(seq 1 "$n"); do
    /usr/bin/ffmpeg -nostdin -loglevel error -rtsp_transport tcp -i "$(url "$i" "$stream")" \
        -vf "fps=$FPS,scale=320:-1" -f null - 2>>"$RESULTS/ffmpeg-$label.log" &
    pids+=("$!")
  done
  PIDS+=("${pids[@]}")
  sleep "$WARMUP"
  measure "$label" "$label=$(IFS=,; echo "${pids[*]}")" "vcam=$vc_pid"
  stop "${pids[@]}"
}

for phase in $PHASES; do
  case $phase in
    pantau) run_pantau pantau "$COUNT" 1 ;;
    baseline) run_ffmpeg baseline "$COUNT" "$SUB" ;;
    main-decode) run_ffmpeg main-decode "$MAIN_COUNT" main ;;
    keyframes) run_pantau keyframes "$MAIN_COUNT" 0 ;;
    *) echo "unknown phase $phase"; exit 2 ;;
  esac
done
log "results in $RESULT_FILE"
cat "$RESULT_FILE"
