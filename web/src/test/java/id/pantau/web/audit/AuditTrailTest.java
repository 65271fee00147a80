package id.pantau.web.audit;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.storage.index.IndexDatabase;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The hash chain on a real (in-memory H2) index migrated by Flyway: edits and deletions are found. */
class AuditTrailTest {
  IndexDatabase db;
  AuditTrail trail;
  JdbcTemplate jdbc;

  @BeforeEach
  void openIndex() {
    db = IndexDatabase.open("jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    jdbc = new JdbcTemplate(db.dataSource());
    trail = new AuditTrail(db.dataSource(), new TransactionTemplate(new DataSourceTransactionManager(db.dataSource())),
        Clock.fixed(Instant.parse("2026-03-01T02:00:00Z"), ZoneOffset.UTC));
    for (int i = 1; i <= 6; i++) {
      trail.record(AuditEvent.of(i % 2 == 0 ? AuditAction.PLAYBACK : AuditAction.LIVE_START).actor("siti")
          .camera("cam-" + i).range(1_700_000_000_000L + i, 1_700_000_060_000L + i).reason("case 17/" + i)
          .source("10.0.0." + i).details("row " + i).build());
    }
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void anUntouchedChainVerifies() {
    AuditVerification v = trail.verify();
    assertThat(v.intact()).isTrue();
    assertThat(v.rowsChecked()).isEqualTo(6);
    assertThat(v.headHash()).hasSize(64);
    assertThat(v.summary()).startsWith("audit trail intact: 6 rows");
    List<AuditRecord> rows = trail.find(AuditFilter.ALL, 0, 10);
    assertThat(rows).extracting(AuditRecord::seq).containsExactly(6L, 5L, 4L, 3L, 2L, 1L);
    assertThat(rows.get(5).prevHash()).isEqualTo("0".repeat(64));
    assertThat(rows.get(0).prevHash()).isEqualTo(rows.get(1).hash());
  }

  @Test
  void anEditedRowIsFound() {
    jdbc.update("update audit_event set reason = 'nothing to see' where seq = 3");
    AuditVerification v = trail.verify();
    assertThat(v.intact()).isFalse();
    assertThat(v.firstBrokenSeq()).isEqualTo(3);
    assertThat(v.problem()).contains("edited");
  }

  @Test
  void editsToAnyFieldAreFound() {
    for (String edit : List.of("actor = 'budi'", "action = 'SIGN_IN'", "camera_id = 'cam-9'",
        "from_wall_ms = from_wall_ms + 1", "to_wall_ms = null", "source_address = '10.9.9.9'",
        "details = 'row x'", "at_wall_ms = at_wall_ms - 1000")) {
      Object[] before = jdbc.queryForList("select * from audit_event where seq = 4").get(0).values().toArray();
      jdbc.update("update audit_event set " + edit + " where seq = 4");
      assertThat(trail.verify().firstBrokenSeq()).as(edit).isEqualTo(4);
      jdbc.update("delete from audit_event where seq = 4");
      jdbc.update("insert into audit_event (seq, at_wall_ms, actor, action, camera_id, from_wall_ms, to_wall_ms,"
          + " reason, source_address, details, prev_hash, hash) values (?,?,?,?,?,?,?,?,?,?,?,?)", before);
      assertThat(trail.verify().intact()).as("restored after " + edit).isTrue();
    }
  }

  @Test
  void aRecomputedRowStillBreaksTheLinkOfTheNextOne() {
    // a careful forger rewrites row 3 and its hash, but row 4 still names the old hash
    AuditRecord r3 = trail.find(AuditFilter.ALL, 3, 1).get(0);
    String forged = AuditChain.hash(r3.prevHash(), 3, r3.atWallMs(), "budi", r3.action().name(), r3.cameraId(),
        r3.fromMs(), r3.toMs(), r3.reason(), r3.sourceAddress(), r3.details());
    jdbc.update("update audit_event set actor = 'budi', hash = ? where seq = 3", forged);
    AuditVerification v = trail.verify();
    assertThat(v.firstBrokenSeq()).isEqualTo(4);
    assertThat(v.problem()).contains("link to the previous row");
  }

  @Test
  void aDeletedRowIsFound() {
    jdbc.update("delete from audit_event where seq = 2");
    AuditVerification v = trail.verify();
    assertThat(v.intact()).isFalse();
    assertThat(v.firstBrokenSeq()).isEqualTo(3);
    assertThat(v.problem()).isEqualTo("row 2 is missing (deleted)");
  }

  @Test
  void deletedNewestRowsAreFoundThroughTheHead() {
    jdbc.update("delete from audit_event where seq >= 5");
    AuditVerification v = trail.verify();
    assertThat(v.intact()).isFalse();
    assertThat(v.firstBrokenSeq()).isEqualTo(5);
    assertThat(v.problem()).contains("newest rows 5 to 6 are missing");
  }

  @Test
  void aDeletedFirstRowIsFound() {
    jdbc.update("delete from audit_event where seq = 1");
    assertThat(trail.verify().firstBrokenSeq()).isEqualTo(2);
  }

  @Test
  void concurrentWritersProduceOneUnbrokenChain() throws Exception {
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int n = t;
      Thread th = new Thread(() -> {
        for (int i = 0; i < 25; i++) {
          trail.record(AuditEvent.of(AuditAction.EXPORT_DOWNLOAD).actor("writer-" + n).build());
        }
      });
      th.start();
      threads.add(th);
    }
    for (Thread t : threads) {
      t.join();
    }
    AuditVerification v = trail.verify();
    assertThat(v.intact()).isTrue();
    assertThat(v.rowsChecked()).isEqualTo(106);
  }

  @Test
  void filtersAndCsvExport() {
    assertThat(trail.count(new AuditFilter(null, AuditAction.PLAYBACK, null, null, null))).isEqualTo(3);
    assertThat(trail.find(new AuditFilter("siti", null, "cam-5", null, null), 0, 10)).hasSize(1);
    trail.record(AuditEvent.of(AuditAction.EXPORT_REQUEST).actor("=cmd|' /C calc'!A0").reason("a, \"quoted\"\nline")
        .build());
    StringWriter out = new StringWriter();
    AuditCsv csv = new AuditCsv(out);
    csv.header();
    trail.forEach(new AuditFilter(null, AuditAction.EXPORT_REQUEST, null, null, null), csv::row);
    String[] lines = out.toString().split("\r\n");
    assertThat(lines[0]).isEqualTo(AuditCsv.HEADER);
    assertThat(lines[1]).startsWith("7,2026-03-01T02:00:00Z,'=cmd|' /C calc'!A0,EXPORT_REQUEST,,,,\"a, \"\"quoted\"\"");
  }
}
