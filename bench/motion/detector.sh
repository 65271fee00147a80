#!/usr/bin/env bash
# Cost of one analysed frame: Pantau's detector and picture path against OpenCV MOG2 and a bare frame
# difference, in one JVM, one thread (a plain warmed-up harness; see DetectorCostBench).
# Usage: bench/motion/detector.sh [warm-up-s round-s rounds]      (default 3 2 5)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT=$ROOT/target/bench-motion
mkdir -p "$OUT"
(cd "$ROOT" && mvn -B -q ${MVN_FLAGS:-} -pl recorder -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/classpath-test.txt -Dmdep.includeScope=test >"$OUT/build-detector.log" 2>&1) \
    || { tail -30 "$OUT/build-detector.log"; exit 1; }
CP="$ROOT/recorder/target/test-classes:$ROOT/recorder/target/classes:$ROOT/storage/target/classes"
CP="$CP:$(cat "$ROOT/recorder/target/classpath-test.txt")"
java -Xmx256m -Dorg.bytedeco.javacpp.cachedir="$ROOT/target/javacpp-cache" \
    -Dlogback.configurationFile="$ROOT/bench/record/logback.xml" -cp "$CP" \
    id.pantau.recorder.motion.DetectorCostBench "$@" | tee "$OUT/detector-$(date +%Y%m%d-%H%M%S).md"
