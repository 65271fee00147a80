package id.pantau.recorder.live;

import id.pantau.recorder.mp4.NalUnits;
import id.pantau.recorder.segment.Sample;
import id.pantau.recorder.segment.VideoFormat;
import id.pantau.recorder.virtualcam.media.AccessUnit;
import id.pantau.recorder.virtualcam.media.NalUnit;
import id.pantau.recorder.virtualcam.media.VideoCodec;
import id.pantau.recorder.virtualcam.media.VideoCodec.ParameterSetKind;
import id.pantau.recorder.virtualcam.rtsp.MediaDescription;
import id.pantau.recorder.virtualcam.rtsp.RtspException;
import id.pantau.recorder.virtualcam.rtsp.RtspMount;
import id.pantau.recorder.virtualcam.rtsp.RtspPlayer;
import id.pantau.recorder.virtualcam.rtsp.RtspSession;
import io.netty.channel.Channel;
import io.netty.handler.codec.rtsp.RtspResponseStatuses;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A live feed restreamed to one RTSP connection: subscribed when the connection first names it, described once the
 * feed's format is known, and sent as RTP from the subscription (no session of its own on the camera). Everything
 * but the subscription's ready signal runs on the connection's event loop.
 */
final class FeedMount implements RtspMount {

    static final String REALM = "Pantau";

    private final RestreamGuard.Admission.Admitted viewer;
    private final String path;
    private final String authorization;
    private final Channel connection;
    private final RestreamGuard guard;
    private final Clock clock;
    private final CompletableFuture<RtspMount> described = new CompletableFuture<>();
    private LiveSubscription subscription;
    private MediaDescription description;
    private double frameRate;
    private Player player;

    FeedMount(RestreamGuard.Admission.Admitted viewer, String path, String authorization, Channel connection,
              RestreamGuard guard, Clock clock) {
        this.viewer = viewer;
        this.path = path;
        this.authorization = authorization;
        this.connection = connection;
        this.guard = guard;
        this.clock = clock;
    }

    /** Joins the feed; completes once its format is known, or with 503 after {@code timeoutMs}. */
    CompletableFuture<RtspMount> subscribe(LiveHub hub, int queueFrames, long timeoutMs) {
        connection.eventLoop().execute(() -> {
            subscription = hub.subscribe(viewer.key(), queueFrames, () -> connection.eventLoop().execute(this::ready));
            connection.eventLoop().schedule(() -> {
                if (described.completeExceptionally(new RtspException(RtspResponseStatuses.SERVICE_UNAVAILABLE,
                        "no video from the camera yet"))) {
                    release();
                }
            }, timeoutMs, TimeUnit.MILLISECONDS);
            ready();
        });
        return described;
    }

    /** Events are queued: before the format is known, look for it; while playing, send. */
    private void ready() {
        if (description == null) {
            awaitFormat();
        } else if (player != null) {
            player.drain();
        }
    }

    private void awaitFormat() {
        if (described.isDone()) {
            return;
        }
        for (LiveEvent e = subscription.poll(); e != null; e = subscription.poll()) {
            if (e instanceof LiveEvent.Format f) {
                MediaDescription d = describe(f.format(), f.frameRate());
                if (d == null) {
                    continue;
                }
                description = d;
                frameRate = f.frameRate();
                described.complete(this); // the frames after the format stay queued for PLAY
                return;
            }
            if (e instanceof LiveEvent.Status s && s.status().state() == FeedStatus.State.UNAVAILABLE) {
                described.completeExceptionally(new RtspException(RtspResponseStatuses.NOT_FOUND,
                        s.status().detail()));
                release();
                return;
            }
        }
    }

    /** The parameter sets of an Annex-B format as the SDP carries them; null when they are incomplete. */
    private static MediaDescription describe(VideoFormat format, double frameRate) {
        VideoCodec codec = format.codec() == id.pantau.recorder.segment.VideoCodec.H264 ? VideoCodec.H264
                : VideoCodec.H265;
        byte[] extradata = format.extradata();
        if (!NalUnits.isAnnexB(extradata)) {
            return null;
        }
        Map<ParameterSetKind, byte[]> sets = new EnumMap<>(ParameterSetKind.class);
        for (NalUnits.Nal nal : NalUnits.split(extradata)) {
            ParameterSetKind kind = codec.parameterSetKind(codec.nalType(nal.buffer()[nal.offset()]));
            if (kind != null) {
                sets.putIfAbsent(kind, nal.copy());
            }
        }
        boolean complete = sets.containsKey(ParameterSetKind.SPS) && sets.containsKey(ParameterSetKind.PPS)
                && (codec == VideoCodec.H264 || sets.containsKey(ParameterSetKind.VPS));
        return complete ? new MediaDescription(codec, sets, (int) Math.round(frameRate > 0 ? frameRate : 25)) : null;
    }

    @Override
    public String path() {
        return path;
    }

    /** Every request of the connection must carry the credentials that were admitted. */
    @Override
    public void authorize(String method, String requestAuthorization, String nonce) {
        if (!Objects.equals(authorization, requestAuthorization)) {
            throw unauthenticated();
        }
    }

    static RtspException unauthenticated() {
        return new RtspException(RtspResponseStatuses.UNAUTHORIZED, "credentials required",
                Map.of("WWW-Authenticate", "Basic realm=\"" + REALM + "\""));
    }

    @Override
    public MediaDescription description() {
        return description;
    }

    @Override
    public RtspPlayer player(RtspSession session) {
        if (player != null) {
            throw new RtspException(RtspResponseStatuses.METHOD_NOT_VALID, "one session per stream and connection");
        }
        player = new Player(session);
        return player;
    }

    @Override
    public void release() {
        if (subscription != null) {
            subscription.close();
        }
    }

    /** Sends the subscription's frames as RTP while the connection takes them; the subscription skips otherwise. */
    private final class Player implements RtspPlayer {
        private final RtspSession session;
        private final LiveTimeline timeline = new LiveTimeline(frameRate);
        private final long initialTimestamp90k = ThreadLocalRandom.current().nextLong(0x1_0000_0000L);
        private boolean playing;
        private long startedWallMs;

        Player(RtspSession session) {
            this.session = session;
        }

        @Override
        public void play() {
            if (!playing) {
                playing = true;
                startedWallMs = clock.millis();
                guard.started(viewer, remote());
            }
            drain();
        }

        @Override
        public void stop() {
            if (playing) {
                playing = false;
                guard.stopped(viewer, remote(), clock.millis() - startedWallMs);
            }
            player = null;
        }

        @Override
        public long nextTimestamp90k() {
            return (initialTimestamp90k + timeline.end90k()) & 0xFFFFFFFFL;
        }

        @Override
        public void writable() {
            drain();
        }

        void drain() {
            boolean sent = false;
            while (playing && session.sink().isWritable()) {
                LiveEvent e = subscription.poll();
                if (e == null) {
                    break;
                }
                // a new format mid-stream needs nothing here: its parameter sets travel in band with the keyframe
                if (e instanceof LiveEvent.Frame f) {
                    Sample s = timeline.place(f.accessUnit(), f.discontinuity());
                    session.sink().send(accessUnit(s), (initialTimestamp90k + s.pts90k()) & 0xFFFFFFFFL);
                    sent = true;
                }
            }
            if (sent) {
                session.sink().flush();
            }
        }

        private String remote() {
            return hostOf(connection);
        }
    }

    /** The client's address without its port, as the audit trail records addresses. */
    static String hostOf(Channel connection) {
        return connection.remoteAddress() instanceof java.net.InetSocketAddress a && a.getAddress() != null
                ? a.getAddress().getHostAddress() : String.valueOf(connection.remoteAddress());
    }

    private static AccessUnit accessUnit(Sample sample) {
        List<NalUnit> nals = new ArrayList<>();
        for (NalUnits.Nal nal : NalUnits.split(sample.data())) {
            nals.add(new NalUnit(nal.buffer(), nal.offset(), nal.length()));
        }
        return new AccessUnit(nals, sample.keyframe());
    }
}
