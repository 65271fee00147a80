package id.pantau.recorder.live;

import id.pantau.recorder.mp4.NalUnits;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Decodes a feed's keyframe to a JPEG with FFmpeg (through JavaCV), for viewers whose browser cannot decode the
 * stream (H.265 in Chromium) and for thumbnails. Only the keyframe is decoded: no GOP, no state.
 */
public final class KeyframeJpeg {

    private KeyframeJpeg() {
    }

    /** The keyframe as a JPEG, scaled down to at most {@code maxWidth} pixels wide. */
    public static byte[] encode(Keyframe keyframe, int maxWidth) {
        byte[] elementary = elementaryStream(keyframe);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(new ByteArrayInputStream(elementary), 0);
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.setFormat(keyframe.format().codec().ffmpegName());
            grabber.startUnsafe(); // start() takes JavaCV's global lock; this grabber is ours alone
            try {
                Frame frame = grabber.grabImage();
                if (frame == null) {
                    throw new IllegalStateException("the keyframe did not decode");
                }
                return jpeg(scaled(converter.convert(frame), maxWidth));
            } finally {
                grabber.releaseUnsafe();
            }
        } catch (FrameGrabber.Exception e) {
            throw new IllegalStateException("cannot decode keyframe: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Out-of-band parameter sets first (harmless when the keyframe repeats them), then the keyframe. */
    private static byte[] elementaryStream(Keyframe keyframe) {
        byte[] extradata = keyframe.format().extradata();
        byte[] au = keyframe.accessUnit().data();
        ByteArrayOutputStream out = new ByteArrayOutputStream(extradata.length + au.length + 16);
        if (NalUnits.isAnnexB(extradata)) {
            out.writeBytes(extradata);
        }
        if (NalUnits.isAnnexB(au)) {
            out.writeBytes(au);
        } else {
            for (NalUnits.Nal nal : NalUnits.split(au)) {
                out.writeBytes(new byte[] {0, 0, 0, 1});
                out.write(nal.buffer(), nal.offset(), nal.length());
            }
        }
        return out.toByteArray();
    }

    private static BufferedImage scaled(BufferedImage image, int maxWidth) {
        if (maxWidth <= 0 || image.getWidth() <= maxWidth) {
            return image;
        }
        int height = Math.max(1, Math.round(image.getHeight() * (float) maxWidth / image.getWidth()));
        BufferedImage small = new BufferedImage(maxWidth, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, maxWidth, height, null);
        g.dispose();
        return small;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        if (!ImageIO.write(image, "jpg", out)) {
            throw new IOException("no JPEG writer");
        }
        return out.toByteArray();
    }
}
