package id.pantau.recorder.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RtspUrlsTest {

    @ParameterizedTest
    @CsvSource({
        "rtsp://admin:pa55@10.0.0.7:554/Streaming/101, rtsp://***@10.0.0.7:554/Streaming/101",
        "rtsp://admin@cam.local/live, rtsp://***@cam.local/live",
        "rtsp://cam.local/live, rtsp://cam.local/live",
        "'failed to open rtsp://u:p%40ss@h/x and rtsp://a:b@h2/y', 'failed to open rtsp://***@h/x and rtsp://***@h2/y'",
    })
    void redactsCredentials(String in, String out) {
        assertThat(RtspUrls.redact(in)).isEqualTo(out);
    }

    @Test
    void insertsEncodedCredentials() {
        assertThat(RtspUrls.withCredentials("rtsp://old:x@10.0.0.7/live", "admin", "p@ss:word"))
                .isEqualTo("rtsp://admin:p%40ss%3Aword@10.0.0.7/live");
        assertThat(RtspUrls.withCredentials("rtsp://10.0.0.7/live", null, null)).isEqualTo("rtsp://10.0.0.7/live");
    }

    @Test
    void findsHostAndPort() {
        assertThat(RtspUrls.hostAndPort("rtsp://u:p@10.0.0.7/live").toString()).isEqualTo("tcp://10.0.0.7:554");
        assertThat(RtspUrls.hostAndPort("rtsp://127.0.0.1:8554/a").getPort()).isEqualTo(8554);
    }
}
