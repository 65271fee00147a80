package id.pantau.storage.motion;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.storage.camera.Camera;
import id.pantau.storage.camera.CameraRepository;
import id.pantau.storage.camera.Transport;
import id.pantau.storage.index.ObjectKeys;
import id.pantau.storage.index.SegmentIndex;
import id.pantau.storage.index.SegmentRow;
import id.pantau.storage.secret.SecretCipher;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Events in the real H2 index, and segment marking whichever of segment and event is indexed first. */
class MotionEventsTest {
    static final long T0 = Instant.parse("2026-11-23T03:00:00Z").toEpochMilli();
    static final int PRE_ROLL_MS = 2000;
    static final int POST_ROLL_MS = 3000;

    @TempDir Path dir;
    SegmentIndex index;
    MotionEvents events;
    MotionSettingsRepository settings;
    long runId;
    int segments;

    @BeforeEach
    void migrate() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("index") + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).load().migrate();
        Clock clock = Clock.fixed(Instant.ofEpochMilli(T0), ZoneOffset.UTC);
        CameraRepository cameras = new CameraRepository(ds, SecretCipher.load(null, dir.resolve("secret.key")), clock);
        for (String id : List.of("gate", "lobby")) {
            cameras.save(new Camera(id, null, null, null, "rtsp://10.1.0.5/" + id, null, null, null, Transport.TCP,
                    true, 30, null));
        }
        index = new SegmentIndex(ds);
        events = new MotionEvents(ds);
        settings = new MotionSettingsRepository(ds, clock);
        runId = index.insertRun(UUID.randomUUID(), "gate", "main", T0, "H264", 1280, 720, "FIRST");
    }

    /** A 60 s segment of camera gate starting {@code startSeconds} after T0; returns its object key. */
    String segment(String camera, long startSeconds) {
        long start = T0 + startSeconds * 1000;
        String key = ObjectKeys.segment(camera, "main", start, ++segments);
        long run = camera.equals("gate") ? runId
                : index.insertRun(UUID.randomUUID(), camera, "main", start, "H264", 1280, 720, "FIRST");
        index.insertSegment(new SegmentRow(0, camera, run, "main", start, start + 60_000, 0, 60 * 90_000, 1500,
                1000, "0".repeat(64), key, "", false));
        return key;
    }

    boolean marked(String key) {
        return index.segmentByKey(key).orElseThrow().hasMotion();
    }

    @Test
    void segmentsIndexedBeforeTheEventAreMarkedByIt() {
        String s0 = segment("gate", 0);
        String s1 = segment("gate", 60);
        String s2 = segment("gate", 120);
        String other = segment("lobby", 60);
        // motion 61..62 s: its clip 59..65 s reaches back into the first segment through the pre-roll
        long id = events.start("gate", T0 + 61_000, PRE_ROLL_MS, POST_ROLL_MS, 0.02, List.of(new Box(0.1, 0.2, 0.3, 0.4)));
        events.end(id, T0 + 62_000, 0.05);
        assertThat(List.of(marked(s0), marked(s1), marked(s2), marked(other))).containsExactly(true, true, false, false);
    }

    @Test
    void segmentsIndexedAfterTheEventEndedAreMarkedOnInsert() {
        long id = events.start("gate", T0 + 118_000, PRE_ROLL_MS, POST_ROLL_MS, 0.01, List.of());
        events.end(id, T0 + 118_500, 0.01);
        // the post-roll (until 121.5 s) reaches into the segment that starts at 120 s
        String s1 = segment("gate", 60);
        String s2 = segment("gate", 120);
        String s3 = segment("gate", 180);
        assertThat(List.of(marked(s1), marked(s2), marked(s3))).containsExactly(true, true, false);
    }

    @Test
    void anOngoingEventMarksEverySegmentAfterItsStartUntilItEnds() {
        long id = events.start("gate", T0 + 70_000, PRE_ROLL_MS, POST_ROLL_MS, 0.01, List.of());
        String s1 = segment("gate", 60);
        String s2 = segment("gate", 120);
        events.end(id, T0 + 130_000, 0.2);
        String s3 = segment("gate", 180);
        assertThat(List.of(marked(s1), marked(s2), marked(s3))).containsExactly(true, true, false);
        MotionEvent e = events.find("gate", id).orElseThrow();
        assertThat(e.peakScore()).isEqualTo(0.2);
        assertThat(e.clipStartWallMs()).isEqualTo(T0 + 68_000);
        assertThat(e.clipEndWallMs()).isEqualTo(T0 + 133_000);
    }

    @Test
    void queriesByClipOverlapWithSnapshotAndBoxes() {
        long a = events.start("gate", T0 + 10_000, PRE_ROLL_MS, POST_ROLL_MS, 0.01, List.of(new Box(0.5, 0.5, 0.1, 0.2)));
        events.end(a, T0 + 20_000, 0.03);
        events.attachSnapshot(a, ObjectKeys.motionSnapshot("gate", T0 + 10_000));
        long b = events.start("gate", T0 + 100_000, PRE_ROLL_MS, POST_ROLL_MS, 0.01, List.of());
        events.start("lobby", T0 + 15_000, PRE_ROLL_MS, POST_ROLL_MS, 0.01, List.of());

        assertThat(events.between("gate", T0, T0 + 50_000)).extracting(MotionEvent::id).containsExactly(a);
        // the post-roll of a reaches 23 s; the ongoing b covers everything after 98 s
        assertThat(events.between("gate", T0 + 22_000, T0 + 99_000)).extracting(MotionEvent::id).containsExactly(a, b);
        assertThat(events.between("gate", T0 + 24_000, T0 + 97_000)).isEmpty();
        MotionEvent first = events.find("gate", a).orElseThrow();
        assertThat(first.snapshotKey()).isEqualTo("events/gate/2026/11/23/" + (T0 + 10_000) + ".jpg");
        assertThat(first.boxes()).containsExactly(new Box(0.5, 0.5, 0.1, 0.2));
        assertThat(events.find("lobby", a)).as("an event is found only under its own camera").isEmpty();

        assertThat(events.closeDangling("gate")).isEqualTo(1);
        assertThat(events.find("gate", b).orElseThrow().endWallMs()).isEqualTo(T0 + 100_000);
    }

    @Test
    void settingsRoundTripAndFeedRetention() {
        assertThat(settings.get("gate")).isEqualTo(MotionSettings.defaults("gate"));
        MotionSettings s = new MotionSettings("gate", true, 70, 0.5, List.of(Zone.exclude(0, 0, 0.5, 0, 0, 0.5)), 14);
        settings.save(s);
        assertThat(settings.get("gate")).isEqualTo(s);
        settings.save(s.withEnabled(false));
        assertThat(settings.all()).containsOnlyKeys("gate");
        assertThat(settings.get("gate").enabled()).isFalse();
        assertThat(settings.keepMotionExtraDays()).containsExactly(java.util.Map.entry("gate", 14));
    }
}
