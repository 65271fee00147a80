#!/usr/bin/env bash
# Benchmark of the recorder: COUNT virtual cameras (720p25, ~2 Mbit/s H.264, 2 s GOP) recorded for a window,
# side by side in the same run with the way other NVRs record: one `ffmpeg -rtsp_transport tcp -i URL -c copy
# -f segment` process per camera. For each COUNT in COUNTS:
#   pantau:   EmbeddedS3Main (the object store, its own process) + RecorderNodeMain (remux to fMP4 in a spool,
#             upload every segment to S3, verify, index in H2); CPU and memory of the recorder and of the
#             S3 endpoint, measured apart; frames from the recorder's SUMMARY (its index), cross-checked with
#             ffprobe on the stored objects
#   baseline: COUNT ffmpeg processes writing local MP4 segments; CPU and memory summed over the processes;
#             frames counted with ffprobe
# The virtual camera server (shared load) is measured in both. CPU is utime+stime over the window as a share of
# one core; memory is VmRSS at the end of the window, VmHWM (peak) and PSS. Loopback only, free ports, and
# everything stops by itself; recorded data is deleted after each phase (logs and summaries stay in RESULTS).
#
# Usage: bench/record/run.sh                      (COUNTS="16 64 200" WARMUP=15 DURATION=120)
#        COUNTS=16 DURATION=30 PHASES=pantau bench/record/run.sh
#        RECORDER_JAVA_OPTS="-Xmx512m -XX:+UseG1GC" JFR=1 COUNTS=64 bench/record/run.sh
# JFR=1 records a flight recording of the recorder over the window; PERF=1 samples it with `perf record -g`
# (native frames: FFmpeg, libc, kernel; Java frames named through the JVM's perf map) into RESULTS.
set -euo pipefail

COUNTS=${COUNTS:-16 64 200}
WARMUP=${WARMUP:-15}
DURATION=${DURATION:-120}
SEGMENT_SECONDS=${SEGMENT_SECONDS:-60}
PHASES=${PHASES:-pantau baseline floor}
# floor phase: the spool's appends alone (write), with fdatasync (fsync), and with SHA-256 too (sha)
FLOOR_MODES=${FLOOR_MODES:-write fsync sha syncfs}
FLOOR_WARMUP=${FLOOR_WARMUP:-10}
RECORDER_JAVA_OPTS=${RECORDER_JAVA_OPTS:--Xmx384m -XX:+UseSerialGC}
# glibc gives each thread that mallocs its own arena (up to 8 per core); FFmpeg mallocs on every camera thread
RECORDER_MALLOC_ARENA_MAX=${RECORDER_MALLOC_ARENA_MAX:-2}
S3_JAVA_OPTS=${S3_JAVA_OPTS:--Xmx512m -XX:+UseSerialGC}
VC_JAVA_OPTS=${VC_JAVA_OPTS:--Xmx256m}
VERIFY_OBJECTS=${VERIFY_OBJECTS:-1}
JFR=${JFR:-0}
PERF=${PERF:-0}
FPS=25
STREAM_KBIT=2000

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${WORK:-$ROOT/target/bench-record}
RESULTS=${RESULTS:-$WORK/results-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$WORK" "$RESULTS"
RESULT_FILE=$RESULTS/results.txt
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"/pantau-* "$WORK"/baseline-* "$WORK"/floor-*
}
trap cleanup EXIT

source "$HERE/lib.sh"
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
# the kernel's own threads (children of kthreadd): page writeback, the ext4 journal, softirq work; ffmpeg leaves its
# writeback to them, where the recorder's fdatasync does it on its own threads, so both phases report them
kthreads() { ps -e -o pid=,ppid= | awk '$2 == 2 {printf "%s%s", sep, $1; sep = ","}'; }
log() { echo "== $(date +%H:%M:%S) $*"; }

need_space() { # cameras: the recording of one phase must fit, with room to spare
  local need_mib=$(( $1 * STREAM_KBIT / 8 * (WARMUP + DURATION + 60) * 3 / 2 / 1024 ))
  local avail_mib
  avail_mib=$(df -Pm "$WORK" | awk 'NR==2 {print $4}')
  if [ "$avail_mib" -lt "$need_mib" ]; then
    echo "not enough disk in $WORK: ${avail_mib} MiB free, ${need_mib} MiB needed for $1 cameras"; exit 1
  fi
}

measure() { # count label thread-group groups...
  local n=$1 label=$2 threads=$3; shift 3
  local args=()
  for g in "$@"; do args+=(--group "$g"); done
  [ -n "$threads" ] && args+=(--threads "$threads" --threads-out "$RESULTS/threads-$label-$n.txt")
  python3 "$HERE/procstat.py" --seconds "$DURATION" "${args[@]}" | sed "s/^/n=$n /" | tee -a "$RESULT_FILE"
}

log "building recorder"
build_recorder

{
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB"
  echo "java: $(java -version 2>&1 | head -1); ffmpeg: $(/usr/bin/ffmpeg -version | head -1 | cut -d' ' -f1-3)"
  echo "counts: $COUNTS; warm-up ${WARMUP}s; window ${DURATION}s; segments ${SEGMENT_SECONDS}s; phases: $PHASES"
  echo "recorder JVM: $RECORDER_JAVA_OPTS, MALLOC_ARENA_MAX=$RECORDER_MALLOC_ARENA_MAX; S3 endpoint JVM: $S3_JAVA_OPTS; virtual cameras JVM: $VC_JAVA_OPTS"
} | tee "$RESULTS/environment.txt"

run_pantau() { # count vc-pid vc-port
  local n=$1 vc_pid=$2 vc_port=$3 dir=$WORK/pantau-$1
  rm -rf "$dir"; mkdir -p "$dir"
  need_space "$n"
  log "pantau, $n cameras; load average $(loadavg)"
  echo "n=$n load=pantau $(loadavg)" >>"$RESULT_FILE"
  java $S3_JAVA_OPTS "${JAVA_COMMON[@]}" id.pantau.storage.s3.EmbeddedS3Main "$dir/s3" 0 >"$RESULTS/s3-$n.log" 2>&1 &
  local s3_pid=$!
  PIDS+=("$s3_pid")
  wait_ready "$RESULTS/s3-$n.log" "$s3_pid" 120
  for i in $(seq 1 "$n"); do echo "cam$i rtsp://127.0.0.1:$vc_port/cam$i/main"; done >"$dir/cameras.txt"
  local jfr=()
  [ "$JFR" = 1 ] && jfr=(-XX:StartFlightRecording=delay=${WARMUP}s,duration=${DURATION}s,settings=profile,filename="$RESULTS/pantau-$n.jfr")
  [ "$PERF" = 1 ] && jfr+=(-XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit -XX:+PreserveFramePointer)
  MALLOC_ARENA_MAX=$RECORDER_MALLOC_ARENA_MAX with_s3 "$RESULTS/s3-$n.log" "$dir/s3" \
    java $RECORDER_JAVA_OPTS "${jfr[@]}" "${JAVA_COMMON[@]}" id.pantau.recorder.node.RecorderNodeMain \
      "$dir/node" "$dir/cameras.txt" "$SEGMENT_SECONDS" >"$RESULTS/recorder-$n.log" 2>&1 &
  local rec_pid=$!
  PIDS+=("$rec_pid")
  wait_ready "$RESULTS/recorder-$n.log" "$rec_pid" 300
  sleep "$WARMUP"
  log "measuring for ${DURATION}s"
  local perf_pid=
  if [ "$PERF" = 1 ]; then
    perf record -e cpu-clock -F 199 -g -p "$rec_pid" -o "$RESULTS/perf-$n.data" -- sleep "$DURATION" \
        >"$RESULTS/perf-$n.log" 2>&1 &
    perf_pid=$!
  fi
  measure "$n" pantau pantau "pantau=$rec_pid" "s3=$s3_pid" "vcam-pantau=$vc_pid" "kernel-pantau=$(kthreads)"
  log "stopping the recorder (closes segments, drains uploads, prints its summary)"
  [ -n "$perf_pid" ] && { wait "$perf_pid" || true; }
  stop 300 "$rec_pid"
  if [ "$PERF" = 1 ]; then
    perf report -i "$RESULTS/perf-$n.data" --no-children --sort dso,sym --stdio 2>/dev/null | head -120 \
        >"$RESULTS/perf-$n.txt" || true
  fi
  grep -E "^(STOPPED|DRAINED|SUMMARY camera=total)" "$RESULTS/recorder-$n.log" || echo "no summary: see $RESULTS/recorder-$n.log"
  grep -m1 '^SUMMARY camera=total' "$RESULTS/recorder-$n.log" | sed "s/^SUMMARY/n=$n frames=pantau/" >>"$RESULT_FILE" || true
  echo "warnings and errors in the recorder log: $(grep -c ' WARN \| ERROR ' "$RESULTS/recorder-$n.log" || true)"
  stop 30 "$s3_pid"
  echo "n=$n stored=pantau mib=$(du -sm "$dir/s3" | cut -f1)" >>"$RESULT_FILE"
  if [ "$VERIFY_OBJECTS" = 1 ]; then
    log "counting frames of the stored objects with ffprobe"
    python3 "$HERE/count_frames.py" --fps "$FPS" --objects --cameras "$n" "$dir/s3" >"$RESULTS/objects-$n.txt"
    tail -1 "$RESULTS/objects-$n.txt" | sed "s/^FRAMES/n=$n objects=pantau/" | tee -a "$RESULT_FILE"
  fi
  rm -rf "$dir"
}

run_baseline() { # count vc-pid vc-port
  local n=$1 vc_pid=$2 vc_port=$3 dir=$WORK/baseline-$1
  rm -rf "$dir"; mkdir -p "$dir"
  need_space "$n"
  log "baseline, $n ffmpeg processes; load average $(loadavg)"
  echo "n=$n load=baseline $(loadavg)" >>"$RESULT_FILE"
  local pids=()
  local started=$SECONDS
  for i in $(seq 1 "$n"); do
    baseline_ffmpeg "rtsp://127.0.0.1:$vc_port/cam$i/main" "$dir/cam$i-%03d.mp4" "$RESULTS/ffmpeg-$n.log" &
    pids+=("$!")
  done
  PIDS+=("${pids[@]}")
  sleep "$WARMUP"
  log "measuring for ${DURATION}s"
  measure "$n" baseline "" "baseline=$(IFS=,; echo "${pids[*]}")" "vcam-baseline=$vc_pid" \
      "kernel-baseline=$(kthreads)"
  stop 60 "${pids[@]}"
  local window=$((SECONDS - started))
  echo "n=$n stored=baseline mib=$(du -sm "$dir" | cut -f1)" >>"$RESULT_FILE"
  log "counting frames with ffprobe"
  python3 "$HERE/count_frames.py" --fps "$FPS" --cameras "$n" --window-s "$window" "$dir" >"$RESULTS/baseline-$n.txt"
  tail -1 "$RESULTS/baseline-$n.txt" | sed "s/^FRAMES/n=$n frames=baseline/" | tee -a "$RESULT_FILE"
  echo "ffmpeg error lines: $(wc -l <"$RESULTS/ffmpeg-$n.log")"
  rm -rf "$dir"
}

run_floor() { # count: StorageFloor.java per mode, measured over DURATION like the others
  local n=$1 dir=$WORK/floor-$1 mode
  for mode in $FLOOR_MODES; do
    rm -rf "$dir"; mkdir -p "$dir"
    log "floor ($mode), $n cameras' spool appends; load average $(loadavg)"
    java -Xmx64m -XX:+UseSerialGC -cp "$(jna_jar)" "$HERE/StorageFloor.java" "$dir" "$n" "$STREAM_KBIT" \
        "$SEGMENT_SECONDS" "$mode" \
        >"$RESULTS/floor-$mode-$n.log" 2>&1 &
    local pid=$!
    PIDS+=("$pid")
    wait_ready "$RESULTS/floor-$mode-$n.log" "$pid" 60
    sleep "$FLOOR_WARMUP"
    measure "$n" "floor-$mode" "" "floor-$mode=$pid" "kernel-floor-$mode=$(kthreads)"
    stop 10 "$pid"
  done
  rm -rf "$dir"
}

for n in $COUNTS; do
  vc_port=$(free_port)
  log "virtual cameras: $n mounts on port $vc_port"
  java $VC_JAVA_OPTS "${JAVA_COMMON[@]}" id.pantau.recorder.virtualcam.VirtualCameraMain 127.0.0.1 "$vc_port" "$n" \
      "$WORK/media" main >"$RESULTS/virtualcam-$n.log" 2>&1 &
  vc_pid=$!
  PIDS+=("$vc_pid")
  wait_ready "$RESULTS/virtualcam-$n.log" "$vc_pid" 600
  for phase in $PHASES; do
    "run_$phase" "$n" "$vc_pid" "$vc_port"
  done
  stop 30 "$vc_pid"
done

echo
python3 "$HERE/table.py" "$RESULT_FILE" | tee "$RESULTS/table.md"
echo
echo "results, logs and per-thread CPU of the recorder: $RESULTS"
