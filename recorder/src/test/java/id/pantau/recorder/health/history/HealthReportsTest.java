package id.pantau.recorder.health.history;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.storage.index.IndexDatabase;
import id.pantau.storage.index.SegmentRow;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uptime, outages, MTTR and the SLA report from scripted transitions in a real H2 index, to the second. */
class HealthReportsTest {
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    /** 2026-03-01 00:00 WIB. */
    static final long MARCH = YearMonth.of(2026, 3).atDay(1).atStartOfDay(WIB).toInstant().toEpochMilli();
    static final long H = 3_600_000;
    static final long S = 1_000;

    @TempDir static Path dir;
    static IndexDatabase db;
    static HealthHistory history;

    @BeforeAll
    static void open() {
        db = IndexDatabase.openFile(dir);
        history = new HealthHistory(db.dataSource());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static void at(SubjectKind kind, String id, long atMs, String state) {
        history.append(new Transition(kind, id, atMs, state, null, state.toLowerCase()));
    }

    static HealthReports reportsAt(long nowMs) {
        return new HealthReports(history, Clock.fixed(Instant.ofEpochMilli(nowMs), ZoneOffset.UTC));
    }

    @Test
    void cameraUptimeCountsFaultsAndLinkOutagesAsDownAndLeavesDisabledAndUnknownOut() {
        String cam = "cam-uptime";
        long t0 = MARCH + 10 * H;
        at(SubjectKind.CAMERA, cam, t0, "ONLINE");
        at(SubjectKind.CAMERA, cam, t0 + 2 * H, "CAMERA_FAULT");          // 17 min 23 s of fault
        at(SubjectKind.CAMERA, cam, t0 + 2 * H + 1043 * S, "LINK_DOWN");   // then 5 min of link outage, one outage
        at(SubjectKind.CAMERA, cam, t0 + 2 * H + 1343 * S, "ONLINE");
        at(SubjectKind.CAMERA, cam, t0 + 5 * H, "DISABLED");               // an hour switched off
        at(SubjectKind.CAMERA, cam, t0 + 6 * H, "DEGRADED");               // degraded still delivers
        at(SubjectKind.CAMERA, cam, t0 + 7 * H, SubjectKind.UNKNOWN);      // the server was down for an hour
        at(SubjectKind.CAMERA, cam, t0 + 8 * H, "ONLINE");
        HealthReports r = reportsAt(t0 + 10 * H);

        Uptime u = r.uptime(SubjectKind.CAMERA, cam, t0, t0 + 10 * H);
        assertThat(u.downMs()).isEqualTo(1343 * S);
        assertThat(u.excludedMs()).isEqualTo(H);
        assertThat(u.unknownMs()).isEqualTo(H);
        assertThat(u.upMs()).isEqualTo(8 * H - 1343 * S);
        assertThat(u.ratio()).isEqualTo((8.0 * H - 1343 * S) / (8 * H));

        List<Outage> outages = r.outages(SubjectKind.CAMERA, cam, t0, t0 + 10 * H);
        assertThat(outages).singleElement().satisfies(o -> {
            assertThat(o.startMs()).isEqualTo(t0 + 2 * H);
            assertThat(o.endMs()).isEqualTo(t0 + 2 * H + 1343 * S);
            assertThat(o.cause()).isEqualTo("CAMERA_FAULT");
            assertThat(o.reason()).isEqualTo("camera_fault");
        });

        SubjectReport report = r.report(SubjectKind.CAMERA, cam);
        assertThat(report.mttrMs()).isEqualTo(1343 * S);
        assertThat(report.last24h().downMs()).isEqualTo(1343 * S);
        // the 24 h window starts before the first transition: that part is unknown
        assertThat(report.last24h().unknownMs()).isEqualTo(14 * H + H);
    }

    @Test
    void anOngoingOutageIsOpenAndWindowsClipIt() {
        String link = "link-open";
        at(SubjectKind.LINK, link, MARCH + H, "UP");
        at(SubjectKind.LINK, link, MARCH + 2 * H, "DOWN");
        HealthReports r = reportsAt(MARCH + 3 * H);
        List<Outage> open = r.outages(SubjectKind.LINK, link, MARCH, MARCH + 3 * H);
        assertThat(open).singleElement().satisfies(o -> {
            assertThat(o.ongoing()).isTrue();
            assertThat(o.durationMs(MARCH + 3 * H)).isEqualTo(H);
        });
        assertThat(r.report(SubjectKind.LINK, link).mttrMs()).as("no outage has ended").isNull();
        // a window that starts inside the outage begins with the state then
        assertThat(r.uptime(SubjectKind.LINK, link, MARCH + 2 * H + 30 * 60 * S, MARCH + 3 * H).downMs())
                .isEqualTo(30 * 60 * S);
        assertThat(r.outages(SubjectKind.LINK, MARCH, MARCH + 3 * H))
                .anySatisfy(o -> assertThat(o.subjectId()).isEqualTo(link));
    }

    @Test
    void monthlySlaPerLinkAndVendor() {
        // vendor A: two links; a-1 loses 2 h 30 min in two outages, a-2 nothing; vendor B: b-1 loses 10 s
        at(SubjectKind.LINK, "a-1", MARCH - H, "UP");
        at(SubjectKind.LINK, "a-1", MARCH + 24 * H, "DOWN");
        at(SubjectKind.LINK, "a-1", MARCH + 26 * H, "UP");
        at(SubjectKind.LINK, "a-1", MARCH + 48 * H, "DOWN");
        at(SubjectKind.LINK, "a-1", MARCH + 48 * H + 1800 * S, "DEGRADED");
        at(SubjectKind.LINK, "a-2", MARCH, "UP");
        at(SubjectKind.LINK, "b-1", MARCH, "UP");
        at(SubjectKind.LINK, "b-1", MARCH + 100 * H, "DOWN");
        at(SubjectKind.LINK, "b-1", MARCH + 100 * H + 10 * S, "UP");
        long april = YearMonth.of(2026, 4).atDay(1).atStartOfDay(WIB).toInstant().toEpochMilli();
        HealthReports r = reportsAt(april + 5 * H);
        SlaReport sla = r.sla(YearMonth.of(2026, 3), WIB, List.of(new HealthReports.LinkRef("a-1", "Fiber A1", "A"),
                new HealthReports.LinkRef("a-2", "Fiber A2", "A"), new HealthReports.LinkRef("b-1", "Leased B1", "B")),
                99.5);
        long monthMs = april - MARCH;
        assertThat(sla.toMs()).isEqualTo(april);
        SlaReport.LinkRow a1 = sla.links().get(0);
        assertThat(a1.downtimeMs()).isEqualTo(2 * H + 1800 * S);
        assertThat(a1.outages()).isEqualTo(2);
        assertThat(a1.mttrMs()).isEqualTo((2 * H + 1800 * S) / 2);
        assertThat(a1.longestOutageMs()).isEqualTo(2 * H);
        assertThat(a1.availabilityPercent()).isEqualTo(100.0 * (monthMs - 2 * H - 1800 * S) / monthMs);
        assertThat(a1.met()).as("99.66 %% meets 99.5 %%").isTrue();
        SlaReport.LinkRow a2 = sla.links().get(1);
        assertThat(a2.availabilityPercent()).isEqualTo(100.0);
        SlaReport.LinkRow b1 = sla.links().get(2);
        assertThat(b1.downtimeMs()).isEqualTo(10 * S);

        SlaReport.VendorRow a = sla.vendors().get(0);
        assertThat(a.vendor()).isEqualTo("A");
        assertThat(a.links()).isEqualTo(2);
        assertThat(a.downtimeMs()).isEqualTo(2 * H + 1800 * S);
        assertThat(a.availabilityPercent()).isEqualTo(100.0 * (2 * monthMs - 2 * H - 1800 * S) / (2 * monthMs));
        assertThat(sla.vendors().get(1).outages()).isEqualTo(1);

        String csv = sla.toCsv();
        assertThat(csv).startsWith("month,link,name,vendor,availability_percent");
        assertThat(csv).contains("2026-03,a-1,Fiber A1,A,99.6640,99.5000,yes,9000,2,4500,7200,0\r\n");
        assertThat(csv).contains("2026-03,B,1,99.9996,99.5000,0,10,1,10\r\n");
    }

    @Test
    void csvCellsThatLookLikeFormulasAreDefused() {
        assertThat(SlaReport.csv("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(SlaReport.csv("-12.5")).isEqualTo("-12.5");
        assertThat(SlaReport.csv("PT. Telkom, Tbk")).isEqualTo("\"PT. Telkom, Tbk\"");
    }

    @Test
    void recordingCoverageIsTheUnionOfSegmentsAgainstTheEnabledTime() {
        long from = MARCH;
        List<SegmentRow> segments = List.of(seg(from - 30 * S, from + 60 * S), seg(from + 60 * S, from + 120 * S),
                seg(from + 100 * S, from + 130 * S), seg(from + 300 * S, from + 400 * S));
        RecordingCoverage c = RecordingCoverage.of(segments, from, from + 600 * S, 100 * S);
        assertThat(c.recordedMs()).isEqualTo(230 * S);
        assertThat(c.expectedMs()).isEqualTo(500 * S);
        assertThat(c.ratio()).isEqualTo(0.46);
    }

    static SegmentRow seg(long start, long end) {
        return new SegmentRow(0, "c", 0, "main", start, end, 0, 0, 0, 0, "", "k" + start, "", false);
    }
}
