package id.pantau.recorder.health.alert;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Publishes each alert as JSON to {@code <topicPrefix>/<link|camera>/<id>} with QoS 1 (Eclipse Paho, MQTT 3.1.1).
 * Connects on first use and again after the broker was lost; called on the alert thread only.
 */
public final class MqttSink implements AlertSink, AutoCloseable {
    private final MqttClient client;
    private final MqttConnectOptions options;
    private final String topicPrefix;

    /** @param brokerUri e.g. {@code tcp://10.0.0.5:1883} or {@code ssl://...} */
    public MqttSink(String brokerUri, String clientId, String topicPrefix, String username, String password,
                    int timeoutSeconds) throws MqttException {
        this.client = new MqttClient(brokerUri, clientId, new MemoryPersistence());
        this.topicPrefix = topicPrefix.replaceAll("/+$", "");
        this.options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setConnectionTimeout(timeoutSeconds);
        options.setAutomaticReconnect(false);
        if (username != null && !username.isBlank()) {
            options.setUserName(username);
            options.setPassword(password == null ? new char[0] : password.toCharArray());
        }
        client.setTimeToWait(timeoutSeconds * 1000L);
    }

    @Override
    public String name() {
        return "mqtt";
    }

    @Override
    public void deliver(Alert alert) throws MqttException {
        if (!client.isConnected()) {
            client.connect(options);
        }
        MqttMessage message = new MqttMessage(alert.toJson().getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        client.publish(topic(alert), message);
    }

    String topic(Alert alert) {
        return topicPrefix + "/" + alert.subjectKind().name().toLowerCase(Locale.ROOT) + "/" + alert.subjectId();
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(1000);
            }
            client.close();
        } catch (MqttException e) {
            // closing anyway
        }
    }
}
