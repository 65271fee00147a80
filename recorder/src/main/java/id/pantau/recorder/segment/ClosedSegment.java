package id.pantau.recorder.segment;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * A finished, fsynced spool file ready for upload: a self-contained fragmented MP4 (init section, then
 * fragments), where it sits in its run, and the fragment index for ranged playback.
 */
public record ClosedSegment(String cameraId, String stream, UUID runId, Path file, long startWallMs, long endWallMs,
                            long mediaStart90k, long mediaDuration90k, int frameCount, long bytes, String sha256Hex,
                            List<Fragment> fragments) {

    public ClosedSegment {
        fragments = List.copyOf(fragments);
    }

    /** Bytes of the init section (ftyp+moov) at the start of the file; prepend them to any fragment to play it. */
    public long initLength() {
        return fragments.isEmpty() ? bytes : fragments.get(0).offset();
    }

    /** The fragment index in its compact text form, for the index database. */
    public String fragmentIndex() {
        return FragmentIndexCodec.encode(fragments);
    }
}
