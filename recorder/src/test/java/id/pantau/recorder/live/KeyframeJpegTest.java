package id.pantau.recorder.live;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.recorder.ingest.MediaPacket;
import id.pantau.recorder.virtualcam.MediaFixtures;
import id.pantau.recorder.virtualcam.media.Clip;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyframeJpegTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"h264, 0, 1280, 720", "h265, 0, 1280, 720", "h264, 320, 320, 180"})
    void aFeedsLatestKeyframeBecomesAJpegOfThePicture(String codec, int maxWidth, int width, int height)
            throws Exception {
        Clip clip = ClipFrames.clip(codec.equals("h264") ? MediaFixtures.mainH264() : MediaFixtures.mainH265());
        LiveFeed feed = new LiveFeed(FeedKey.main("cam1"), Clock.systemUTC(), LiveFeed.CacheLimits.DEFAULT, null);
        feed.connected(ClipFrames.info(clip));
        for (MediaPacket p : ClipFrames.packets(clip, 0, 60)) {
            feed.accept(p);
        }
        byte[] jpeg = KeyframeJpeg.encode(feed.latestKeyframe().orElseThrow(), maxWidth);
        assertThat(jpeg).startsWith(0xFF, 0xD8);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
        // a decoded test picture, not a blank one: its pixels vary
        int[] row = image.getRGB(0, height / 2, width, 1, null, 0, width);
        assertThat(java.util.Arrays.stream(row).distinct().count()).isGreaterThan(10);
    }
}
