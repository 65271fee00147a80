package id.pantau.recorder.virtualcam.rtsp;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** All sessions of one server by id, so PLAY, GET_PARAMETER and TEARDOWN can find the session SETUP made. */
public final class SessionRegistry {

    private final Map<String, PlaybackSession> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    String newId() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).toUpperCase();
    }

    void add(PlaybackSession session) {
        sessions.put(session.id(), session);
        session.mount().addSession(session);
    }

    PlaybackSession find(String id) {
        return id == null ? null : sessions.get(id);
    }

    void remove(PlaybackSession session) {
        if (sessions.remove(session.id(), session)) {
            session.mount().removeSession(session);
        }
    }

    public int size() {
        return sessions.size();
    }
}
