package id.pantau.storage.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening, migrating and health-checking the index on real H2 databases (file and TCP server). */
class IndexDatabaseTest {

    private static final List<String> V1_TABLES = List.of("CAMERA", "EVIDENCE_HOLD", "GARBAGE", "LINK",
            "RECORDING_RUN", "SEGMENT", "SITE");

    @TempDir
    Path dataDir;

    @Test
    void openFileCreatesEveryV1TableAndIndex() throws SQLException {
        try (IndexDatabase index = IndexDatabase.openFile(dataDir)) {
            assertThat(Files.exists(dataDir.resolve("index.mv.db"))).isTrue();
            assertThat(tables(index.dataSource())).containsAll(V1_TABLES).contains("flyway_schema_history");
            assertThat(indexes(index.dataSource())).contains("RECORDING_RUN_CAMERA", "SEGMENT_CAMERA_TIME",
                    "SEGMENT_RUN", "EVIDENCE_HOLD_CAMERA");
            assertThat(appliedVersions(index.dataSource())).containsExactlyElementsOf(migrationVersions());
        }
    }

    @Test
    void schemaEnforcesReferencesAndUniqueObjectKeys() throws SQLException {
        try (IndexDatabase index = IndexDatabase.openFile(dataDir);
                Connection c = index.dataSource().getConnection()) {
            insertCameraRunAndSegment(c, "seg/1.mp4");

            assertThatThrownBy(() -> insertSegment(c, 1, "seg/1.mp4")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("OBJECT_KEY");
            assertThatThrownBy(() -> insertSegment(c, 999, "seg/2.mp4")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("RUN_ID");
        }
    }

    @Test
    void reopeningKeepsDataAndDoesNotMigrateAgain() throws SQLException {
        try (IndexDatabase index = IndexDatabase.openFile(dataDir);
                Connection c = index.dataSource().getConnection()) {
            insertCameraRunAndSegment(c, "seg/kept.mp4");
        }

        try (IndexDatabase reopened = IndexDatabase.openFile(dataDir);
                Connection c = reopened.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select object_key, sha256 from segment")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("seg/kept.mp4");
            assertThat(rs.getString(2)).hasSize(64);
            assertThat(rs.next()).isFalse();
            assertThat(appliedVersions(reopened.dataSource())).containsExactlyElementsOf(migrationVersions());
        }
    }

    @Test
    void reachableIsFalseAfterClose() {
        IndexDatabase index = IndexDatabase.openFile(dataDir);
        assertThat(index.reachable()).isTrue();

        index.close();

        assertThat(index.reachable()).isFalse();
    }

    @Test
    void reachableFollowsADatabaseServerGoingDownAndComingBack() throws Exception {
        int port = freePort();
        Server server = startH2Server(port);
        String url = "jdbc:h2:tcp://127.0.0.1:" + port + "/pantau-index";
        try (IndexDatabase index = IndexDatabase.open(url, "sa", "")) {
            assertThat(index.reachable()).isTrue();
            assertThat(tables(index.dataSource())).containsAll(V1_TABLES);

            server.stop();
            long start = System.nanoTime();
            boolean whileDown = index.reachable();
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(whileDown).isFalse();
            assertThat(took).isLessThan(Duration.ofSeconds(8));

            server = startH2Server(port);
            assertThat(index.reachable()).isTrue();
            assertThat(appliedVersions(index.dataSource())).containsExactlyElementsOf(migrationVersions());
        } finally {
            server.stop();
        }
    }

    @Test
    void unreachableDatabaseFailsToOpenWithoutLeakingThePassword() throws Exception {
        String url = "jdbc:h2:tcp://127.0.0.1:" + freePort() + "/nowhere";

        assertThatThrownBy(() -> IndexDatabase.open(url, "sa", "pw-never-shown"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot open index database jdbc:h2:tcp://127.0.0.1")
                .hasMessageNotContaining("pw-never-shown");
    }

    @Test
    void dataDirectoryWithSemicolonIsRejected() {
        assertThatThrownBy(() -> IndexDatabase.h2FileUrl(dataDir.resolve("a;b")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Server startH2Server(int port) throws SQLException {
        return Server.createTcpServer("-tcpPort", Integer.toString(port), "-baseDir", dataDir.toString(),
                "-ifNotExists").start();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void insertCameraRunAndSegment(Connection c, String objectKey) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("insert into site(id, name) values ('kantor-camat', 'Kantor Camat')");
            s.executeUpdate("insert into camera(id, name, site_id, main_url, updated_wall_ms) "
                    + "values ('cam-1', 'Gerbang', 'kantor-camat', 'rtsp://10.0.0.5/main', 1763900000000)");
            s.executeUpdate("insert into recording_run(id, run_uuid, camera_id, stream, start_wall_ms, codec, start_reason) "
                    + "values (1, '00000000-0000-0000-0000-000000000001', 'cam-1', 'main', 1763900000000, 'h264', 'START')");
        }
        insertSegment(c, 1, objectKey);
    }

    private static void insertSegment(Connection c, long runId, String objectKey) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("insert into segment(camera_id, run_id, stream, start_wall_ms, "
                + "end_wall_ms, media_start_90k, media_duration_90k, frame_count, bytes, sha256, object_key, "
                + "fragment_index) values ('cam-1', ?, 'main', 1763900000000, 1763900060000, 0, 5400000, 1500, "
                + "15000000, ?, ?, '')")) {
            p.setLong(1, runId);
            p.setString(2, "a".repeat(64));
            p.setString(3, objectKey);
            p.executeUpdate();
        }
    }

    private static List<String> tables(DataSource ds) throws SQLException {
        return strings(ds, "select table_name from information_schema.tables where table_schema = 'PUBLIC'");
    }

    private static List<String> indexes(DataSource ds) throws SQLException {
        return strings(ds, "select index_name from information_schema.indexes where table_schema = 'PUBLIC'");
    }

    /** Versions of the V*__*.sql files on the classpath, in order: every one must be applied, once. */
    private static List<String> migrationVersions() {
        try {
            Path dir = Path.of(IndexDatabaseTest.class.getClassLoader().getResource("db/migration").toURI());
            try (var files = Files.list(dir)) {
                return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                        .map(n -> n.substring(1, n.indexOf("__"))).sorted(java.util.Comparator.comparingInt(Integer::parseInt))
                        .toList();
            }
        } catch (java.io.IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> appliedVersions(DataSource ds) throws SQLException {
        return strings(ds, "select \"version\" from \"flyway_schema_history\" where \"success\" = true and \"version\" is not null");
    }

    private static List<String> strings(DataSource ds, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
