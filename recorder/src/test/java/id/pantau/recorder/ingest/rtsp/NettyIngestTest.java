package id.pantau.recorder.ingest.rtsp;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.recorder.ingest.CameraConfig;
import id.pantau.recorder.ingest.CameraRecorder;
import id.pantau.recorder.ingest.CameraState.Phase;
import id.pantau.recorder.ingest.Ingest;
import id.pantau.recorder.ingest.PacketSource;
import id.pantau.recorder.ingest.RtspDescribeProbe;
import id.pantau.recorder.ingest.StreamStats;
import id.pantau.recorder.ingest.Transport;
import id.pantau.recorder.segment.ClosedSegment;
import id.pantau.recorder.segment.RunInfo;
import id.pantau.recorder.segment.RunStartReason;
import id.pantau.recorder.segment.SpoolFiles;
import id.pantau.recorder.segment.VideoCodec;
import id.pantau.recorder.testing.Await;
import id.pantau.recorder.testing.CollectingSink;
import id.pantau.recorder.testing.GstRtspServer;
import id.pantau.recorder.testing.SegmentChecks;
import id.pantau.recorder.virtualcam.Credentials;
import id.pantau.recorder.virtualcam.MediaFixtures;
import id.pantau.recorder.virtualcam.MountControl;
import id.pantau.recorder.virtualcam.VirtualCameraServer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Netty RTSP ingest end to end against the project's virtual cameras (Digest, H.264 and H.265, TCP and UDP,
 * clock jumps, pauses) and GStreamer's RTSP server (H.265 over UDP), each recording checked with ffprobe.
 */
class NettyIngestTest {

    private static final Credentials OPERATOR = new Credentials("operator", "Pw:with@odd chars");

    @TempDir
    Path spool;

    static VirtualCameraServer cameras;

    @BeforeAll
    static void startCameras() {
        cameras = new VirtualCameraServer(new InetSocketAddress("127.0.0.1", 0));
        cameras.mount("digest/main", MediaFixtures.mainH264(), OPERATOR);
        cameras.mount("hevc/main", MediaFixtures.mainH265());
        cameras.mount("jumpy/main", MediaFixtures.mainH264());
        cameras.mount("plain/main", MediaFixtures.mainH264());
        cameras.start();
    }

    @AfterAll
    static void stopCameras() {
        cameras.close();
    }

    private CameraConfig.Builder camera(String id, String url) {
        return CameraConfig.builder(id, "main", url, spool).segmentTarget(Duration.ofSeconds(2))
                .openTimeout(Duration.ofSeconds(5));
    }

    private static String withCredentials(String url, Credentials c) {
        return id.pantau.recorder.ingest.RtspUrls.withCredentials(url, c.username(), c.password());
    }

    @Test
    void aReaderThatFallsSecondsBehindLosesNoFrameBecauseTheConnectionPauses() throws Exception {
        NettyStreamOpener opener = NettyStreamOpener.shared();
        try (PacketSource source = opener.open(camera("plain", cameras.url("plain/main")).build())) {
            RtspPacketSource rtsp = (RtspPacketSource) source;
            long first = source.read().dts90k();
            // a stuck disk: nothing taken for 7 s, more than the 1 MiB / 128 frames the queue holds at 2 Mbit/s
            Thread.sleep(7_000);
            assertThat(rtsp.readPauses()).as("reading paused").isPositive();
            long previous = first;
            for (int i = 0; i < 250; i++) {
                long dts90k = source.read().dts90k();
                assertThat(dts90k - previous).as("frame %d follows the one before it", i).isEqualTo(3600);
                previous = dts90k;
            }
            assertThat(source.lostPackets()).isZero();
        }
    }

    @Test
    void recordsH264OverTcpWithDigestAndH265OverUdp() throws Exception {
        CollectingSink h264Sink = new CollectingSink();
        CollectingSink h265Sink = new CollectingSink();
        CameraRecorder h264 = CameraRecorder.rtsp(camera("digest", withCredentials(cameras.url("digest/main"),
                OPERATOR)).build(), h264Sink);
        CameraRecorder h265 = CameraRecorder.rtsp(camera("hevc", cameras.url("hevc/main"))
                .transport(Transport.UDP).build(), h265Sink);
        h264.start();
        h265.start();
        StreamStats h264Stats;
        StreamStats h265Stats;
        try {
            Await.millisUntil(() -> h264Sink.segments().size() >= 2 && h265Sink.segments().size() >= 2, 30_000,
                    "two segments from each camera");
            h264Stats = h264.snapshot();
            h265Stats = h265.snapshot();
        } finally {
            h264.stop();
            h265.stop();
        }
        verify(h264Sink, VideoCodec.H264);
        verify(h265Sink, VideoCodec.H265);
        for (StreamStats stats : List.of(h264Stats, h265Stats)) {
            assertThat(stats.fps()).isBetween(20.0, 30.0);
            assertThat(stats.gopFrames()).isEqualTo(50);
            assertThat(stats.packetsLost()).isZero();
            assertThat(stats.reconnects()).isZero();
        }
        Await.millisUntil(() -> cameras.control("digest/main").activeSessions() == 0
                && cameras.control("hevc/main").activeSessions() == 0, 5_000, "sessions torn down");
    }

    /** Where epoll does not load the ingest falls back to the JDK's NIO: the same session, TCP and UDP. */
    @Test
    void recordsOverTcpAndUdpOnTheNioFallbackTransport() throws Exception {
        EventLoopGroup nio = new MultiThreadIoEventLoopGroup(1, RtspTransport.NIO.ioHandlerFactory());
        try {
            NettyStreamOpener opener = new NettyStreamOpener(nio, RtspTransport.NIO);
            CollectingSink tcpSink = new CollectingSink();
            CollectingSink udpSink = new CollectingSink();
            CameraRecorder tcp = new CameraRecorder(camera("plain", cameras.url("plain/main")).build(), opener,
                    SpoolFiles.nio(), tcpSink, Clock.systemUTC(), new RtspDescribeProbe(), new Random());
            CameraRecorder udp = new CameraRecorder(camera("hevc", cameras.url("hevc/main"))
                    .transport(Transport.UDP).build(), opener, SpoolFiles.nio(), udpSink, Clock.systemUTC(),
                    new RtspDescribeProbe(), new Random());
            tcp.start();
            udp.start();
            try {
                Await.millisUntil(() -> tcpSink.segments().size() >= 2 && udpSink.segments().size() >= 2, 30_000,
                        "two segments over TCP and over UDP");
            } finally {
                tcp.stop();
                udp.stop();
            }
            verify(tcpSink, VideoCodec.H264);
            verify(udpSink, VideoCodec.H265);
        } finally {
            nio.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void h265OverUdpFromGstreamer() throws Exception {
        try (GstRtspServer server = GstRtspServer.start()) {
            CollectingSink sink = new CollectingSink();
            CameraRecorder recorder = CameraRecorder.rtsp(camera("gst265", server.url("h265"))
                    .transport(Transport.UDP).build(), sink);
            recorder.start();
            try {
                Await.millisUntil(() -> sink.segments().size() >= 2, 30_000, "two segments over UDP");
            } finally {
                recorder.stop();
            }
            assertThat(sink.runs()).extracting(RunInfo::width, RunInfo::height)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(640, 360));
            for (ClosedSegment s : sink.segments()) {
                SegmentChecks.assertValid(s, VideoCodec.H265);
            }
        }
    }

    @Test
    void aWrongPasswordPutsTheCameraInErrorWithoutShowingIt() throws Exception {
        CollectingSink sink = new CollectingSink();
        CameraRecorder recorder = CameraRecorder.rtsp(camera("wrongpw", withCredentials(cameras.url("digest/main"),
                new Credentials("operator", "not-it"))).build(), sink);
        recorder.start();
        try {
            Await.millisUntil(() -> recorder.state().phase() == Phase.ERROR, 10_000, "ERROR");
            assertThat(recorder.state().detail()).isEqualTo("authentication failed: camera answered 401 Unauthorized");
        } finally {
            recorder.stop();
        }
        assertThat(sink.runs()).isEmpty();
    }

    @Test
    void aClockJumpStartsANewRunAndAPausedCameraIsAStall() throws Exception {
        MountControl control = cameras.control("jumpy/main");
        CollectingSink sink = new CollectingSink();
        CameraRecorder recorder = CameraRecorder.rtsp(camera("jumpy", cameras.url("jumpy/main")).build(), sink);
        recorder.start();
        try {
            Await.millisUntil(() -> sink.segments().size() >= 1, 20_000, "a first segment");
            control.jumpTimestamps(30 * 90_000L);
            Await.millisUntil(() -> sink.runs().size() == 2, 10_000, "a second run after the jump");
            assertThat(sink.runs().get(1).reason()).isEqualTo(RunStartReason.TIMESTAMP_JUMP_FORWARD);
            Await.millisUntil(() -> sink.segments().stream().anyMatch(s -> s.runId().equals(sink.runs().get(1).runId())),
                    10_000, "a segment of the second run");

            control.pause();
            long stalledMs = Await.millisUntil(() -> !recorder.state().recording(), 8_000, "stall noticed");
            assertThat(recorder.state().detail()).isEqualTo("stalled: no video for 4000 ms");
            assertThat(stalledMs).isLessThanOrEqualTo(5_000);
            control.resume();
            Await.millisUntil(() -> recorder.state().recording() && sink.runs().size() == 3, 10_000, "recording again");
            assertThat(sink.runs().get(2).reason()).isEqualTo(RunStartReason.RECONNECT);
        } finally {
            recorder.stop();
        }
        for (ClosedSegment s : sink.segments()) {
            SegmentChecks.assertValid(s, VideoCodec.H264);
        }
    }

    @Test
    void theFfmpegIngestStaysSelectable() throws Exception {
        CollectingSink sink = new CollectingSink();
        CameraRecorder recorder = CameraRecorder.rtsp(camera("viaffmpeg", cameras.url("plain/main")).build(), sink,
                Ingest.FFMPEG);
        recorder.start();
        try {
            Await.millisUntil(() -> sink.segments().size() >= 1, 20_000, "a segment through FFmpeg");
        } finally {
            recorder.stop();
        }
        verify(sink, VideoCodec.H264);
    }

    private static void verify(CollectingSink sink, VideoCodec codec) throws Exception {
        assertThat(sink.runs()).hasSize(1);
        assertThat(sink.runs().get(0).codec()).isEqualTo(codec);
        assertThat(sink.runs().get(0).width()).isEqualTo(1280);
        assertThat(sink.runs().get(0).height()).isEqualTo(720);
        long next90k = 0;
        for (ClosedSegment s : sink.segments()) {
            SegmentChecks.assertValid(s, codec);
            assertThat(s.mediaStart90k()).as("segments of a run join").isEqualTo(next90k);
            assertThat(s.mediaDuration90k()).as("25 fps, no frame missing").isEqualTo(s.frameCount() * 3600L);
            next90k += s.mediaDuration90k();
        }
    }
}
