package id.pantau.web.live;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A live socket client (Java's own WebSocket): every whole message, text or binary, with its arrival time. */
final class LiveSocketClient implements AutoCloseable {

  /** One message: {@code text} or {@code binary} is set. */
  record Message(String text, byte[] binary, long arrivedNanos) {}

  private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
  private final WebSocket socket;
  final long openedNanos;
  /** When the upgrade completed: the server has admitted the viewer. */
  final long connectedNanos;

  LiveSocketClient(String wsUrl, String cookie) throws Exception {
    WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
        .connectTimeout(Duration.ofSeconds(10));
    if (cookie != null) {
      builder.header("Cookie", cookie);
    }
    openedNanos = System.nanoTime();
    socket = builder.buildAsync(URI.create(wsUrl), new Collector()).get(15, TimeUnit.SECONDS);
    connectedNanos = System.nanoTime();
  }

  Message next(long timeoutMs) throws InterruptedException {
    Message m = messages.poll(timeoutMs, TimeUnit.MILLISECONDS);
    if (m == null) {
      throw new AssertionError("no live message within " + timeoutMs + " ms");
    }
    return m;
  }

  @Override
  public void close() throws Exception {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
  }

  private final class Collector implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        messages.add(new Message(text.toString(), null, System.nanoTime()));
        text.setLength(0);
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
      byte[] bytes = new byte[data.remaining()];
      data.get(bytes);
      binary.writeBytes(bytes);
      if (last) {
        messages.add(new Message(null, binary.toByteArray(), System.nanoTime()));
        binary.reset();
      }
      ws.request(1);
      return null;
    }
  }
}
