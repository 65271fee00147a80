package id.pantau.recorder.ingest.rtsp;

/** The Session header of a SETUP answer: the session id and how long the camera keeps an idle session. */
record SessionHeader(String id, int timeoutSeconds) {

    static final int DEFAULT_TIMEOUT_SECONDS = 60;

    static SessionHeader parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String[] parts = value.split(";");
        int timeout = DEFAULT_TIMEOUT_SECONDS;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            if (p.regionMatches(true, 0, "timeout=", 0, 8)) {
                try {
                    timeout = Integer.parseInt(p.substring(8).strip());
                } catch (NumberFormatException e) {
                    // keep the default
                }
            }
        }
        return new SessionHeader(parts[0].strip(), timeout > 0 ? timeout : DEFAULT_TIMEOUT_SECONDS);
    }
}
