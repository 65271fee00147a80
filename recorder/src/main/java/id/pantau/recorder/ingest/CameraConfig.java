package id.pantau.recorder.ingest;

import id.pantau.recorder.segment.FragmentPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How one camera stream is recorded. {@code url} may carry credentials; it is only ever handed to the RTSP client and
 * printed through {@link RtspUrls#redact(String)}.
 *
 * @param segmentTarget        a segment closes at the first keyframe after this much media time
 * @param openTimeout          connect, RTSP handshake and stream probing must finish within this
 * @param stallTimeout         no video packet for this long means the camera stalled (keep under 5 s)
 * @param noKeyframeTimeout    no keyframe for this long puts the camera in ERROR
 * @param forwardJumpLimit     a DTS step forward larger than this starts a new run
 * @param timestampBreaksLimit more timestamp-driven new runs than this within a minute is an ERROR
 * @param backoffMin           first reconnect delay; doubles up to backoffMax
 * @param errorRetry           how long a camera in ERROR waits before trying again
 * @param probeInterval        how often an unreachable camera is probed, so its return is noticed quickly
 */
public record CameraConfig(String cameraId, String stream, String url, Transport transport, Path spoolDir,
                           Duration segmentTarget, FragmentPolicy fragmentPolicy, Duration openTimeout,
                           Duration stallTimeout, Duration noKeyframeTimeout, Duration forwardJumpLimit,
                           int timestampBreaksLimit, Duration backoffMin, Duration backoffMax, Duration errorRetry,
                           Duration probeInterval) {

    public CameraConfig {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(spoolDir, "spoolDir");
        if (!cameraId.matches("[A-Za-z0-9_.-]{1,64}") || !stream.matches("[a-z0-9]{1,8}")) {
            throw new IllegalArgumentException("camera id or stream name not usable in a file name: "
                    + cameraId + "/" + stream);
        }
    }

    /** Production defaults: 60 s segments, stall detected in 4 s, reconnect 1..30 s. */
    public static Builder builder(String cameraId, String stream, String url, Path spoolDir) {
        return new Builder(cameraId, stream, url, spoolDir);
    }

    public Builder toBuilder() {
        Builder b = new Builder(cameraId, stream, url, spoolDir);
        b.transport = transport;
        b.segmentTarget = segmentTarget;
        b.fragmentPolicy = fragmentPolicy;
        b.openTimeout = openTimeout;
        b.stallTimeout = stallTimeout;
        b.noKeyframeTimeout = noKeyframeTimeout;
        b.forwardJumpLimit = forwardJumpLimit;
        b.timestampBreaksLimit = timestampBreaksLimit;
        b.backoffMin = backoffMin;
        b.backoffMax = backoffMax;
        b.errorRetry = errorRetry;
        b.probeInterval = probeInterval;
        return b;
    }

    /** The URL may carry credentials, so the record's generated toString must not be used. */
    @Override
    public String toString() {
        return "CameraConfig[" + label() + ", url=" + RtspUrls.redact(url) + ", transport=" + transport
                + ", segmentTarget=" + segmentTarget + "]";
    }

    /** Name for logs and messages: camera/stream. */
    public String label() {
        return cameraId + "/" + stream;
    }

    /** Builder with production defaults. */
    public static final class Builder {
        private final String cameraId;
        private final String stream;
        private final String url;
        private final Path spoolDir;
        private Transport transport = Transport.TCP;
        private Duration segmentTarget = Duration.ofSeconds(60);
        private FragmentPolicy fragmentPolicy = FragmentPolicy.DEFAULT;
        private Duration openTimeout = Duration.ofSeconds(8);
        private Duration stallTimeout = Duration.ofSeconds(4);
        private Duration noKeyframeTimeout = Duration.ofSeconds(60);
        private Duration forwardJumpLimit = Duration.ofSeconds(10);
        private int timestampBreaksLimit = 5;
        private Duration backoffMin = Duration.ofSeconds(1);
        private Duration backoffMax = Duration.ofSeconds(30);
        private Duration errorRetry = Duration.ofSeconds(30);
        private Duration probeInterval = Duration.ofSeconds(1);

        private Builder(String cameraId, String stream, String url, Path spoolDir) {
            this.cameraId = cameraId;
            this.stream = stream;
            this.url = url;
            this.spoolDir = spoolDir;
        }

        public Builder transport(Transport v) { transport = v; return this; }
        public Builder segmentTarget(Duration v) { segmentTarget = v; return this; }
        public Builder fragmentPolicy(FragmentPolicy v) { fragmentPolicy = v; return this; }
        public Builder openTimeout(Duration v) { openTimeout = v; return this; }
        public Builder stallTimeout(Duration v) { stallTimeout = v; return this; }
        public Builder noKeyframeTimeout(Duration v) { noKeyframeTimeout = v; return this; }
        public Builder forwardJumpLimit(Duration v) { forwardJumpLimit = v; return this; }
        public Builder timestampBreaksLimit(int v) { timestampBreaksLimit = v; return this; }
        public Builder backoff(Duration min, Duration max) { backoffMin = min; backoffMax = max; return this; }
        public Builder errorRetry(Duration v) { errorRetry = v; return this; }
        public Builder probeInterval(Duration v) { probeInterval = v; return this; }

        public CameraConfig build() {
            return new CameraConfig(cameraId, stream, url, transport, spoolDir, segmentTarget, fragmentPolicy,
                    openTimeout, stallTimeout, noKeyframeTimeout, forwardJumpLimit, timestampBreaksLimit,
                    backoffMin, backoffMax, errorRetry, probeInterval);
        }
    }
}
