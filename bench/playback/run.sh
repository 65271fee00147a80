#!/usr/bin/env bash
# Benchmark of playback seeks: seek-to-first-frame latency (seek API + the hour's HLS playlist + ranged reads of
# the init section and the keyframe fragment(s) up to the instant asked, until the last byte arrives) over a
# synthetic index of CAMERAS x DAYS of 60 s segments in H2, against two baselines measured in the same run,
# seek by seek: the same seek on a small index (one camera, four segments) and the same ranged reads straight
# from the object store. Runs the whole web application (real H2 file, embedded S3 on loopback) inside the
# PlaybackSeekBench test class; its report lands in RESULTS.
#
# Usage: bench/playback/run.sh                          (CAMERAS=100 DAYS=30 SEEKS=150 WARMUP=15)
#        CAMERAS=20 DAYS=7 SEEKS=100 bench/playback/run.sh
set -euo pipefail

CAMERAS=${CAMERAS:-100}
DAYS=${DAYS:-30}
SEEKS=${SEEKS:-150}
WARMUP=${WARMUP:-15}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
RESULTS=${RESULTS:-$ROOT/target/bench-playback/results-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$RESULTS"

{
  echo "date: $(date -u +%FT%TZ); host: $(nproc) cores, $(awk '/MemTotal/ {print int($2/1024) " MiB"}' /proc/meminfo)"
  echo "java: $(java -version 2>&1 | head -1); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "cameras=$CAMERAS days=$DAYS seeks=$SEEKS warmup=$WARMUP"
} | tee "$RESULTS/results.txt"

(cd "$ROOT" && mvn -B ${MVN_FLAGS:--o} -pl web -am test -Dtest=PlaybackSeekBench -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.cameras="$CAMERAS" -Dbench.days="$DAYS" -Dbench.seeks="$SEEKS" -Dbench.warmup="$WARMUP" \
    -Dbench.out="$RESULTS/seeks.txt" >"$RESULTS/build.log" 2>&1) || { tail -40 "$RESULTS/build.log"; exit 1; }

cat "$RESULTS/seeks.txt" | tee -a "$RESULTS/results.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULTS/results.txt"
