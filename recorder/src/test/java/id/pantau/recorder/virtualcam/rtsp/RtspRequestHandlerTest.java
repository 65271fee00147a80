package id.pantau.recorder.virtualcam.rtsp;

import id.pantau.recorder.virtualcam.RtspWire;
import id.pantau.recorder.virtualcam.RtspWire.Packet;
import id.pantau.recorder.virtualcam.RtspWire.Response;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class RtspRequestHandlerTest {

    private static final String BASE = "rtsp://127.0.0.1:8554/cam1/main";
    private static final String TCP = "RTP/AVP/TCP;unicast;interleaved=0-1";

    private final AtomicLong clockNanos = new AtomicLong(1_000_000_000L);
    private final MountRegistry mounts = new MountRegistry();
    private final SessionRegistry sessions = new SessionRegistry();
    private final PlaybackScheduler scheduler = new PlaybackScheduler(clockNanos::get, 10_000);
    private final EmbeddedChannel channel;
    private final DataInputStream received;
    private final ByteArrayOutputStream outbound = new ByteArrayOutputStream();
    private int cseq;

    RtspRequestHandlerTest() {
        mounts.add(new Mount("cam1/main", SyntheticClips.h264(), null));
        mounts.add(new Mount("cam1/h265", SyntheticClips.h265(), null));
        mounts.add(new Mount("cam1/secure", SyntheticClips.h264(),
                new DigestAuthenticator("Pantau virtual camera", "admin", "s3cret")));
        channel = new EmbeddedChannel(new RtspChannelInitializer(mounts, sessions, scheduler, 1388));
        received = new DataInputStream(new OutboundStream());
    }

    @AfterEach
    void closeChannel() {
        channel.finishAndReleaseAll();
    }

    @Test
    void optionsListsTheMethods() throws IOException {
        Response response = request("OPTIONS " + BASE + " RTSP/1.0\r\nCSeq: 1\r\n");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("CSeq")).isEqualTo("1");
        assertThat(response.header("Public")).contains("DESCRIBE", "SETUP", "PLAY", "GET_PARAMETER", "TEARDOWN");
    }

    @Test
    void describeH264CarriesParameterSetsAndContentBase() throws IOException {
        Response response = request("DESCRIBE " + BASE + " RTSP/1.0\r\nCSeq: 2\r\nAccept: application/sdp\r\n");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("application/sdp");
        assertThat(response.header("Content-Base")).isEqualTo(BASE + "/");
        assertThat(response.body())
                .contains("m=video 0 RTP/AVP 96", "a=rtpmap:96 H264/90000", "packetization-mode=1",
                        "profile-level-id=64001f", "a=control:trackID=0")
                .contains("sprop-parameter-sets=" + b64(SyntheticClips.SPS) + "," + b64(SyntheticClips.PPS));
    }

    @Test
    void describeH265CarriesVpsSpsPps() throws IOException {
        Response response = request("DESCRIBE rtsp://127.0.0.1:8554/cam1/h265 RTSP/1.0\r\nCSeq: 2\r\n");

        assertThat(response.body()).contains("a=rtpmap:96 H265/90000",
                "sprop-vps=" + b64(SyntheticClips.VPS), "sprop-sps=" + b64(SyntheticClips.SPS_265),
                "sprop-pps=" + b64(SyntheticClips.PPS_265));
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "DESCRIBE      | rtsp://127.0.0.1:8554/nope       |                                       | 404",
            "SETUP         | rtsp://127.0.0.1:8554/nope/trackID=0 | Transport: RTP/AVP/TCP;interleaved=0-1 | 404",
            "SETUP         | " + BASE + "/trackID=0 | Transport: RTP/AVP;unicast                     | 461",
            "SETUP         | " + BASE + "/trackID=0 | Transport: RTP/SAVP;unicast                 | 461",
            "SETUP         | " + BASE + "/trackID=0 | Session: 1234                               | 454",
            "PLAY          | " + BASE + "/     | Session: DEADBEEF                           | 454",
            "PLAY          | " + BASE + "/     |                                             | 454",
            "GET_PARAMETER | " + BASE + "/     | Session: DEADBEEF                           | 454",
            "TEARDOWN      | " + BASE + "/     | Session: DEADBEEF                           | 454",
            "RECORD        | " + BASE + "/     |                                             | 405",
            "ANNOUNCE      | " + BASE + "      |                                             | 405",
            "FROBNICATE    | " + BASE + "      |                                             | 501"})
    void answersErrorsAndKeepsServing(String method, String uri, String header, int status) throws IOException {
        String extra = header == null ? "" : header + "\r\n";
        Response error = request(method + " " + uri + " RTSP/1.0\r\nCSeq: 5\r\n" + extra);

        assertThat(error.status()).isEqualTo(status);
        assertThat(error.header("CSeq")).isEqualTo("5");
        assertThat(request("OPTIONS " + BASE + " RTSP/1.0\r\nCSeq: 6\r\n").status()).isEqualTo(200);
    }

    @Test
    void garbageGets400AndTheConnectionCloses() throws IOException {
        channel.writeInbound(Unpooled.copiedBuffer(new byte[] {0x16, 0x03, 0x01, 0x00, (byte) 0xA5, '\n', 0x01}));

        Response response = (Response) RtspWire.read(received);

        assertThat(response.status()).isEqualTo(400);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void requestWithoutCSeqIsABadRequest() throws IOException {
        assertThat(request("OPTIONS " + BASE + " RTSP/1.0\r\nUser-Agent: x\r\n").status()).isEqualTo(400);
    }

    @Test
    void interleavedRtcpFromTheClientIsSkipped() throws IOException {
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {'$', 1, 0, 4, (byte) 0x81, (byte) 0xC9, 0, 1}));

        assertThat(request("OPTIONS " + BASE + " RTSP/1.0\r\nCSeq: 9\r\n").status()).isEqualTo(200);
    }

    @Test
    void setupPlayStreamsInterleavedRtpPacedByTheClock() throws IOException {
        Response setup = request("SETUP " + BASE + "/trackID=0 RTSP/1.0\r\nCSeq: 3\r\nTransport: " + TCP + "\r\n");
        assertThat(setup.status()).isEqualTo(200);
        assertThat(setup.header("Transport")).startsWith("RTP/AVP/TCP;unicast;interleaved=0-1;ssrc=");
        assertThat(setup.header("Session")).endsWith(";timeout=60");
        String session = setup.header("Session").split(";")[0];
        int ssrc = (int) Long.parseLong(setup.header("Transport").replaceAll(".*ssrc=", ""), 16);
        assertThat(sessions.size()).isEqualTo(1);

        Response play = request("PLAY " + BASE + "/ RTSP/1.0\r\nCSeq: 4\r\nSession: " + session + "\r\n");

        assertThat(play.status()).isEqualTo(200);
        assertThat(play.header("Session")).isEqualTo(session);
        Matcher rtpInfo = Pattern.compile("url=" + Pattern.quote(BASE + "/trackID=0") + ";seq=(\\d+);rtptime=(\\d+)")
                .matcher(play.header("RTP-Info"));
        assertThat(rtpInfo.matches()).as(play.header("RTP-Info")).isTrue();
        List<Packet> firstFrame = packets();
        assertThat(firstFrame).isNotEmpty();
        assertThat(firstFrame.get(0).sequence()).isEqualTo(Integer.parseInt(rtpInfo.group(1)));
        assertThat(firstFrame.get(0).timestamp()).isEqualTo(Long.parseLong(rtpInfo.group(2)));
        assertThat(firstFrame).allSatisfy(p -> {
            assertThat(p.channel()).isZero();
            assertThat(p.ssrc()).isEqualTo(ssrc);
            assertThat(p.payloadType()).isEqualTo(96);
        });
        // SPS, PPS, then a 3000-byte IDR in three FU-A fragments; marker on the last one only
        assertThat(firstFrame).extracting(p -> p.payloadByte(0) & 0x1F).containsExactly(7, 8, 28, 28, 28);
        assertThat(firstFrame).extracting(Packet::marker).containsExactly(false, false, false, false, true);

        clockNanos.addAndGet(TimeUnit.SECONDS.toNanos(1));
        channel.advanceTimeBy(1, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();

        List<Packet> oneSecond = packets();
        assertThat(oneSecond.stream().filter(Packet::marker)).as("25 frames in one second").hasSize(25);
        for (int i = 0; i < oneSecond.size(); i++) {
            Packet previous = i == 0 ? firstFrame.get(firstFrame.size() - 1) : oneSecond.get(i - 1);
            assertThat(oneSecond.get(i).sequence()).isEqualTo((previous.sequence() + 1) & 0xFFFF);
        }
        Packet lastOfLoop = oneSecond.stream().filter(Packet::marker).toList().get(24);
        assertThat(lastOfLoop.timestamp()).as("frame 25 (the loop's first frame again) is 25 * 3600 later")
                .isEqualTo((firstFrame.get(0).timestamp() + 25 * 3600L) & 0xFFFF_FFFFL);
    }

    @Test
    void teardownAndDisconnectEndSessions() throws IOException {
        String first = setupSession(BASE);
        Response teardown = request("TEARDOWN " + BASE + "/ RTSP/1.0\r\nCSeq: 7\r\nSession: " + first + "\r\n");
        assertThat(teardown.status()).isEqualTo(200);
        assertThat(sessions.size()).isZero();

        setupSession(BASE);
        assertThat(sessions.size()).isEqualTo(1);
        channel.close();
        assertThat(sessions.size()).isZero();
    }

    @Test
    void keepAliveWithSessionIsAnswered() throws IOException {
        String session = setupSession(BASE);

        Response response = request("GET_PARAMETER " + BASE + "/ RTSP/1.0\r\nCSeq: 8\r\nSession: " + session + "\r\n");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Session")).isEqualTo(session);
    }

    @Test
    void refusingMountAnswers503() throws IOException {
        mounts.get("cam1/main").setRefuseConnections(true);

        assertThat(request("DESCRIBE " + BASE + " RTSP/1.0\r\nCSeq: 2\r\n").status()).isEqualTo(503);
        mounts.get("cam1/main").setRefuseConnections(false);
        assertThat(request("DESCRIBE " + BASE + " RTSP/1.0\r\nCSeq: 3\r\n").status()).isEqualTo(200);
    }

    @Test
    void digestProtectedMountChallengesAndAcceptsTheRightAnswer() throws Exception {
        String uri = "rtsp://127.0.0.1:8554/cam1/secure";
        Response challenge = request("DESCRIBE " + uri + " RTSP/1.0\r\nCSeq: 2\r\n");
        assertThat(challenge.status()).isEqualTo(401);
        String wwwAuthenticate = challenge.header("WWW-Authenticate");
        assertThat(wwwAuthenticate).startsWith("Digest ").contains("realm=\"Pantau virtual camera\"");
        String nonce = wwwAuthenticate.replaceAll(".*nonce=\"([^\"]+)\".*", "$1");

        Response wrong = request("DESCRIBE " + uri + " RTSP/1.0\r\nCSeq: 3\r\n"
                + authorization("admin", "guess", nonce, "DESCRIBE", uri));
        Response right = request("DESCRIBE " + uri + " RTSP/1.0\r\nCSeq: 4\r\n"
                + authorization("admin", "s3cret", nonce, "DESCRIBE", uri));

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(right.status()).isEqualTo(200);
        assertThat(right.body()).contains("H264/90000");
        assertThat(right.headers().values()).noneMatch(v -> v.contains("s3cret"));
    }

    private String setupSession(String base) throws IOException {
        Response setup = request("SETUP " + base + "/trackID=0 RTSP/1.0\r\nCSeq: 3\r\nTransport: " + TCP + "\r\n");
        assertThat(setup.status()).isEqualTo(200);
        return setup.header("Session").split(";")[0];
    }

    private Response request(String requestWithoutBlankLine) throws IOException {
        channel.writeInbound(Unpooled.copiedBuffer(requestWithoutBlankLine + "\r\n", StandardCharsets.US_ASCII));
        RtspWire.Message message = RtspWire.read(received);
        assertThat(message).isInstanceOf(Response.class);
        return (Response) message;
    }

    private List<Packet> packets() throws IOException {
        List<Packet> packets = new ArrayList<>();
        drainOutbound();
        while (received.available() > 0) {
            packets.add((Packet) RtspWire.read(received));
        }
        return packets;
    }

    private void drainOutbound() {
        for (Object msg = channel.readOutbound(); msg != null; msg = channel.readOutbound()) {
            ByteBuf buf = (ByteBuf) msg;
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            buf.release();
            outbound.writeBytes(bytes);
        }
    }

    private static String authorization(String user, String password, String nonce, String method, String uri)
            throws Exception {
        String realm = "Pantau virtual camera";
        String ha1 = md5(user + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + uri);
        return "Authorization: Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce
                + "\", uri=\"" + uri + "\", response=\"" + md5(ha1 + ":" + nonce + ":" + ha2) + "\"\r\n";
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Everything the channel wrote, as a stream; reading past it is the end of the connection. */
    private final class OutboundStream extends java.io.InputStream {
        private byte[] data = new byte[0];
        private int position;

        @Override
        public int read() throws IOException {
            if (position >= data.length) {
                drainOutbound();
                data = outbound.toByteArray();
                if (position >= data.length) {
                    throw new EOFException("no more outbound bytes");
                }
            }
            return data[position++] & 0xFF;
        }

        @Override
        public int available() {
            drainOutbound();
            return outbound.size() - position;
        }
    }
}
