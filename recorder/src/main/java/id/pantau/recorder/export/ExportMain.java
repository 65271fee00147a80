package id.pantau.recorder.export;

import id.pantau.recorder.upload.SegmentUploader;
import id.pantau.recorder.virtualcam.ClipRecording;
import id.pantau.recorder.virtualcam.media.ClipLibrary;
import id.pantau.storage.camera.Camera;
import id.pantau.storage.camera.CameraRepository;
import id.pantau.storage.index.IndexDatabase;
import id.pantau.storage.index.SegmentIndex;
import id.pantau.storage.s3.EmbeddedS3;
import id.pantau.storage.s3.MinioObjectStore;
import id.pantau.storage.secret.SecretCipher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Exports from the command line, against the embedded S3 endpoint and H2 index of a data directory (for
 * benchmarks and for inspecting a recording without the web layer):
 * <pre>
 * ExportMain record DATA_DIR CAMERA CLIP.h264 WIDTHxHEIGHT START_ISO SECONDS SEGMENT_SECONDS
 * ExportMain export DATA_DIR CAMERA FROM_ISO TO_ISO OUT.mp4
 * </pre>
 * {@code record} writes a virtual camera clip, looped, as recorded segments; {@code export} prints one line
 * {@code EXPORTED frames=... bytes=... media_seconds=... export_ms=... x_real_time=...} (time measured in this
 * process, from the first index query to the finished file).
 */
public final class ExportMain {

    private ExportMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 8 && args[0].equals("record")) {
            record(args);
        } else if (args.length == 6 && args[0].equals("export")) {
            export(args);
        } else {
            System.err.println("usage: ExportMain record DATA_DIR CAMERA CLIP.h264 WIDTHxHEIGHT START_ISO SECONDS"
                    + " SEGMENT_SECONDS\n       ExportMain export DATA_DIR CAMERA FROM_ISO TO_ISO OUT.mp4");
            System.exit(2);
        }
    }

    private static void record(String[] args) throws Exception {
        Path dataDir = Path.of(args[1]);
        Files.createDirectories(dataDir);
        String[] size = args[4].split("x");
        try (EmbeddedS3 s3 = new EmbeddedS3(dataDir, 0).start();
             MinioObjectStore store = new MinioObjectStore(s3.settings("segments"));
             IndexDatabase db = IndexDatabase.openFile(dataDir)) {
            store.ensureBucket();
            SegmentIndex index = new SegmentIndex(db.dataSource());
            new CameraRepository(db.dataSource(), SecretCipher.load(null, dataDir.resolve("secret.key")),
                    Clock.systemUTC()).save(new Camera(args[2], null, null, null, "rtsp://127.0.0.1/" + args[2], null,
                    null, null, null, true, 3650, null));
            try (SegmentUploader uploader = new SegmentUploader(store, index, 2, SegmentUploader::defaultRetryDelayMs)) {
                long started = System.nanoTime();
                new ClipRecording(uploader, dataDir.resolve("spool"), Duration.ofSeconds(Integer.parseInt(args[7])))
                        .record(args[2], new ClipLibrary(25).load(Path.of(args[3])),
                                new ClipRecording.Picture(Integer.parseInt(size[0]), Integer.parseInt(size[1])),
                                Instant.parse(args[5]).toEpochMilli(), Integer.parseInt(args[6]) * 25);
                uploader.drain(Long.MAX_VALUE / 2_000_000);
                System.out.printf("RECORDED %d segments in %d ms%n", uploader.uploadedSegments(),
                        (System.nanoTime() - started) / 1_000_000);
            }
        }
    }

    private static void export(String[] args) throws Exception {
        Path dataDir = Path.of(args[1]);
        try (EmbeddedS3 s3 = new EmbeddedS3(dataDir, 0).start();
             MinioObjectStore store = new MinioObjectStore(s3.settings("segments"));
             IndexDatabase db = IndexDatabase.openFile(dataDir)) {
            SegmentIndex index = new SegmentIndex(db.dataSource());
            long from = Instant.parse(args[3]).toEpochMilli();
            long to = Instant.parse(args[4]).toEpochMilli();
            long started = System.nanoTime();
            ExportResult r = new ExportBuilder(index, store).export(args[2], from, to, Path.of(args[5]),
                    ExportProgress.NONE);
            long ms = (System.nanoTime() - started) / 1_000_000;
            double seconds = (to - from) / 1000.0;
            System.out.printf("EXPORTED frames=%d bytes=%d media_seconds=%.2f export_ms=%d x_real_time=%.0f%n",
                    r.frames(), r.bytes(), r.durationSeconds(), ms, seconds * 1000 / Math.max(1, ms));
        }
    }
}
