package id.pantau.recorder.export;

import id.pantau.recorder.testing.Processes;
import id.pantau.recorder.upload.SegmentUploader;
import id.pantau.recorder.virtualcam.ClipRecording;
import id.pantau.recorder.virtualcam.media.Clip;
import id.pantau.recorder.virtualcam.media.ClipLibrary;
import id.pantau.storage.camera.Camera;
import id.pantau.storage.camera.CameraRepository;
import id.pantau.storage.index.IndexDatabase;
import id.pantau.storage.index.SegmentIndex;
import id.pantau.storage.index.SegmentRow;
import id.pantau.storage.s3.EmbeddedS3;
import id.pantau.storage.s3.MinioObjectStore;
import id.pantau.storage.secret.SecretCipher;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Embedded S3, an H2 index and recordings written from a virtual camera clip by the recorder's own writer. */
final class ExportFixture implements AutoCloseable {
    final Path dir;
    final EmbeddedS3 s3;
    final MinioObjectStore store;
    final IndexDatabase db;
    final SegmentIndex index;
    final CameraRepository cameras;
    final SegmentUploader uploader;

    ExportFixture(Path dir) {
        this.dir = dir;
        this.s3 = new EmbeddedS3(dir, 0).start();
        this.store = new MinioObjectStore(s3.settings("segments"));
        store.ensureBucket();
        this.db = IndexDatabase.openFile(dir);
        this.index = new SegmentIndex(db.dataSource());
        this.cameras = new CameraRepository(db.dataSource(), SecretCipher.load(null, dir.resolve("secret.key")),
                Clock.systemUTC());
        this.uploader = new SegmentUploader(store, index, 1, n -> 100);
    }

    void camera(String id) {
        cameras.save(new Camera(id, null, null, null, "rtsp://10.0.0.1/" + id, null, null, null, null, true, 7, null));
    }

    /** Records {@code seconds} of the clip (25 fps) as one run from {@code startWallMs}, segments of segmentSeconds. */
    void record(String cameraId, Path clipFile, ClipRecording.Picture picture, long startWallMs, int seconds,
            int segmentSeconds) throws Exception {
        Clip clip = new ClipLibrary(25).load(clipFile);
        new ClipRecording(uploader, dir.resolve("spool"), Duration.ofSeconds(segmentSeconds))
                .record(cameraId, clip, picture, startWallMs, seconds * 25);
        if (!uploader.drain(60_000)) {
            throw new AssertionError("segments not uploaded: " + uploader.lastError());
        }
    }

    /** A source segment downloaded for ffprobe. */
    Path download(SegmentRow row) throws Exception {
        Path file = dir.resolve("source-" + row.id() + ".mp4");
        try (InputStream in = store.get(row.objectKey())) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    /** Wall start (ms, fractional) and keyframe flag of every frame in the source segments, from ffprobe. */
    List<double[]> sourceFrames(String cameraId) throws Exception {
        List<double[]> frames = new ArrayList<>();
        for (SegmentRow row : index.segments(cameraId, "main", 0, Long.MAX_VALUE)) {
            for (ProbedPacket p : ProbedPacket.of(download(row))) {
                frames.add(new double[] {row.startWallMs() + p.dtsSeconds() * 1000, p.keyframe() ? 1 : 0});
            }
        }
        return frames;
    }

    /** Top-level box types of a file in order, read with head-of-box parsing by python (not our own reader). */
    static List<String> topLevelBoxes(Path file) throws Exception {
        String script = "import struct,sys\nf=open(sys.argv[1],'rb')\nwhile True:\n h=f.read(8)\n if len(h)<8: break\n"
                + " n,t=struct.unpack('>I4s',h)\n if n==1: n=struct.unpack('>Q',f.read(8))[0]; f.seek(n-16,1)\n"
                + " else: f.seek(n-8,1)\n print(t.decode('latin1'))\n";
        String out = Processes.runOk(List.of("python3", "-c", script, file.toString()), 30).stdout();
        return List.of(out.strip().split("\n"));
    }

    @Override
    public void close() {
        uploader.close();
        store.close();
        db.close();
        s3.close();
    }
}
