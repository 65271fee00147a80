package id.pantau.recorder.motion;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_ALL;
import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_NONKEY;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG2_FAST;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_HEVC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_INPUT_BUFFER_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_mallocz;

import id.pantau.recorder.ffmpeg.FfmpegErrors;
import id.pantau.recorder.ffmpeg.FfmpegLog;
import id.pantau.recorder.ingest.MediaPacket;
import id.pantau.recorder.segment.VideoCodec;
import id.pantau.recorder.segment.VideoFormat;
import java.util.function.Consumer;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;

/**
 * Decodes compressed access units with FFmpeg's avcodec directly (no demuxer), set up to cost as little as a
 * motion detector allows: one thread, no loop filter, fast flags, and for main streams only keyframes.
 */
public final class PictureDecoder implements AutoCloseable {

    private final AVCodecContext ctx;
    private final boolean keyframesOnly;
    private final AVPacket packet;
    private final AVFrame frame;
    private final DecodedPicture picture;
    private boolean awaitingKeyframe = true;
    private long decoded;

    /**
     * @param keyframesOnly decode keyframes only and drop everything else before it reaches the decoder
     */
    public PictureDecoder(VideoFormat format, boolean keyframesOnly) {
        FfmpegLog.install();
        this.keyframesOnly = keyframesOnly;
        AVCodec codec = avcodec_find_decoder(format.codec() == VideoCodec.H264 ? AV_CODEC_ID_H264 : AV_CODEC_ID_HEVC);
        if (codec == null || codec.isNull()) {
            throw new IllegalStateException("no FFmpeg decoder for " + format.codec());
        }
        ctx = avcodec_alloc_context3(codec);
        ctx.thread_count(1);
        // the deblocking filter is a large share of decoding and makes no difference to a motion mask
        ctx.skip_loop_filter(AVDISCARD_ALL);
        ctx.flags2(ctx.flags2() | AV_CODEC_FLAG2_FAST);
        if (keyframesOnly) {
            ctx.skip_frame(AVDISCARD_NONKEY);
        }
        ctx.pkt_timebase(av_make_q(1, 90_000));
        byte[] extradata = format.extradata();
        if (extradata.length > 0) {
            BytePointer copy = new BytePointer(av_mallocz(extradata.length + AV_INPUT_BUFFER_PADDING_SIZE));
            copy.put(extradata);
            ctx.extradata(copy);
            ctx.extradata_size(extradata.length);
        }
        int result = avcodec_open2(ctx, codec, (AVDictionary) null);
        if (result < 0) {
            avcodec_free_context(ctx);
            throw new IllegalStateException("cannot open the " + format.codec() + " decoder: "
                    + FfmpegErrors.describe(result));
        }
        packet = av_packet_alloc();
        frame = av_frame_alloc();
        picture = new DecodedPicture(frame);
    }

    /** Pictures decoded so far. */
    public long decoded() {
        return decoded;
    }

    /**
     * Decodes one access unit (Annex-B) and hands every picture it completes to {@code sink}, which must not keep
     * the picture. Returns false when the decoder refused the data (it carries on with the next keyframe).
     */
    public boolean decode(MediaPacket unit, Consumer<Picture> sink) {
        if (keyframesOnly && !unit.keyframe()) {
            return true;
        }
        if (awaitingKeyframe) {
            if (!unit.keyframe()) {
                return true;
            }
            awaitingKeyframe = false;
        }
        if (av_new_packet(packet, unit.data().length) < 0) {
            throw new OutOfMemoryError("av_new_packet");
        }
        int sent;
        try {
            packet.data().put(unit.data());
            packet.pts(unit.pts90k());
            packet.dts(unit.dts90k());
            packet.flags(unit.keyframe() ? AV_PKT_FLAG_KEY : 0);
            sent = avcodec_send_packet(ctx, packet);
        } finally {
            av_packet_unref(packet);
        }
        if (sent < 0 && sent != AVERROR_EAGAIN()) {
            awaitingKeyframe = true;
            return false;
        }
        while (true) {
            int result = avcodec_receive_frame(ctx, frame);
            if (result == AVERROR_EAGAIN() || result == AVERROR_EOF) {
                return true;
            }
            if (result < 0) {
                awaitingKeyframe = true;
                return false;
            }
            try {
                decoded++;
                long pts = frame.best_effort_timestamp();
                picture.pts90k = pts == AV_NOPTS_VALUE ? unit.pts90k() : pts;
                sink.accept(picture);
            } finally {
                av_frame_unref(frame);
            }
        }
    }

    @Override
    public void close() {
        picture.close();
        av_frame_free(frame);
        av_packet_free(packet);
        avcodec_free_context(ctx);
    }
}
