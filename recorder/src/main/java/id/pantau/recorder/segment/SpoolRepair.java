package id.pantau.recorder.segment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repairs spool files left by a crash: cuts each to its last complete fragment and rebuilds the segment's
 * metadata from the file and its sidecar. Run it before the cameras start, so no file is still being written.
 */
public final class SpoolRepair {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolRepair.class);

    private SpoolRepair() {
    }

    /** Repairs every .mp4 under the spool directory; files with no complete fragment are deleted. */
    public static List<RecoveredSegment> recoverAll(Path spoolDir) throws IOException {
        List<RecoveredSegment> recovered = new ArrayList<>();
        if (!Files.isDirectory(spoolDir)) {
            return recovered;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(spoolDir)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".mp4")).sorted().toList();
        }
        for (Path mp4 : files) {
            try {
                Optional<RecoveredSegment> r = repair(mp4);
                if (r.isPresent()) {
                    recovered.add(r.get());
                } else {
                    LOG.warn("spool file {} holds no complete fragment; deleted", mp4);
                    SpoolLayout.deleteSegment(mp4);
                }
            } catch (IOException e) {
                LOG.error("cannot repair spool file {}: {}", mp4, e.toString());
            }
        }
        return recovered;
    }

    /**
     * Cuts the file after its last complete fragment and describes it; empty if it has no complete fragment
     * (the file is left alone then).
     */
    public static Optional<RecoveredSegment> repair(Path mp4) throws IOException {
        SegmentSidecar sidecar = SegmentSidecar.read(mp4);
        Mp4Layout layout;
        long cut;
        try (FileChannel file = FileChannel.open(mp4, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            layout = Mp4Layout.read(file);
            if (layout.fragments().isEmpty()) {
                return Optional.empty();
            }
            cut = layout.fileLength() - layout.validLength();
            if (cut > 0) {
                file.truncate(layout.validLength());
                file.force(true);
                LOG.info("spool file {} cut by {} bytes to its last complete fragment", mp4, cut);
            }
        }
        // the writer rebases every segment to start at 0, so fragment starts are already segment-relative
        List<Fragment> fragments = layout.fragments();
        long duration90k = layout.duration90k();
        long startWallMs = sidecar.startWallMs();
        RunInfo run = sidecar.run();
        ClosedSegment segment = new ClosedSegment(run.cameraId(), run.stream(), run.runId(), mp4, startWallMs,
                startWallMs + Math.round(duration90k / 90.0), sidecar.mediaStart90k(), duration90k,
                layout.frameCount(), layout.validLength(), sha256Hex(mp4), fragments);
        return Optional.of(new RecoveredSegment(run, segment, cut));
    }

    static String sha256Hex(Path file) throws IOException {
        try (InputStream in = Channels.newInputStream(FileChannel.open(file, StandardOpenOption.READ))) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
