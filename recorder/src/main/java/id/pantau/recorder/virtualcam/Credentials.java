package id.pantau.recorder.virtualcam;

import java.util.Objects;

/** A user name and password a virtual camera demands through RTSP Digest authentication. */
public record Credentials(String username, String password) {

    public Credentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isEmpty() || username.contains("\"") || username.contains(":")) {
            throw new IllegalArgumentException("username must be non-empty without quotes or colons");
        }
    }

    /** Never shows the password, so logging a mount's settings cannot leak it. */
    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=***]";
    }
}
