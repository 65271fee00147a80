#!/usr/bin/env bash
# Export benchmark: one hour of one camera (720p25, ~2 Mbit/s H.264, 2 s GOP, 60 s segments in the embedded S3
# endpoint) exported to one faststart MP4, side by side in the same run with the usual way to do it:
#   pantau:   ExportMain export (index query, every segment streamed from S3 and hashed against the index,
#             samples copied and their tables rebuilt, moov first); time in the process and for the whole process
#   baseline: ffmpeg -f concat -ss 30 -t 3600 -c copy -movflags +faststart over the same segment files, read
#             straight from the S3 endpoint's directory (no HTTP, no hashing), whole process
# The recording is built once (ExportMain record: the recorder's writer fed a 20 s clip in a loop, 62 minutes
# from 2026-01-01T00:00:00Z) and kept in WORK for later runs. Both outputs are checked with ffprobe (frames,
# duration, moov before mdat). Runs alternate pantau, baseline; the page cache is warm for both.
#
# Usage: bench/export/run.sh            (RUNS=5)
#        RUNS=3 WORK=/tmp/bench-export bench/export/run.sh
set -euo pipefail

RUNS=${RUNS:-5}
JAVA_OPTS=${JAVA_OPTS:--Xmx256m}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${WORK:-$ROOT/target/bench-export}
DATA=$WORK/data
RESULTS=${RESULTS:-$WORK/results-$(date +%Y%m%d-%H%M%S)}
FROM=2026-01-01T00:00:30Z
TO=2026-01-01T01:00:30Z
RANGE_SECONDS=3600
mkdir -p "$WORK" "$RESULTS"
log() { echo "== $(date +%H:%M:%S) $*"; }

log "building (mvn compile, classpath)"
(cd "$ROOT" && mvn -B -q ${MVN_FLAGS:-} -pl recorder -am compile dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt >"$RESULTS/build.log" 2>&1) || { tail -30 "$RESULTS/build.log"; exit 1; }
CLASSPATH="$ROOT/recorder/target/classes:$ROOT/storage/target/classes:$(cat "$ROOT/recorder/target/classpath.txt")"
export CLASSPATH
JAVA=(java $JAVA_OPTS -Dorg.bytedeco.javacpp.cachedir="$WORK/javacpp-cache"
      -Dlogback.configurationFile="$ROOT/bench/record/logback.xml")

if [ ! -f "$DATA/RECORDED" ]; then
  log "generating the 20 s clip and recording 62 minutes (once)"
  rm -rf "$DATA" && mkdir -p "$DATA"
  ffmpeg -v error -y -f lavfi -i testsrc2=size=1280x720:rate=25 -t 20 -vf noise=alls=6:allf=t,format=yuv420p \
    -c:v libx264 -preset veryfast -profile:v high -bf 0 -g 50 -keyint_min 50 -sc_threshold 0 \
    -b:v 2000k -maxrate 2000k -bufsize 2000k -x264-params repeat-headers=1 -f h264 "$WORK/main.h264"
  "${JAVA[@]}" id.pantau.recorder.export.ExportMain record "$DATA" bench "$WORK/main.h264" 1280x720 \
    2026-01-01T00:00:00Z 3720 60 | tee "$RESULTS/record.log"
  touch "$DATA/RECORDED"
fi
SEGMENT_DIR=$DATA/s3/segments/segments/bench/main
find "$SEGMENT_DIR" -name '*.mp4' | sort | sed "s/^/file '/; s/\$/'/" >"$WORK/concat.txt"
log "$(wc -l <"$WORK/concat.txt") segments, $(du -sh "$SEGMENT_DIR" | cut -f1); load $(cut -d' ' -f1-3 /proc/loadavg)"

timed() { # label command...: appends "label wall user sys maxrss_kib" to RESULTS/times.txt
  local label=$1; shift
  /usr/bin/time -f "$label %e %U %S %M" -a -o "$RESULTS/times.txt" "$@"
}

for i in $(seq 1 "$RUNS"); do
  rm -f "$WORK/pantau.mp4" "$WORK/ffmpeg.mp4"
  timed pantau "${JAVA[@]}" id.pantau.recorder.export.ExportMain export "$DATA" bench "$FROM" "$TO" \
    "$WORK/pantau.mp4" | tee -a "$RESULTS/pantau.log"
  timed baseline ffmpeg -v error -y -f concat -safe 0 -i "$WORK/concat.txt" -ss 30 -t "$RANGE_SECONDS" \
    -c copy -movflags +faststart "$WORK/ffmpeg.mp4"
  log "run $i: $(tail -2 "$RESULTS/times.txt" | tr '\n' ' ')"
done

probe() { # file: frames duration boxes
  local frames duration boxes
  frames=$(ffprobe -v error -select_streams v:0 -count_packets -show_entries stream=nb_read_packets -of csv=p=0 "$1")
  duration=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$1")
  boxes=$(python3 -c 'import struct,sys
f=open(sys.argv[1],"rb"); out=[]
while True:
  h=f.read(8)
  if len(h)<8: break
  n,t=struct.unpack(">I4s",h)
  if n==1: n=struct.unpack(">Q",f.read(8))[0]; f.seek(n-16,1)
  else: f.seek(n-8,1)
  out.append(t.decode())
print("-".join(out))' "$1")
  echo "$frames $duration $boxes $(stat -c %s "$1")"
}
read -r P_FRAMES P_DURATION P_BOXES P_BYTES <<<"$(probe "$WORK/pantau.mp4")"
read -r B_FRAMES B_DURATION B_BOXES B_BYTES <<<"$(probe "$WORK/ffmpeg.mp4")"

python3 - "$RESULTS" "$RANGE_SECONDS" <<PY | tee "$RESULTS/summary.txt"
import statistics, sys, re
results, rng = sys.argv[1], float(sys.argv[2])
rows = [l.split() for l in open(results + "/times.txt") if l.strip()]
def med(label, col): return statistics.median(float(r[col]) for r in rows if r[0] == label)
inproc = [int(m.group(1)) / 1000 for m in re.finditer(r"export_ms=(\d+)", open(results + "/pantau.log").read())]
p_wall, b_wall = med("pantau", 1), med("baseline", 1)
print(f"runs: {len(inproc)} each; medians")
print("| export of 1 h (720p25, 2 Mbit/s, 61 segments) | wall s | x real time | CPU s (user+sys) | peak RSS MiB | frames | duration s | layout |")
print("|---|---:|---:|---:|---:|---:|---:|---|")
print(f"| Pantau ExportBuilder, in process | {statistics.median(inproc):.2f} | {rng / statistics.median(inproc):.0f} | | | $P_FRAMES | $P_DURATION | $P_BOXES |")
print(f"| Pantau ExportMain, whole process (JVM, S3 endpoint, H2 start) | {p_wall:.2f} | {rng / p_wall:.0f} | {med('pantau', 2) + med('pantau', 3):.2f} | {med('pantau', 4) / 1024:.0f} | $P_FRAMES | $P_DURATION | $P_BOXES |")
print(f"| baseline ffmpeg concat -c copy +faststart | {b_wall:.2f} | {rng / b_wall:.0f} | {med('baseline', 2) + med('baseline', 3):.2f} | {med('baseline', 4) / 1024:.0f} | $B_FRAMES | $B_DURATION | $B_BOXES |")
print(f"bytes: pantau $P_BYTES, baseline $B_BYTES")
PY
rm -f "$WORK/pantau.mp4" "$WORK/ffmpeg.mp4"
log "results in $RESULTS"
