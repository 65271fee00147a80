package id.pantau.web.playback;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** A seek lands in the fragment holding the time asked, or at the next recording after a gap. */
class PlaybackSeekTest extends PlaybackTestBase {
  static final long FRAGMENT_MS = 1000;
  static final long GOP_MS = 2000;

  @TempDir Path scratch;

  @Test
  void randomSeeksLandWithinOneFragmentOfTheTimeAsked() throws Exception {
    Random random = new Random(7);
    int inGap = 0;
    for (int i = 0; i < 300; i++) {
      long at = T0 - 5_000 + (long) (random.nextDouble() * (RUN_B_END - T0 + 4_000));
      DocumentContext seek = seek(at, 200);
      long fragmentStart = ms(seek, "$.fragment.start");
      long fragmentEnd = ms(seek, "$.fragment.end");
      long startFragment = ms(seek, "$.startFragment.start");
      assertThat(seek.read("$.startFragment.keyframe", Boolean.class)).isTrue();
      assertThat(fragmentStart - startFragment).as("keyframe before %s", iso(at)).isBetween(0L, GOP_MS - 1);
      if (at < T0 || (at >= RUN_A_END && at < RUN_B_START)) {
        inGap++;
        assertThat(seek.read("$.afterGap", Boolean.class)).isTrue();
        assertThat(fragmentStart).as("after the gap at %s", iso(at)).isEqualTo(at < T0 ? T0 : RUN_B_START);
      } else {
        assertThat(seek.read("$.afterGap", Boolean.class)).isFalse();
        assertThat(at).as("seek to %s", iso(at)).isBetween(fragmentStart, fragmentEnd - 1);
        assertThat(fragmentEnd - fragmentStart).isEqualTo(FRAGMENT_MS);
      }
    }
    assertThat(inGap).as("some seeks fell in a gap").isBetween(10, 60);
  }

  @ParameterizedTest(name = "{0} ms after T0 -> fragment at {1}, starts at {2}, after gap {3}")
  @CsvSource({
      "0, 0, 0, false",
      "999, 0, 0, false",
      "1000, 1000, 0, false",
      "59999, 59000, 58000, false",
      "60000, 60000, 60000, false",
      "61500, 61000, 60000, false",
      "149999, 149000, 148000, false",
      "150000, 180000, 180000, true",
      "170000, 180000, 180000, true",
      "-3600000, 0, 0, true",
      "239999, 239000, 238000, false"})
  void seekTable(long offsetMs, long fragmentMs, long startMs, boolean afterGap) throws Exception {
    DocumentContext seek = seek(T0 + offsetMs, 200);
    assertThat(ms(seek, "$.fragment.start") - T0).isEqualTo(fragmentMs);
    assertThat(ms(seek, "$.startFragment.start") - T0).isEqualTo(startMs);
    assertThat(seek.read("$.afterGap", Boolean.class)).isEqualTo(afterGap);
  }

  @Test
  void afterTheLastRecordingThereIsNothingToPlay() throws Exception {
    DocumentContext problem = seek(RUN_B_END + 1, 404);
    assertThat(problem.read("$.title", String.class)).isEqualTo("No recording");
  }

  @Test
  void theSeeksByteRangesDecodeFromAKeyframeUpToTheTimeAsked() throws Exception {
    for (long offset : new long[] {3_500, 61_200, 149_990, 200_040}) {
      long at = T0 + offset;
      DocumentContext seek = seek(at, 200);
      String uri = api("/" + seek.read("$.mediaUri", String.class));
      byte[] init = get(uri, "Range", "bytes=0-" + (seek.read("$.init.length", Long.class) - 1)).body();
      long mediaOffset = seek.read("$.media.offset", Long.class);
      long mediaLength = seek.read("$.media.length", Long.class);
      byte[] media = get(uri, "Range", "bytes=" + mediaOffset + "-" + (mediaOffset + mediaLength - 1)).body();
      Path file = scratch.resolve("seek-" + offset + ".mp4");
      Files.write(file, init);
      Files.write(file, media, java.nio.file.StandardOpenOption.APPEND);
      List<Probe.Packet> packets = Probe.packets(List.of(), file.toString());
      long segmentStart = ms(seek, "$.segmentStart");
      assertThat(packets.get(0).keyframe()).isTrue();
      double lastFrameEnd = packets.get(packets.size() - 1).ptsSeconds() + 0.04;
      assertThat(segmentStart + Math.round(packets.get(0).ptsSeconds() * 1000)).isLessThanOrEqualTo(at);
      assertThat(segmentStart + Math.round(lastFrameEnd * 1000)).as("frames up to %s", iso(at)).isGreaterThan(at);
    }
  }

  DocumentContext seek(long atMs, int status) throws Exception {
    MockHttpServletResponse r = mvc.perform(MockMvcRequestBuilders.get(api("/seek")).param("at", iso(atMs)).with(as(investigator())))
        .andReturn().getResponse();
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(status);
    return JsonPath.parse(r.getContentAsString());
  }

  static long ms(DocumentContext json, String path) {
    return Instant.parse(json.read(path, String.class)).toEpochMilli();
  }
}
