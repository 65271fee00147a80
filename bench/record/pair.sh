#!/usr/bin/env bash
# Paired A/B of two recorder variants: recorders A and B (JVM options OPTS_A and OPTS_B, e.g. a system property that
# switches a feature) record the same N virtual cameras at the same time, against one S3 endpoint. On a shared
# virtual machine the CPU available drifts by a quarter within half an hour, so runs one after another can only be
# compared with their own baseline; two variants side by side see the same machine. Prints each recorder's CPU and
# memory over the window and writes the per-thread CPU of both into RESULTS.
#
# With B=ffmpeg, side B is the baseline instead: one `ffmpeg -rtsp_transport tcp -i URL -c copy -f segment
# -segment_time 60` per camera writing local files (CPU and memory summed over the processes), so the recorder and
# the way other NVRs record are measured through the same minutes.
#
# With TREE_B=<another checkout> (e.g. `git worktree add ../before HEAD~1`), side B runs that checkout's code, so two
# versions of the recorder are compared without a switch in the product.
#
# Usage: OPTS_A="-Dpantau.rtsp.transport=nio" OPTS_B="-Dpantau.rtsp.transport=epoll" bench/record/pair.sh
#        B=ffmpeg bench/record/pair.sh
#        TREE_B=../before bench/record/pair.sh
#        N=64 WARMUP=180 DURATION=120 (defaults)
set -euo pipefail

N=${N:-64}
WARMUP=${WARMUP:-180}
DURATION=${DURATION:-120}
OPTS_A=${OPTS_A:-}
OPTS_B=${OPTS_B:-}
B=${B:-recorder}
TREE_B=${TREE_B:-}
RECORDER_JAVA_OPTS=${RECORDER_JAVA_OPTS:--Xmx384m -XX:+UseSerialGC}

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${WORK:-$ROOT/target/bench-pair}
RESULTS=${RESULTS:-$WORK/results-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$WORK" "$RESULTS"
DATA=$WORK/data-$$
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$DATA"
}
trap cleanup EXIT

source "$HERE/lib.sh"
if [ -n "$TREE_B" ]; then
  TREE_B=$(cd "$TREE_B" && pwd)
  ROOT_A=$ROOT; ROOT=$TREE_B
  build_recorder
  JAVA_B=("${JAVA_COMMON[@]}")
  CODE_B=" (code of $TREE_B at $(git -C "$TREE_B" rev-parse --short HEAD))"
  ROOT=$ROOT_A
fi
build_recorder
JAVA_A=("${JAVA_COMMON[@]}")
[ -n "$TREE_B" ] || JAVA_B=("${JAVA_COMMON[@]}")
mkdir -p "$DATA"

vc_port=$(free_port)
java -Xmx256m "${JAVA_COMMON[@]}" id.pantau.recorder.virtualcam.VirtualCameraMain 127.0.0.1 "$vc_port" "$N" \
    "$WORK/media" main >"$RESULTS/virtualcam.log" 2>&1 &
vc=$!; PIDS+=("$vc")
wait_ready "$RESULTS/virtualcam.log" "$vc" 600
java -Xmx512m -XX:+UseSerialGC "${JAVA_COMMON[@]}" id.pantau.storage.s3.EmbeddedS3Main "$DATA/s3" 0 >"$RESULTS/s3.log" 2>&1 &
s3=$!; PIDS+=("$s3")
wait_ready "$RESULTS/s3.log" "$s3" 120

start_recorder() { # label jvm-options; camera ids differ (a1.., b1..) so the two never share an object key
  local -n java_side="JAVA_${1^^}"
  for i in $(seq 1 "$N"); do echo "$1$i rtsp://127.0.0.1:$vc_port/cam$i/main"; done >"$DATA/cameras-$1.txt"
  MALLOC_ARENA_MAX=2 with_s3 "$RESULTS/s3.log" "$DATA/s3" \
    java $RECORDER_JAVA_OPTS $2 "${java_side[@]}" id.pantau.recorder.node.RecorderNodeMain "$DATA/node-$1" \
      "$DATA/cameras-$1.txt" 60 >"$RESULTS/recorder-$1.log" 2>&1 &
}
start_baseline() {
  mkdir -p "$DATA/baseline"
  local pids=()
  for i in $(seq 1 "$N"); do
    baseline_ffmpeg "rtsp://127.0.0.1:$vc_port/cam$i/main" "$DATA/baseline/cam$i-%03d.mp4" "$RESULTS/ffmpeg.log" &
    pids+=("$!")
  done
  PIDS+=("${pids[@]}")
  b=$(IFS=,; echo "${pids[*]}")
}
start_recorder a "$OPTS_A"; a=$!; PIDS+=("$a")
if [ "$B" = ffmpeg ]; then
  start_baseline
  OPTS_B="baseline: $N ffmpeg -c copy -f segment processes"
else
  start_recorder b "$OPTS_B"; b=$!; PIDS+=("$b")
  wait_ready "$RESULTS/recorder-b.log" "$b" 300
fi
wait_ready "$RESULTS/recorder-a.log" "$a" 300
{ echo "A: $OPTS_A"; echo "B: $OPTS_B${CODE_B:-}"; echo "$N cameras each; warm-up ${WARMUP}s; window ${DURATION}s"; } | tee "$RESULTS/summary.txt"
sleep "$WARMUP"
python3 "$HERE/procstat.py" --seconds "$DURATION" --group "A=$a" --group "s3=$s3" --group "vcam=$vc" \
    --threads A --threads-out "$RESULTS/threads-a.txt" >"$RESULTS/procstat-a.txt" &
stat_a=$!
threads_b=()
[ "$B" = ffmpeg ] || threads_b=(--threads B --threads-out "$RESULTS/threads-b.txt")
python3 "$HERE/procstat.py" --seconds "$DURATION" --group "B=$b" "${threads_b[@]}" >"$RESULTS/procstat-b.txt"
wait "$stat_a"
cat "$RESULTS/procstat-a.txt" "$RESULTS/procstat-b.txt" | tee -a "$RESULTS/summary.txt"
stop 300 "$a" ${b//,/ }
grep -h "^SUMMARY camera=total" "$RESULTS"/recorder-*.log 2>/dev/null | tee -a "$RESULTS/summary.txt" || true
echo "results: $RESULTS"
