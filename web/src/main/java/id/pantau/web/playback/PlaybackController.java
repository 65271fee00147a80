package id.pantau.web.playback;

import id.pantau.storage.index.SegmentLookup;
import id.pantau.storage.index.SegmentRow;
import id.pantau.storage.s3.ObjectStore;
import id.pantau.web.security.CameraAccess;
import id.pantau.web.security.Capability;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Playback of recordings: HLS playlists of a camera's time window, the segment objects' bytes (ranged reads from
 * the object store through this server; clients never see object keys), seeks and a compact timeline. Every
 * camera endpoint checks the PLAYBACK permission before it looks at anything else.
 */
@RestController
@RequestMapping("/api/playback")
class PlaybackController {
  static final MediaType MPEGURL = MediaType.parseMediaType("application/vnd.apple.mpegurl");
  static final MediaType MP4 = MediaType.parseMediaType("video/mp4");
  /** Holes shorter than this between segments are frame rounding, not gaps. */
  static final long GAP_TOLERANCE_MS = 1000;
  /** A timeline spans a calendar day, which may be 25 hours long; playlists are shorter (see max-window). */
  static final long MAX_TIMELINE_MS = 48 * 3_600_000L;

  private final CameraAccess access;
  private final SegmentLookup lookup;
  private final ObjectStore store;
  private final PlaybackAudit audit;
  private final PlaybackProperties props;

  PlaybackController(CameraAccess access, SegmentLookup lookup, ObjectStore store, PlaybackAudit audit,
      PlaybackProperties props) {
    this.access = access;
    this.lookup = lookup;
    this.store = store;
    this.audit = audit;
    this.props = props;
  }

  /** The HLS playlist of [from, to): keyframe-led byte ranges of the segment objects. */
  @GetMapping("/cameras/{id}/playlist.m3u8")
  ResponseEntity<String> playlist(@PathVariable String id, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, Authentication auth, HttpServletRequest request) {
    access.require(auth, id, Capability.PLAYBACK);
    long[] w = window(from, to, props.maxWindow().toMillis());
    List<SegmentMedia> segments = lookup.overlapping(id, props.stream(), w[0], w[1]).stream()
        .map(SegmentMedia::of).toList();
    if (segments.isEmpty()) {
      throw new NoRecording("camera " + id + " recorded nothing between " + from + " and " + to);
    }
    audit.window(auth, request, id, w[0], w[1], "hls window");
    return ResponseEntity.ok().contentType(MPEGURL).cacheControl(CacheControl.noCache())
        .body(HlsPlaylist.write(segments, w[0], w[1]));
  }

  /** A segment object, whole or one byte range of it (206 with Content-Range; 416 outside the object). */
  @GetMapping("/cameras/{id}/segments/{segmentId}.mp4")
  void segment(@PathVariable String id, @PathVariable String segmentId,
      @RequestHeader(value = HttpHeaders.RANGE, required = false) String range,
      @RequestHeader(value = HttpHeaders.IF_RANGE, required = false) String ifRange, Authentication auth,
      HttpServletRequest request, HttpServletResponse response) throws IOException {
    access.require(auth, id, Capability.PLAYBACK);
    SegmentRow row = lookup.byId(id, segmentId(segmentId))
        .orElseThrow(() -> new NoRecording("camera " + id + " has no segment " + segmentId));
    String etag = "\"" + row.sha256() + "\"";
    Optional<ByteRange> r = ifRange == null || ifRange.equals(etag)
        ? ByteRange.resolve(range, row.bytes()) : Optional.empty();
    audit.segment(auth, request, id, row.startWallMs(), row.endWallMs());
    long offset = r.map(ByteRange::first).orElse(0L);
    long length = r.map(ByteRange::length).orElse(row.bytes());
    try (InputStream in = store.getRange(row.objectKey(), offset, length)) {
      response.setStatus(r.isPresent() ? HttpServletResponse.SC_PARTIAL_CONTENT : HttpServletResponse.SC_OK);
      response.setContentType(MP4.toString());
      response.setContentLengthLong(length);
      response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
      response.setHeader(HttpHeaders.ETAG, etag);
      // segment objects never change once indexed
      response.setHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=86400, immutable");
      r.ifPresent(b -> response.setHeader(HttpHeaders.CONTENT_RANGE, b.contentRange(row.bytes())));
      in.transferTo(response.getOutputStream());
    }
  }

  /** Where playback of {@code at} starts: its segment and fragment, or the next recording after a gap. */
  @GetMapping("/cameras/{id}/seek")
  SeekView seek(@PathVariable String id, @RequestParam(required = false) String at, Authentication auth) {
    access.require(auth, id, Capability.PLAYBACK);
    long atMs = instant("at", at).toEpochMilli();
    Optional<SegmentRow> holding = lookup.startingAtOrBefore(id, props.stream(), atMs)
        .filter(s -> s.endWallMs() > atMs);
    SegmentRow row = holding.or(() -> lookup.startingAfter(id, props.stream(), atMs))
        .orElseThrow(() -> new NoRecording("camera " + id + " recorded nothing at or after " + at));
    return SeekView.of(id, atMs, holding.isEmpty(), SegmentMedia.of(row), HlsPlaylist.mediaUri(row.id()));
  }

  /** Recorded spans, gaps and motion of [from, to) for drawing a timeline. */
  @GetMapping("/cameras/{id}/timeline")
  PlaybackTimeline timeline(@PathVariable String id, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, Authentication auth) {
    access.require(auth, id, Capability.PLAYBACK);
    long[] w = window(from, to, MAX_TIMELINE_MS);
    return PlaybackTimeline.of(id, w[0], w[1], lookup.overlapping(id, props.stream(), w[0], w[1]),
        GAP_TOLERANCE_MS);
  }

  /** The UTC bounds of a calendar day in a time zone (23 or 25 hours on daylight-saving days). */
  @GetMapping("/day")
  DayView day(@RequestParam(required = false) String date, @RequestParam(required = false) String zone) {
    if (date == null || date.isBlank()) {
      throw new InvalidPlaybackRequest("date", "required, a date such as 2026-11-23");
    }
    LocalDate d;
    try {
      d = LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw new InvalidPlaybackRequest("date", "not a date such as 2026-11-23: '" + date + "'");
    }
    ZoneId z;
    try {
      z = zone == null || zone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new InvalidPlaybackRequest("zone", "not a time zone such as Asia/Jakarta: '" + zone + "'");
    }
    return new DayView(d, z.getId(), d.atStartOfDay(z).toInstant().toEpochMilli(),
        d.plusDays(1).atStartOfDay(z).toInstant().toEpochMilli());
  }

  record DayView(LocalDate date, String zone, long fromMs, long toMs) {}

  private static long[] window(String from, String to, long maxMs) {
    Instant f = instant("from", from);
    Instant t = instant("to", to);
    if (!t.isAfter(f)) {
      throw new InvalidPlaybackRequest("to", "must be after from");
    }
    if (t.toEpochMilli() - f.toEpochMilli() > maxMs) {
      throw new InvalidPlaybackRequest("to", "the window may span at most " + maxMs / 60_000 + " minutes");
    }
    return new long[] {f.toEpochMilli(), t.toEpochMilli()};
  }

  private static Instant instant(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidPlaybackRequest(field, "required, an ISO-8601 UTC instant such as 2026-11-23T08:00:00Z");
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidPlaybackRequest(field, "not an ISO-8601 UTC instant such as 2026-11-23T08:00:00Z: '"
          + value + "'");
    }
  }

  private static long segmentId(String value) {
    try {
      long id = Long.parseLong(value);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new InvalidPlaybackRequest("segmentId", "not a segment id: '" + value + "'");
  }
}
