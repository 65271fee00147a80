package id.pantau.recorder.virtualcam.rtsp;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** All sessions of one server by id, so PLAY, GET_PARAMETER and TEARDOWN can find the session SETUP made. */
public final class SessionRegistry {

    private final Map<String, RtspSession> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    String newId() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).toUpperCase();
    }

    void add(RtspSession session) {
        sessions.put(session.id(), session);
    }

    RtspSession find(String id) {
        return id == null ? null : sessions.get(id);
    }

    boolean remove(RtspSession session) {
        return sessions.remove(session.id(), session);
    }

    public int size() {
        return sessions.size();
    }
}
