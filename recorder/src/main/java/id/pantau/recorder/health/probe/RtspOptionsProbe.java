package id.pantau.recorder.health.probe;

import id.pantau.recorder.health.state.ProbeResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * An RTSP OPTIONS round trip: any RTSP status line is an answer (the device behind the link is there), and the
 * time to it measures the delay across the link, which a bare TCP connect to a nearby proxy or switch would
 * not. Blocking with a deadline, on the probe pool.
 */
final class RtspOptionsProbe implements LinkProbe {
    private final Executor pool;
    private final Clock clock;

    RtspOptionsProbe(Executor pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<ProbeResult> probe(ProbeTarget target, long timeoutMs) {
        return CompletableFuture.supplyAsync(() -> roundTrip(target, (int) Math.max(1, timeoutMs)), pool);
    }

    private ProbeResult roundTrip(ProbeTarget target, int timeoutMs) {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(target.host(), target.port()), timeoutMs);
            socket.setSoTimeout(timeoutMs);
            String request = "OPTIONS " + target + " RTSP/1.0\r\nCSeq: 1\r\nUser-Agent: pantau-link-probe\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] status = in.readNBytes(9);
            long latencyMs = (System.nanoTime() - start) / 1_000_000;
            if (new String(status, StandardCharsets.US_ASCII).startsWith("RTSP/1.")) {
                return ProbeResult.answered(latencyMs, clock.millis());
            }
            return ProbeResult.failed("no RTSP answer", clock.millis());
        } catch (SocketTimeoutException e) {
            return ProbeResult.failed("no answer within " + timeoutMs + " ms", clock.millis());
        } catch (IOException e) {
            return ProbeResult.failed(TcpConnectProbe.describe(e, timeoutMs), clock.millis());
        }
    }
}
