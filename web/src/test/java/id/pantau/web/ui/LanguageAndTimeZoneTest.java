package id.pantau.web.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import id.pantau.storage.index.SegmentIndex;
import id.pantau.storage.index.SegmentRow;
import id.pantau.web.PantauWebTest;
import id.pantau.web.site.Site;
import id.pantau.web.site.SiteRepository;
import id.pantau.web.user.UserRepository;
import jakarta.servlet.http.Cookie;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

/** English and Bahasa Indonesia on every page, switched by ?lang and remembered; times in the site's zone. */
class LanguageAndTimeZoneTest extends PantauWebTest {
  @Autowired UserRepository users;
  @Autowired SiteRepository sites;
  @Autowired SegmentIndex segments;

  @Test
  void everyMessageExistsInBothLanguagesAndIsTranslated() throws Exception {
    Properties en = load("/messages.properties");
    Properties id = load("/messages_id.properties");
    assertThat(id.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    long same = en.stringPropertyNames().stream().filter(k -> en.getProperty(k).equals(id.getProperty(k))).count();
    // a few words are the same in both (API, Status, Radio, Supervisor...): the rest must differ
    assertThat(same).isLessThan(en.size() / 10);
  }

  @Test
  void theSwitchIsOnEveryPageAndTheChoiceIsRemembered() throws Exception {
    var admin = users.findByUsername("admin").orElseThrow();
    for (String page : new String[] {"/cameras", "/cameras/new", "/sites", "/sites/new", "/links/new", "/users",
        "/users/new", "/audit", "/account"}) {
      MockHttpServletResponse r = mvc.perform(get(page).with(as(admin))).andReturn().getResponse();
      assertThat(r.getStatus()).as(page).isEqualTo(200);
      assertThat(r.getContentAsString()).as(page).contains("id=\"lang-id\"").contains("id=\"lang-en\"")
          .contains("?lang=id");
    }
    assertThat(mvc.perform(get("/login")).andReturn().getResponse().getContentAsString())
        .contains("id=\"lang-id\"");

    MockHttpServletResponse switched = mvc.perform(get("/cameras").param("lang", "id").with(as(admin)))
        .andReturn().getResponse();
    assertThat(switched.getContentAsString()).contains("<h1 class=\"h3 mb-0\">Kamera</h1>")
        .contains("Tambah kamera").contains("Keluar").contains("lang=\"id\"");
    Cookie remembered = switched.getCookie("PANTAU_LANG");
    assertThat(remembered).isNotNull();
    assertThat(remembered.isHttpOnly()).isTrue();
    assertThat(mvc.perform(get("/sites").cookie(remembered).with(as(admin))).andReturn().getResponse()
        .getContentAsString()).contains("Lokasi &amp; jaringan").contains("Waktu setempat sekarang");
    assertThat(mvc.perform(get("/sites").cookie(remembered).param("lang", "en").with(as(admin))).andReturn()
        .getResponse().getContentAsString()).contains("Local time now");
    assertThat(mvc.perform(get("/login").param("lang", "id")).andReturn().getResponse().getContentAsString())
        .contains("Nama pengguna").contains("Kata sandi");
  }

  @Test
  void recordingTimesAreShownInTheSitesZone() throws Exception {
    var admin = users.findByUsername("admin").orElseThrow();
    String makassar = unique("makassar");
    String jayapura = unique("jayapura");
    sites.save(new Site(makassar, "Pantai Losari", "PARK", "Ujung Pandang", -5.14, 119.41,
        ZoneId.of("Asia/Makassar")));
    sites.save(new Site(jayapura, "Pelabuhan Jayapura", "PORT", null, null, null, ZoneId.of("Asia/Jayapura")));
    String camW = unique("cam-losari");
    String camT = unique("cam-pelabuhan");
    createCamera(camW, makassar);
    createCamera(camT, jayapura);
    // a segment ending 2026-03-01 02:00:00 UTC, stored in UTC like every wall time in the index
    long end = java.time.Instant.parse("2026-03-01T02:00:00Z").toEpochMilli();
    for (String cam : new String[] {camW, camT}) {
      long run = segments.insertRun(UUID.randomUUID(), cam, "main", end - 60_000, "h264", 1280, 720, "START");
      segments.insertSegment(new SegmentRow(0, cam, run, "main", end - 60_000, end, 0, 60 * 90_000L, 1500, 1000,
          "0".repeat(64), cam + "/main/" + end + ".mp4", "", false));
    }
    String html = mvc.perform(get("/cameras").with(as(admin))).andReturn().getResponse().getContentAsString();
    assertThat(html).contains("2026-03-01 10:00:00 WITA").contains("2026-03-01 11:00:00 WIT");
    assertThat(html).contains("Not recording");
    String sitesPage = mvc.perform(get("/sites").with(as(admin))).andReturn().getResponse().getContentAsString();
    assertThat(sitesPage).contains("WITA").contains("WIT").contains("Asia/Makassar");
  }

  private static Properties load(String resource) throws Exception {
    Properties p = new Properties();
    try (InputStream in = LanguageAndTimeZoneTest.class.getResourceAsStream(resource)) {
      p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return p;
  }
}
