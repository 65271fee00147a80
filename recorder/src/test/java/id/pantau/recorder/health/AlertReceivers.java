package id.pantau.recorder.health;

import com.sun.net.httpserver.HttpServer;
import id.pantau.recorder.health.alert.WebhookSink;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The far ends of alerts, real and on 127.0.0.1: a webhook receiver (the JDK's HTTP server) that checks each
 * signature, and a Moquette MQTT broker with a Paho subscriber.
 */
final class AlertReceivers implements AutoCloseable {
    /** A message as received, with whether its signature matched. */
    record Received(String topicOrPath, String body, boolean signatureValid) {
    }

    final List<Received> webhook = new CopyOnWriteArrayList<>();
    final List<Received> mqtt = new CopyOnWriteArrayList<>();
    private final HttpServer http;
    private final Server broker;
    private final MqttClient subscriber;
    private final int mqttPort;

    AlertReceivers(String secret) throws IOException, MqttException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        http.createContext("/hooks/pantau", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst(WebhookSink.SIGNATURE_HEADER);
            boolean valid = ("sha256=" + WebhookSink.sign(secret.getBytes(StandardCharsets.UTF_8), body))
                    .equals(signature);
            webhook.add(new Received(exchange.getRequestURI().getPath(), new String(body, StandardCharsets.UTF_8),
                    valid));
            exchange.sendResponseHeaders(valid ? 204 : 401, -1);
            exchange.close();
        });
        http.start();
        mqttPort = freePort();
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", Integer.toString(mqttPort));
        p.setProperty("allow_anonymous", "true");
        p.setProperty("persistence_enabled", "false");
        // Moquette reports usage to its authors unless told not to; tests send nothing off this machine
        p.setProperty("telemetry_enabled", "false");
        broker = new Server();
        broker.startServer(new MemoryConfig(p));
        subscriber = new MqttClient(mqttUri(), "test-subscriber", new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        subscriber.connect(o);
        subscriber.subscribe("pantau/health/#", 1, (topic, message) ->
                mqtt.add(new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8), true)));
    }

    String webhookUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/hooks/pantau";
    }

    String mqttUri() {
        return "tcp://127.0.0.1:" + mqttPort;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        subscriber.disconnect();
        subscriber.close();
        broker.stopServer();
        http.stop(0);
    }
}
