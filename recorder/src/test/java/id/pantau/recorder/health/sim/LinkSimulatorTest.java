package id.pantau.recorder.health.sim;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.recorder.health.probe.LinkProbes;
import id.pantau.recorder.health.probe.ProbeTarget;
import id.pantau.recorder.health.state.ProbeResult;
import id.pantau.recorder.virtualcam.MediaFixtures;
import id.pantau.recorder.virtualcam.VirtualCameraServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The link simulator with the real probes through it: cut, restore, delay and loss, on 127.0.0.1 only. */
class LinkSimulatorTest {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    static ServerSocket echo;
    static LinkProbes probes;

    @BeforeAll
    static void echoServer() throws Exception {
        echo = new ServerSocket(0, 50, LOOPBACK);
        Thread t = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket s = echo.accept();
                    daemon(() -> {
                        try (s) {
                            s.getInputStream().transferTo(s.getOutputStream());
                        } catch (Exception ignored) {
                            // the peer went away
                        }
                    });
                } catch (Exception e) {
                    return;
                }
            }
        }, "echo");
        t.setDaemon(true);
        t.start();
        probes = new LinkProbes(2, Clock.systemUTC());
    }

    @AfterAll
    static void stop() throws Exception {
        probes.close();
        echo.close();
    }

    static Thread daemon(Runnable r) {
        Thread t = new Thread(r);
        t.setDaemon(true);
        t.start();
        return t;
    }

    static LinkSimulator link(int upstreamPort) {
        return new LinkSimulator(new InetSocketAddress(LOOPBACK, 0), new InetSocketAddress(LOOPBACK, upstreamPort))
                .start();
    }

    ProbeResult tcp(LinkSimulator link) {
        return probes.probe(ProbeTarget.parse("127.0.0.1:" + link.port()), 1000).join();
    }

    @Test
    void aCutRefusesNewConnectionsDropsOpenOnesAndARestoreKeepsThePort() throws Exception {
        try (LinkSimulator link = link(echo.getLocalPort());
             Socket client = new Socket(LOOPBACK, link.port())) {
            client.setSoTimeout(3000);
            client.getOutputStream().write("hello".getBytes());
            assertThat(client.getInputStream().readNBytes(5)).isEqualTo("hello".getBytes());
            assertThat(tcp(link).answered()).isTrue();
            int port = link.port();

            link.cut();
            assertThat(client.getInputStream().read()).as("the open connection is dropped").isEqualTo(-1);
            ProbeResult refused = tcp(link);
            assertThat(refused.answered()).isFalse();
            assertThat(refused.detail()).isEqualTo("connection refused");
            assertThat(link.isCut()).isTrue();

            link.restore();
            assertThat(link.port()).isEqualTo(port);
            assertThat(tcp(link).answered()).isTrue();
        }
    }

    @Test
    void delayShowsInAnRtspRoundTripButNotInABareConnect() throws Exception {
        try (VirtualCameraServer cams = new VirtualCameraServer(new InetSocketAddress("127.0.0.1", 0))) {
            cams.mount("cam1/main", MediaFixtures.shortH264());
            cams.start();
            try (LinkSimulator link = link(cams.port())) {
                ProbeTarget rtsp = ProbeTarget.parse("rtsp://127.0.0.1:" + link.port() + "/cam1/main");
                probes.probe(rtsp, 2000).join();
                ProbeResult fast = probes.probe(rtsp, 2000).join();
                link.delay(300);
                ProbeResult slow = probes.probe(rtsp, 2000).join();
                ProbeResult connect = tcp(link);
                System.out.printf("RTSP OPTIONS through the link: %d ms, with 300 ms delay each way %d ms;"
                        + " TCP connect with delay %d ms%n", fast.latencyMs(), slow.latencyMs(), connect.latencyMs());
                assertThat(fast.answered()).isTrue();
                assertThat(fast.latencyMs()).isLessThan(200);
                assertThat(slow.answered()).isTrue();
                assertThat(slow.latencyMs()).as("request and answer each wait 300 ms").isBetween(600L, 1500L);
                assertThat(connect.latencyMs()).as("the proxy's kernel completes the handshake").isLessThan(200);
            }
        }
    }

    @Test
    void aLossyLinkDeliversEveryByteInOrderButLate() throws Exception {
        byte[] data = new byte[512 * 1024];
        new Random(7).nextBytes(data);
        try (LinkSimulator link = link(echo.getLocalPort())) {
            link.loss(0.3, 50);
            try (Socket client = new Socket(LOOPBACK, link.port())) {
                client.setSoTimeout(10_000);
                OutputStream out = client.getOutputStream();
                Thread writer = daemon(() -> {
                    try {
                        out.write(data);
                        out.flush();
                    } catch (Exception ignored) {
                        // the read below fails the test
                    }
                });
                InputStream in = client.getInputStream();
                long start = System.nanoTime();
                byte[] back = in.readNBytes(data.length);
                long ms = (System.nanoTime() - start) / 1_000_000;
                writer.join();
                System.out.printf("512 KiB echoed through a link losing 30 %% of chunks in %d ms%n", ms);
                assertThat(Arrays.equals(back, data)).as("every byte, in order").isTrue();
                assertThat(ms).as("retransmissions take time").isGreaterThanOrEqualTo(50);
            }
        }
    }
}
