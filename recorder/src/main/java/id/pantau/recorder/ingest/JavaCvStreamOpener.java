package id.pantau.recorder.ingest;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_ALL;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_HEVC;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_FORBIDDEN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_NOT_FOUND;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_UNAUTHORIZED;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_INVALIDDATA;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;

import id.pantau.recorder.ffmpeg.FfmpegDeadline;
import id.pantau.recorder.ffmpeg.FfmpegErrors;
import id.pantau.recorder.ffmpeg.FfmpegLog;
import id.pantau.recorder.ingest.IngestFailure.Kind;
import id.pantau.recorder.segment.VideoCodec;
import id.pantau.recorder.segment.VideoFormat;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * Opens camera streams with FFmpeg's demuxers through JavaCV's FFmpeg presets, reading packets only (nothing
 * is decoded). It calls avformat directly rather than FFmpegFrameGrabber: the grabber's start() takes a global
 * lock, its grabPacket() hides FFmpeg's error codes, its errors quote the URL (with credentials) and it opens
 * a decoder we never use. A per-connection {@link FfmpegDeadline} bounds every blocking call.
 */
public final class JavaCvStreamOpener implements StreamOpener {

    private static final int ECONNREFUSED = 111;
    private static final int ETIMEDOUT = 110;
    private static final int EHOSTUNREACH = 113;
    private static final int ENETUNREACH = 101;

    @Override
    public PacketSource open(CameraConfig camera) throws IngestFailure {
        FfmpegLog.install();
        FfmpegDeadline deadline = new FfmpegDeadline();
        AVFormatContext ic = avformat_alloc_context();
        deadline.attach(ic);
        AVDictionary options = new AVDictionary(null);
        if (camera.url().startsWith("rtsp")) {
            av_dict_set(options, "rtsp_transport", camera.transport().ffmpegValue(), 0);
            // FFmpeg's own socket timeout is only a backstop: our deadline must fire first, or a camera that
            // accepts the connection but never answers looks like malformed data instead of an unreachable one
            long backstopMs = Math.max(camera.openTimeout().toMillis(), camera.stallTimeout().toMillis()) + 2_000;
            av_dict_set(options, "timeout", String.valueOf(backstopMs * 1000), 0);
        }
        // the SDP carries the parameter sets: a few frames are enough to confirm size and rate, and every
        // 100 ms spent probing is 100 ms more before a returning camera records again
        av_dict_set(options, "analyzeduration", "500000", 0);
        av_dict_set(options, "fpsprobesize", "5", 0);
        long openMs = camera.openTimeout().toMillis();
        try {
            deadline.startMs(openMs);
            int result = avformat_open_input(ic, camera.url(), null, options);
            if (result < 0) {
                throw openFailure(result, deadline, openMs);
            }
            result = avformat_find_stream_info(ic, (AVDictionary) null);
            if (result < 0) {
                throw openFailure(result, deadline, openMs);
            }
            int videoIndex = chooseVideo(ic);
            return new FfmpegPacketSource(ic, videoIndex, deadline, camera.stallTimeout().toMillis(),
                    describe(ic.streams(videoIndex)));
        } catch (IngestFailure | RuntimeException e) {
            if (ic != null && !ic.isNull()) {
                avformat_close_input(ic);
            }
            deadline.close();
            throw e;
        } finally {
            av_dict_free(options);
        }
    }

    private static int chooseVideo(AVFormatContext ic) throws IngestFailure {
        int chosen = -1;
        String otherCodec = null;
        for (int i = 0; i < ic.nb_streams(); i++) {
            AVCodecParameters par = ic.streams(i).codecpar();
            boolean supported = par.codec_type() == AVMEDIA_TYPE_VIDEO
                    && (par.codec_id() == AV_CODEC_ID_H264 || par.codec_id() == AV_CODEC_ID_HEVC);
            if (supported && chosen < 0) {
                chosen = i;
            } else {
                if (par.codec_type() == AVMEDIA_TYPE_VIDEO && otherCodec == null) {
                    otherCodec = avcodec_get_name(par.codec_id()).getString();
                }
                // packets of streams we do not record are dropped inside the demuxer
                ic.streams(i).discard(AVDISCARD_ALL);
            }
        }
        if (chosen < 0) {
            throw otherCodec != null
                    ? new IngestFailure(Kind.UNSUPPORTED_CODEC, "unsupported codec: " + otherCodec)
                    : new IngestFailure(Kind.MALFORMED, "malformed stream: no video stream");
        }
        return chosen;
    }

    private static StreamInfo describe(AVStream st) {
        AVCodecParameters par = st.codecpar();
        VideoCodec codec = par.codec_id() == AV_CODEC_ID_H264 ? VideoCodec.H264 : VideoCodec.H265;
        byte[] extradata = new byte[Math.max(par.extradata_size(), 0)];
        if (extradata.length > 0) {
            par.extradata().get(extradata);
        }
        AVRational rate = st.avg_frame_rate().num() > 0 ? st.avg_frame_rate() : st.r_frame_rate();
        double fps = rate.den() > 0 ? (double) rate.num() / rate.den() : 0;
        return new StreamInfo(new VideoFormat(codec, par.width(), par.height(), extradata), fps);
    }

    private static IngestFailure openFailure(int code, FfmpegDeadline deadline, long openMs) {
        if (deadline.aborted()) {
            return new IngestFailure(Kind.ENDED, "stopped");
        }
        if (deadline.expired() || code == -ETIMEDOUT) {
            return new IngestFailure(Kind.UNREACHABLE, "unreachable: no answer within " + openMs + " ms");
        }
        if (code == -ECONNREFUSED || code == -EHOSTUNREACH || code == -ENETUNREACH) {
            return new IngestFailure(Kind.UNREACHABLE, "unreachable: " + lower(FfmpegErrors.describe(code)));
        }
        if (code == AVERROR_HTTP_UNAUTHORIZED || code == AVERROR_HTTP_FORBIDDEN) {
            return new IngestFailure(Kind.AUTH_FAILED, "authentication failed: " + FfmpegErrors.describe(code));
        }
        if (code == AVERROR_HTTP_NOT_FOUND) {
            return new IngestFailure(Kind.NOT_FOUND, "stream not found on camera (404)");
        }
        if (code == AVERROR_INVALIDDATA) {
            return new IngestFailure(Kind.MALFORMED, "malformed stream: " + FfmpegErrors.describe(code));
        }
        return new IngestFailure(Kind.UNREACHABLE, "unreachable: " + lower(FfmpegErrors.describe(code)));
    }

    static String lower(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
