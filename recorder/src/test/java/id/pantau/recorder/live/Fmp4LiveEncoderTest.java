package id.pantau.recorder.live;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.recorder.ingest.MediaPacket;
import id.pantau.recorder.testing.Ffprobe;
import id.pantau.recorder.virtualcam.MediaFixtures;
import id.pantau.recorder.virtualcam.media.Clip;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a viewer receives, concatenated, is a valid fragmented MP4 that ffprobe reads and FFmpeg decodes without
 * error: keyframe first, one frame per fragment, and a timeline without holes even where a stalled viewer skipped.
 */
class Fmp4LiveEncoderTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"h264, avc1", "hevc, hvc1"})
    void aViewersBytesAreOnePlayableMp4AcrossASkip(String codec, String mimeCodec) throws Exception {
        Clip clip = ClipFrames.clip(codec.equals("h264") ? MediaFixtures.mainH264() : MediaFixtures.mainH265());
        LiveFeed feed = new LiveFeed(FeedKey.main("cam1"), Clock.systemUTC(), LiveFeed.CacheLimits.DEFAULT, null);
        List<MediaPacket> frames = ClipFrames.packets(clip, 30, 200); // joins mid-GOP, the clip has a GOP of 50
        feed.connected(ClipFrames.info(clip));
        for (MediaPacket p : frames.subList(0, 40)) {
            feed.accept(p);
        }
        LiveSubscription viewer = feed.subscribe(25, null);
        Fmp4LiveEncoder encoder = new Fmp4LiveEncoder();
        ByteArrayOutputStream mp4 = new ByteArrayOutputStream();
        String[] mime = new String[1];
        int[] fragments = new int[1];
        Runnable drain = () -> {
            for (LiveEvent e = viewer.poll(); e != null; e = viewer.poll()) {
                LiveMessage m = encoder.encode(e);
                if (m instanceof LiveMessage.Init init) {
                    mime[0] = init.mimeType();
                    mp4.writeBytes(init.initSegment());
                } else if (m instanceof LiveMessage.Media media) {
                    assertThat(media.decodeTime90k()).isEqualTo(fragments[0] * 3600L);
                    mp4.writeBytes(media.fragment());
                    fragments[0]++;
                }
            }
        };
        drain.run(); // the cached GOP: frames 50..69
        for (MediaPacket p : frames.subList(40, 60)) { // frames 70..89, drained as they come
            feed.accept(p);
            drain.run();
        }
        for (MediaPacket p : frames.subList(60, 110)) { // 90..139 while the viewer stalls: skips to keyframe 100
            feed.accept(p);
        }
        drain.run();
        for (MediaPacket p : frames.subList(110, 170)) {
            feed.accept(p);
            drain.run();
        }
        assertThat(viewer.skips()).isEqualTo(1);
        long delivered = viewer.framesDelivered();
        assertThat(fragments[0]).isEqualTo(delivered);
        assertThat(mime[0]).startsWith("video/mp4; codecs=\"" + mimeCodec + ".");

        Path file = dir.resolve("live." + codec + ".mp4");
        Files.write(file, mp4.toByteArray());
        assertThat(Ffprobe.stream(file).codecName()).isEqualTo(codec);
        assertThat(Ffprobe.stream(file).width()).isEqualTo(1280);
        List<Ffprobe.Packet> packets = Ffprobe.packets(file);
        assertThat(packets).hasSize((int) delivered);
        assertThat(packets.get(0).keyframe()).isTrue();
        for (int i = 0; i < packets.size(); i++) {
            assertThat(packets.get(i).dts()).as("dts of packet %d", i).isEqualTo(i * 3600L);
        }
        assertThat(Ffprobe.decodedFrames(file)).isEqualTo(delivered);
    }
}
