package id.pantau.recorder.ingest;

import id.pantau.recorder.segment.ClosedSegment;
import id.pantau.recorder.segment.RunInfo;
import id.pantau.recorder.segment.SegmentSink;
import java.nio.file.Path;
import java.time.Duration;

/** A recorder JVM for the crash test: records one RTSP camera until it is killed, reporting on stdout. */
public final class CrashingRecorderMain {

    private CrashingRecorderMain() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Path spool = Path.of(args[1]);
        SegmentSink sink = new SegmentSink() {
            @Override
            public void runStarted(RunInfo run) {
                System.out.println("RUN " + run.startWallMs());
                System.out.flush();
            }

            @Override
            public void segmentClosed(ClosedSegment segment) {
                System.out.println("CLOSED " + segment.file() + " " + segment.endWallMs());
                System.out.flush();
            }
        };
        CameraConfig config = CameraConfig.builder("crash", "main", url, spool)
                .segmentTarget(Duration.ofSeconds(4)).build();
        CameraRecorder recorder = CameraRecorder.rtsp(config, sink);
        recorder.start();
        while (true) {
            Thread.sleep(1_000);
        }
    }
}
