#!/usr/bin/env bash
# Cost of the link probes: LINKS TCP-connect probes every INTERVAL ms (the health monitor's default is one
# probe per link every 2 s) from Pantau's LinkProbes (Netty, one event loop) against a local listener, beside
# the same probes from a Python asyncio prober (baseline) in the same run. Each prober reports its own CPU share
# of one core over the window after a warm-up; the listener runs as its own process and is not counted.
#
# Usage: bench/health/run.sh            (LINKS="0 100 500 2000" INTERVAL=2000 WARMUP=10 WINDOW=60)
set -euo pipefail
LINKS=${LINKS:-"0 100 500 2000"}
INTERVAL=${INTERVAL:-2000}
WARMUP=${WARMUP:-10}
WINDOW=${WINDOW:-60}
JAVA_OPTS=${JAVA_OPTS:--Xmx64m -XX:+UseSerialGC}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=$ROOT/target/bench-health
mkdir -p "$WORK"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

echo "== building recorder"
(cd "$ROOT" && mvn -B -q -o -pl recorder -am compile dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt >"$WORK/build.log" 2>&1) || { tail -30 "$WORK/build.log"; exit 1; }
CLASSPATH="$ROOT/recorder/target/classes:$ROOT/storage/target/classes:$(cat "$ROOT/recorder/target/classpath.txt")"

python3 "$HERE/listener.py" "$PORT" >"$WORK/listener.log" 2>&1 &
LISTENER=$!
trap 'kill $LISTENER 2>/dev/null || true' EXIT
for _ in $(seq 1 20); do grep -q READY "$WORK/listener.log" && break; sleep 0.5; done

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
for n in $LINKS; do
  java $JAVA_OPTS -cp "$CLASSPATH" -Dlogback.configurationFile=/dev/null \
      id.pantau.recorder.health.sim.ProbeCostMain 127.0.0.1 "$PORT" "$n" "$INTERVAL" "$WARMUP" "$WINDOW" 2>/dev/null \
      | grep '^pantau'
  python3 "$HERE/baseline_prober.py" 127.0.0.1 "$PORT" "$n" "$INTERVAL" "$WARMUP" "$WINDOW"
done
