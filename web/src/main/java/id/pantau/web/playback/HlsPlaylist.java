package id.pantau.web.playback;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An HLS media playlist (RFC 8216, version 7) over the fMP4 segment objects: one media segment per keyframe-led
 * group of fragments as a byte range, each segment object after the first behind a discontinuity (every object's
 * timestamps start near zero), and a new init section (EXT-X-MAP) whenever the run changes. Every entry carries
 * its wall time (EXT-X-PROGRAM-DATE-TIME), which players use to map their position back to the clock.
 */
final class HlsPlaylist {

  private HlsPlaylist() {}

  /** URI of a segment object's bytes, relative to the playlist's own URI. */
  static String mediaUri(long segmentId) {
    return "segments/" + segmentId + ".mp4";
  }

  /** The entries of {@code segments} overlapping [fromMs, toMs); segments in time order. */
  static String write(List<SegmentMedia> segments, long fromMs, long toMs) {
    StringBuilder body = new StringBuilder(segments.size() * 2048);
    long maxDuration90k = 0;
    Long currentRun = null;
    boolean first = true;
    for (SegmentMedia s : segments) {
      List<SegmentMedia.Group> groups = s.groups().stream()
          .filter(g -> g.startWallMs() < toMs && g.endWallMs() > fromMs).toList();
      if (groups.isEmpty()) {
        continue;
      }
      if (!first) {
        body.append("#EXT-X-DISCONTINUITY\n");
      }
      first = false;
      if (currentRun == null || currentRun != s.row().runId()) {
        // a run keeps its codec parameters, so one init section serves all of its segments
        currentRun = s.row().runId();
        body.append("#EXT-X-MAP:URI=\"").append(mediaUri(s.id())).append("\",BYTERANGE=\"").append(s.initLength())
            .append("@0\"\n");
      }
      for (SegmentMedia.Group g : groups) {
        maxDuration90k = Math.max(maxDuration90k, g.duration90k());
        body.append("#EXT-X-PROGRAM-DATE-TIME:").append(Instant.ofEpochMilli(g.startWallMs())).append('\n')
            .append("#EXTINF:").append(seconds(g.duration90k())).append(",\n")
            .append("#EXT-X-BYTERANGE:").append(g.length()).append('@').append(g.offset()).append('\n')
            .append(mediaUri(s.id())).append('\n');
      }
    }
    long target = Math.max(1, (maxDuration90k + 89_999) / 90_000);
    return "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:" + target + "\n#EXT-X-MEDIA-SEQUENCE:0\n"
        + "#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-INDEPENDENT-SEGMENTS\n" + body + "#EXT-X-ENDLIST\n";
  }

  private static String seconds(long ticks90k) {
    return String.format(Locale.ROOT, "%.6f", ticks90k / 90_000.0);
  }
}
