package id.pantau.recorder.ingest.rtsp;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One RTSP response: status, headers (names lower-cased; a repeated header keeps every value) and body. */
record RtspResponse(int status, String reason, Map<String, List<String>> headers, String body) {

    /** The first value of a header, or null. */
    String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    List<String> headers(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    int cseq() {
        String value = header("CSeq");
        try {
            return value == null ? -1 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    boolean ok() {
        return status >= 200 && status < 300;
    }

    String statusText() {
        return status + (reason.isEmpty() ? "" : " " + reason);
    }
}
