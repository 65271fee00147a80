package id.pantau.recorder.health.alert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts each alert as JSON. {@code X-Pantau-Signature: sha256=<hex>} is the HMAC-SHA256 of the exact body under
 * the shared secret, so the receiver can check that the alert comes from Pantau and was not altered.
 */
public final class WebhookSink implements AlertSink {
    public static final String SIGNATURE_HEADER = "X-Pantau-Signature";

    private final URI url;
    private final byte[] secret;
    private final Duration timeout;
    private final HttpClient http;

    public WebhookSink(URI url, String secret, Duration timeout) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("a webhook needs a secret to sign with");
        }
        this.url = url;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public void deliver(Alert alert) throws IOException, InterruptedException {
        byte[] body = alert.toJson().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("X-Pantau-Event", "health.alert")
                .header("X-Pantau-Delivery", Long.toString(alert.id()))
                .header(SIGNATURE_HEADER, "sha256=" + sign(secret, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("webhook answered HTTP " + response.statusCode());
        }
    }

    /** Hex HMAC-SHA256 of {@code body}: what a receiver compares the header with. */
    public static String sign(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
