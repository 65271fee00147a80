package id.pantau.web.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import id.pantau.storage.index.SegmentRow;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Playlists fetched through the running server decode with FFmpeg, and each of their byte ranges, fetched
 * through the media endpoint behind its init section, is a keyframe-first piece of the recording at the time
 * the playlist says.
 */
class HlsPlaylistTest extends PlaybackTestBase {
  static final Pattern ENTRY = Pattern.compile("#EXT-X-PROGRAM-DATE-TIME:(\\S+)\\n#EXTINF:([0-9.]+),\\n"
      + "#EXT-X-BYTERANGE:(\\d+)@(\\d+)\\nsegments/(\\d+)\\.mp4");
  static final Pattern MAP = Pattern.compile("#EXT-X-MAP:URI=\"segments/(\\d+)\\.mp4\",BYTERANGE=\"(\\d+)@0\"");

  @TempDir Path scratch;

  @Test
  void ffmpegPlaysAWindowThroughThePlaylistFrameForFrameFromAKeyframe() throws Exception {
    // FFmpeg's HLS demuxer ignores EXT-X-DISCONTINUITY in fMP4 (it drops frames whose timestamps restart), so
    // it plays a window inside one segment object here; the next test covers every entry of every segment
    String url = baseUrl() + api("/playlist.m3u8?from=" + iso(T0 + 10_000) + "&to=" + iso(T0 + 50_000));
    List<String> options = List.of("-headers", "Authorization: Bearer " + token() + "\r\n",
        "-allowed_extensions", "ALL");

    List<Probe.Packet> packets = Probe.packets(options, url);
    assertThat(packets).hasSize(40 * 25);
    assertThat(packets.get(0).keyframe()).isTrue();
    assertThat(packets.get(0).dtsSeconds()).isEqualTo(10.0);
    for (int i = 1; i < packets.size(); i++) {
      assertThat(packets.get(i).dtsSeconds() - packets.get(i - 1).dtsSeconds()).isCloseTo(0.04, within(1e-6));
      assertThat(packets.get(i).keyframe()).isEqualTo(i % 50 == 0);
    }
    assertThat(Probe.decodedFrames(options, url)).isEqualTo(40 * 25);
  }

  @Test
  void everyEntryIsAKeyframeFirstByteRangeAtItsProgramDateTime() throws Exception {
    String text = playlist(T0 - 60_000, RUN_B_END + 60_000);
    assertThat(text).startsWith("#EXTM3U\n#EXT-X-VERSION:7\n").endsWith("#EXT-X-ENDLIST\n")
        .contains("#EXT-X-PLAYLIST-TYPE:VOD", "#EXT-X-TARGETDURATION:2\n");
    // segment objects restart their timestamps: a discontinuity before each but the first
    assertThat(text.split("#EXT-X-DISCONTINUITY\n", -1)).hasSize(segments().size());
    List<Entry> entries = entries(text);
    // one init section per run, taken from the run's first segment in the window
    assertThat(entries.stream().map(Entry::mapSegment).distinct()).hasSize(2);
    assertThat(entries).hasSize(210 / 2);
    assertThat(entries.get(0).wallMs()).isEqualTo(T0);
    assertThat(entries.get(75).wallMs()).isEqualTo(RUN_B_START);
    for (SegmentRow row : segments()) {
      List<Entry> mine = entries.stream().filter(e -> e.segment() == row.id()).toList();
      ByteArrayOutputStream file = new ByteArrayOutputStream();
      Entry first = mine.get(0);
      file.writeBytes(range(first.mapSegment(), 0, first.mapLength()));
      for (Entry e : mine) {
        assertThat(e.durationMs()).isEqualTo(2000);
        file.writeBytes(range(e.segment(), e.offset(), e.length()));
      }
      Path mp4 = scratch.resolve(row.id() + ".mp4");
      Files.write(mp4, file.toByteArray());
      List<Probe.Packet> packets = Probe.packets(List.of(), mp4.toString());
      assertThat(packets).as("segment %d", row.id()).hasSize(row.frameCount()).hasSize(mine.size() * 50);
      for (int i = 0; i < mine.size(); i++) {
        Probe.Packet p = packets.get(i * 50);
        assertThat(p.keyframe()).as("first frame of entry %d of segment %d", i, row.id()).isTrue();
        assertThat(Math.round(p.dtsSeconds() * 1000)).as("media time of entry %d", i)
            .isEqualTo(mine.get(i).wallMs() - row.startWallMs());
      }
    }
  }

  /** One media segment of a playlist and the init section in force for it. */
  record Entry(long wallMs, long durationMs, long length, long offset, long segment, long mapSegment,
      long mapLength) {}

  static List<Entry> entries(String playlist) {
    List<Entry> entries = new ArrayList<>();
    long mapSegment = -1;
    long mapLength = -1;
    for (String block : playlist.split("(?=#EXT-X-MAP:)|(?=#EXT-X-PROGRAM-DATE-TIME:)")) {
      Matcher map = MAP.matcher(block);
      if (map.lookingAt()) {
        mapSegment = Long.parseLong(map.group(1));
        mapLength = Long.parseLong(map.group(2));
      }
      Matcher m = ENTRY.matcher(block);
      if (m.lookingAt()) {
        entries.add(new Entry(Instant.parse(m.group(1)).toEpochMilli(), Math.round(Double.parseDouble(m.group(2))
            * 1000), Long.parseLong(m.group(3)), Long.parseLong(m.group(4)), Long.parseLong(m.group(5)), mapSegment,
            mapLength));
      }
    }
    return entries;
  }

  String playlist(long fromMs, long toMs) throws Exception {
    HttpResponse<byte[]> r = get(api("/playlist.m3u8?from=" + iso(fromMs) + "&to=" + iso(toMs)));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v ->
        assertThat(v).startsWith("application/vnd.apple.mpegurl"));
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  byte[] range(long segmentId, long offset, long length) throws Exception {
    HttpResponse<byte[]> r = get(api("/segments/" + segmentId + ".mp4"), "Range",
        "bytes=" + offset + "-" + (offset + length - 1));
    assertThat(r.statusCode()).isEqualTo(206);
    assertThat(r.body()).hasSize((int) length);
    return r.body();
  }
}
