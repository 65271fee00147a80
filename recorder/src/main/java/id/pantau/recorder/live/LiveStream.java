package id.pantau.recorder.live;

import java.util.Locale;

/** Which of a camera's streams a feed carries: the main (full resolution) or the sub (grid) stream. */
public enum LiveStream {
    MAIN,
    SUB;

    /** Lower-case name as used in URLs and configuration ("main", "sub"). */
    public String pathName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "main" or "sub" (any case); throws IllegalArgumentException otherwise. */
    public static LiveStream parse(String name) {
        for (LiveStream s : values()) {
            if (s.name().equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown stream: " + name);
    }
}
