package id.pantau.recorder.ingest;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;

/**
 * A fault-injecting camera: real packets read through FFmpeg from encoded clips (played one after another, and
 * looped, with continuous timestamps), paced like a live camera, passed through a script that may drop,
 * alter or replace them.
 */
final class ScriptedOpener implements StreamOpener {

    /** Rewrites packet number {@code index} (counted over the whole session); an empty list drops it. */
    interface Script {
        List<MediaPacket> apply(long index, MediaPacket packet);
    }

    static final Script CLEAN = (index, packet) -> List.of(packet);

    private final List<Path> clips;
    private final int passes;
    private final double speed;
    private final Script script;

    /**
     * @param passes how many times the clip list is played (0 = endlessly)
     * @param speed  pacing relative to real time (0 = as fast as possible)
     */
    ScriptedOpener(List<Path> clips, int passes, double speed, Script script) {
        this.clips = clips;
        this.passes = passes;
        this.speed = speed;
        this.script = script;
    }

    @Override
    public PacketSource open(CameraConfig camera) throws IngestFailure {
        return new ScriptedSource(camera);
    }

    private final class ScriptedSource implements PacketSource {
        private final CameraConfig camera;
        private final JavaCvStreamOpener files = new JavaCvStreamOpener();
        private final ArrayDeque<MediaPacket> ready = new ArrayDeque<>();
        private final StreamInfo info;
        private PacketSource current;
        private int clipIndex;
        private int pass;
        private long offset90k;
        private long firstDts90k = Long.MIN_VALUE;
        private long lastDts90k;
        private long index;
        private long startNanos;
        private volatile boolean aborted;

        ScriptedSource(CameraConfig camera) throws IngestFailure {
            this.camera = camera;
            this.current = files.open(withUrl(camera, clips.get(0)));
            this.info = current.info();
        }

        private CameraConfig withUrl(CameraConfig c, Path clip) {
            return new CameraConfig(c.cameraId(), c.stream(), clip.toString(), c.transport(), c.spoolDir(),
                    c.segmentTarget(), c.fragmentPolicy(), c.openTimeout(), c.stallTimeout(), c.noKeyframeTimeout(),
                    c.forwardJumpLimit(), c.timestampBreaksLimit(), c.backoffMin(), c.backoffMax(), c.errorRetry(),
                    c.probeInterval());
        }

        @Override
        public StreamInfo info() {
            return info;
        }

        @Override
        public MediaPacket read() throws IngestFailure {
            while (ready.isEmpty()) {
                if (aborted) {
                    throw new IngestFailure(IngestFailure.Kind.ENDED, "stopped");
                }
                MediaPacket p = nextFromClips();
                long continuous = p.dts90k() + offset90k;
                if (firstDts90k == Long.MIN_VALUE) {
                    firstDts90k = continuous;
                    startNanos = System.nanoTime();
                }
                lastDts90k = continuous;
                pace(continuous - firstDts90k);
                MediaPacket shifted = new MediaPacket(continuous, p.pts90k() + offset90k, p.keyframe(), p.data());
                ready.addAll(script.apply(index++, shifted));
            }
            return ready.removeFirst();
        }

        private MediaPacket nextFromClips() throws IngestFailure {
            while (true) {
                try {
                    return current.read();
                } catch (IngestFailure e) {
                    if (e.kind() != IngestFailure.Kind.ENDED) {
                        throw e;
                    }
                    current.close();
                    clipIndex++;
                    if (clipIndex == clips.size()) {
                        clipIndex = 0;
                        pass++;
                        if (passes > 0 && pass >= passes) {
                            throw e;
                        }
                    }
                    // the next clip continues one 25 fps frame after the last packet
                    current = files.open(withUrl(camera, clips.get(clipIndex)));
                    MediaPacket first = current.read();
                    offset90k = lastDts90k + 3600 - first.dts90k();
                    return first;
                }
            }
        }

        private void pace(long media90k) {
            if (speed <= 0) {
                return;
            }
            long dueNanos = startNanos + (long) (media90k / 90_000.0 / speed * 1e9);
            long waitNanos = dueNanos - System.nanoTime();
            if (waitNanos > 0) {
                try {
                    Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void abort() {
            aborted = true;
        }

        @Override
        public void close() {
            current.close();
        }
    }
}
