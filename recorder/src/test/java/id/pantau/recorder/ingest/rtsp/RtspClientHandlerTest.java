package id.pantau.recorder.ingest.rtsp;

import static id.pantau.recorder.ingest.rtsp.RtpVideoReceiverTest.hex;
import static id.pantau.recorder.ingest.rtsp.RtpVideoReceiverTest.rtp;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.recorder.ingest.IngestFailure;
import id.pantau.recorder.ingest.MediaPacket;
import id.pantau.recorder.ingest.Transport;
import id.pantau.recorder.virtualcam.rtsp.DigestAuthenticator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The RTSP client's conversation, played against scripted camera answers in an {@link EmbeddedChannel}. */
class RtspClientHandlerTest {

    private static final String URL = "rtsp://cam.example:554/live/main";
    private static final String SPS = Base64.getEncoder().encodeToString(hex("6742c01e"));
    private static final String PPS = Base64.getEncoder().encodeToString(hex("68ce3c80"));
    private static final String SDP = "v=0\r\no=- 1 1 IN IP4 10.0.0.9\r\ns=cam\r\nt=0 0\r\na=control:*\r\n"
            + "m=audio 0 RTP/AVP 0\r\na=control:track2\r\n"
            + "m=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n"
            + "a=fmtp:96 packetization-mode=1;sprop-parameter-sets=" + SPS + "," + PPS + "\r\n"
            + "a=framerate:25\r\na=control:track1\r\n";

    private final List<SdpVideoTrack> playing = new ArrayList<>();
    private final List<MediaPacket> units = new ArrayList<>();
    private final List<IngestFailure> failures = new ArrayList<>();
    private final RtspSessionListener listener = new RtspSessionListener() {
        @Override
        public void playing(SdpVideoTrack track) {
            playing.add(track);
        }

        @Override
        public boolean accessUnit(MediaPacket accessUnit) {
            return units.add(accessUnit);
        }

        @Override
        public void failed(IngestFailure failure) {
            failures.add(failure);
        }
    };

    private EmbeddedChannel connect(String url) {
        RtspClientHandler handler = new RtspClientHandler(RtspTarget.parse(url), Transport.TCP, "test", listener);
        EmbeddedChannel channel = new EmbeddedChannel(new RtspClientFraming(), handler);
        channel.freezeTime();
        return channel;
    }

    @Test
    void digestDescribeSetupPlayThenInterleavedVideoKeepAliveAndTeardown() {
        DigestAuthenticator camera = new DigestAuthenticator("cam", "operator", "pa:ss w@rd");
        EmbeddedChannel channel = connect("rtsp://operator:pa%3Ass%20w%40rd@cam.example:554/live/main");
        String options = request(channel);
        assertThat(options).startsWith("OPTIONS " + URL + " RTSP/1.0\r\n").contains("CSeq: 1\r\n")
                .doesNotContain("pa:ss").doesNotContain("Authorization");
        answer(channel, "RTSP/1.0 200 OK\r\nCSeq: 1\r\nPublic: OPTIONS, DESCRIBE, SETUP, PLAY, GET_PARAMETER, TEARDOWN\r\n\r\n");

        assertThat(request(channel)).startsWith("DESCRIBE " + URL + " RTSP/1.0\r\n").contains("CSeq: 2\r\n");
        answer(channel, "RTSP/1.0 401 Unauthorized\r\nCSeq: 2\r\n"
                + "WWW-Authenticate: Basic realm=\"cam\"\r\n"
                + "WWW-Authenticate: " + camera.challenge("n0nce") + "\r\n\r\n");
        String describe = request(channel);
        assertThat(describe).startsWith("DESCRIBE " + URL + " RTSP/1.0\r\n").contains("CSeq: 3\r\n");
        assertThat(camera.verify("DESCRIBE", header(describe, "Authorization"), "n0nce")).isTrue();
        answer(channel, "RTSP/1.0 200 OK\r\nCSeq: 3\r\nContent-Base: " + URL + "/\r\nContent-Type: application/sdp\r\n"
                + "Content-Length: " + SDP.length() + "\r\n\r\n" + SDP);

        String setup = request(channel);
        assertThat(setup).startsWith("SETUP " + URL + "/track1 RTSP/1.0\r\n")
                .contains("Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n");
        assertThat(camera.verify("SETUP", header(setup, "Authorization"), "n0nce")).isTrue();
        answer(channel, "RTSP/1.0 200 OK\r\nCSeq: 4\r\nSession: 12AB;timeout=20\r\n"
                + "Transport: RTP/AVP/TCP;unicast;interleaved=2-3\r\n\r\n");

        String play = request(channel);
        assertThat(play).startsWith("PLAY " + URL + "/ RTSP/1.0\r\n").contains("Session: 12AB\r\n");
        // the answer and the first RTP arrive in one read
        ByteBuf read = Unpooled.buffer();
        read.writeCharSequence("RTSP/1.0 200 OK\r\nCSeq: 5\r\nSession: 12AB\r\n\r\n", StandardCharsets.US_ASCII);
        interleave(read, 2, rtp(1, 9000, true, hex("6501aa")));
        interleave(read, 3, Unpooled.wrappedBuffer(hex("80c80006"))); // RTCP on the other channel
        interleave(read, 2, rtp(2, 12600, true, hex("4102bb")));
        channel.writeInbound(read);

        assertThat(playing).hasSize(1);
        assertThat(playing.get(0).frameRate()).isEqualTo(25.0);
        assertThat(units).extracting(MediaPacket::dts90k).containsExactly(0L, 3600L);
        assertThat(failures).isEmpty();

        channel.advanceTimeBy(10, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        String keepAlive = request(channel);
        assertThat(keepAlive).startsWith("GET_PARAMETER " + URL + "/ RTSP/1.0\r\n").contains("Session: 12AB\r\n");

        RtspClientHandler handler = channel.pipeline().get(RtspClientHandler.class);
        handler.teardown(channel);
        channel.runPendingTasks();
        assertThat(request(channel)).startsWith("TEARDOWN " + URL + "/ RTSP/1.0\r\n").contains("Session: 12AB\r\n");
        answer(channel, "RTSP/1.0 200 OK\r\nCSeq: 7\r\n\r\n");
        assertThat(channel.isOpen()).isFalse();
        assertThat(failures).extracting(IngestFailure::getMessage).containsExactly("stopped");
    }

    @Test
    void basicAuthWhenThatIsAllTheCameraOffers() {
        EmbeddedChannel channel = connect("rtsp://admin:secret@cam.example/live/main");
        request(channel);
        answer(channel, "RTSP/1.0 401 Unauthorized\r\nCSeq: 1\r\nWWW-Authenticate: Basic realm=\"x\"\r\n\r\n");
        String options = request(channel);
        assertThat(header(options, "Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("admin:secret".getBytes(StandardCharsets.UTF_8)));
        assertThat(options).contains("CSeq: 2");
    }

    @Test
    void refusedCredentialsAreAnAuthenticationFailure() {
        EmbeddedChannel channel = connect("rtsp://admin:wrong@cam.example/live/main");
        request(channel);
        answer(channel, "RTSP/1.0 200 OK\r\nCSeq: 1\r\n\r\n");
        request(channel);
        String challenge = "RTSP/1.0 401 Unauthorized\r\nCSeq: %d\r\nWWW-Authenticate: Digest realm=\"r\", nonce=\"n\"\r\n\r\n";
        answer(channel, challenge.formatted(2));
        request(channel);
        answer(channel, challenge.formatted(3));

        assertThat(failures).extracting(IngestFailure::kind).containsExactly(IngestFailure.Kind.AUTH_FAILED);
        assertThat(failures.get(0).getMessage()).isEqualTo("authentication failed: camera answered 401 Unauthorized")
                .doesNotContain("wrong");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void answersToDescribeBecomeTheFailuresOperatorsKnow() {
        assertThat(failureForDescribeAnswer("404 Not Found").getMessage()).isEqualTo("stream not found on camera (404)");
        IngestFailure busy = failureForDescribeAnswer("503 Service Unavailable");
        assertThat(busy.kind()).isEqualTo(IngestFailure.Kind.UNREACHABLE);
        assertThat(busy.getMessage()).isEqualTo("unreachable: camera answered DESCRIBE with 503 Service Unavailable");
        assertThat(failureForDescribeAnswer("401 Unauthorized").kind()).isEqualTo(IngestFailure.Kind.AUTH_FAILED);
    }

    @Test
    void anSdpWithoutH264OrH265IsAnUnsupportedCodec() {
        EmbeddedChannel channel = connect(URL);
        request(channel);
        answer(channel, "RTSP/1.0 200 OK\r\nCSeq: 1\r\n\r\n");
        request(channel);
        String sdp = "v=0\r\nm=video 0 RTP/AVP 26\r\na=control:trackID=0\r\n";
        answer(channel, "RTSP/1.0 200 OK\r\nCSeq: 2\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp);

        assertThat(failures).extracting(IngestFailure::getMessage).containsExactly("unsupported codec: mjpeg");
    }

    @Test
    void aConnectionClosedWhilePlayingIsALostConnectionAndGarbageIsSkipped() {
        EmbeddedChannel channel = connect(URL);
        request(channel);
        answer(channel, "RTSP/1.0 200 OK\r\nCSeq: 1\r\n\r\n");
        request(channel);
        answer(channel, "RTSP/1.0 200 OK\r\nCSeq: 2\r\nContent-Length: " + SDP.length() + "\r\n\r\n" + SDP);
        request(channel);
        answer(channel, "RTSP/1.0 200 OK\r\nCSeq: 3\r\nSession: 1\r\nTransport: RTP/AVP/TCP;interleaved=0-1\r\n\r\n");
        assertThat(request(channel)).startsWith("PLAY " + URL + " RTSP/1.0");
        answer(channel, "RTSP/1.0 200 OK\r\nCSeq: 4\r\n\r\n");
        ByteBuf read = Unpooled.buffer();
        read.writeBytes(hex("0102030405"));
        interleave(read, 0, rtp(1, 0, true, hex("6501")));
        channel.writeInbound(read);
        channel.close();

        assertThat(units).hasSize(1);
        assertThat(channel.pipeline().get(RtspClientFraming.class)).isNull(); // removed on close
        assertThat(failures).extracting(IngestFailure::getMessage)
                .containsExactly("connection lost: camera closed the connection");
    }

    private IngestFailure failureForDescribeAnswer(String status) {
        failures.clear();
        EmbeddedChannel channel = connect(URL);
        request(channel);
        answer(channel, "RTSP/1.0 200 OK\r\nCSeq: 1\r\n\r\n");
        request(channel);
        answer(channel, "RTSP/1.0 " + status + "\r\nCSeq: 2\r\n\r\n");
        assertThat(failures).hasSize(1);
        return failures.get(0);
    }

    private static String request(EmbeddedChannel channel) {
        ByteBuf out = channel.readOutbound();
        assertThat(out).as("a request was sent").isNotNull();
        try {
            return out.toString(StandardCharsets.US_ASCII);
        } finally {
            out.release();
        }
    }

    private static void answer(EmbeddedChannel channel, String response) {
        channel.writeInbound(Unpooled.copiedBuffer(response, StandardCharsets.ISO_8859_1));
    }

    private static void interleave(ByteBuf out, int channel, ByteBuf packet) {
        out.writeByte('$').writeByte(channel).writeShort(packet.readableBytes()).writeBytes(packet);
        packet.release();
    }

    private static String header(String request, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + ": ([^\r\n]*)").matcher(request);
        return m.find() ? m.group(1) : null;
    }
}
