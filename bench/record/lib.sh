# Helpers shared by run.sh and pair.sh (sourced; expects HERE, ROOT and RESULTS to be set).

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

wait_ready() { # log-file pid timeout-seconds: until the process prints READY
  for _ in $(seq 1 "$3"); do
    grep -q '^READY' "$1" 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { echo "process died:"; tail -20 "$1"; return 1; }
    sleep 1
  done
  echo "not ready after $3 s"; tail -20 "$1"; return 1
}

stop() { # timeout-seconds pid...: SIGTERM, wait up to the timeout, then SIGKILL
  local timeout=$1; shift
  kill -TERM "$@" 2>/dev/null || true
  local deadline=$((SECONDS + timeout))
  for pid in "$@"; do
    while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "pid $pid still running after ${timeout}s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
  done
}

build_recorder() { # compiles the recorder module and sets JAVA_COMMON (classpath, JavaCPP cache, logging)
  (cd "$ROOT" && mvn -B -q ${MVN_FLAGS:-} -pl recorder -am compile dependency:build-classpath \
      -Dmdep.outputFile=target/classpath.txt >"$RESULTS/build.log" 2>&1) || { tail -30 "$RESULTS/build.log"; exit 1; }
  local classpath="$ROOT/recorder/target/classes:$ROOT/storage/target/classes:$(cat "$ROOT/recorder/target/classpath.txt")"
  JAVA_COMMON=(-Dorg.bytedeco.javacpp.cachedir="$ROOT/target/javacpp-cache"
      -Dlogback.configurationFile="$HERE/logback.xml" -cp "$classpath")
}

jna_jar() { # the JNA jar on the recorder's class path (after build_recorder), for StorageFloor's syncfs mode
  tr ':' '\n' <"$ROOT/recorder/target/classpath.txt" | grep -m1 '/jna-[0-9.]*\.jar$'
}

with_s3() { # s3-log s3-dir command...: runs the command with the embedded S3 endpoint's address and credentials;
  # call it in the background (&): it execs
  # credentials only through the environment, never on a command line; exec keeps $! the command's pid
  local props=$2/s3-credentials.properties
  VMS_STORAGE_S3_ENDPOINT=$(grep -m1 '^READY' "$1" | cut -d' ' -f2) \
  VMS_STORAGE_S3_ACCESS_KEY=$(grep '^accessKey=' "$props" | cut -d= -f2-) \
  VMS_STORAGE_S3_SECRET_KEY=$(grep '^secretKey=' "$props" | cut -d= -f2-) \
  VMS_STORAGE_S3_BUCKET=segments \
    exec "${@:3}"
}

baseline_ffmpeg() { # rtsp-url output-pattern error-log: one camera recorded the way other NVRs do;
  # call it in the background (&): it execs, so $! is ffmpeg's pid, which the CPU is measured on
  exec /usr/bin/ffmpeg -nostdin -loglevel error -rtsp_transport tcp -i "$1" \
      -c copy -f segment -segment_time "${SEGMENT_SECONDS:-60}" -reset_timestamps 1 "$2" 2>>"$3"
}
