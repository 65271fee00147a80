package id.pantau.recorder.ingest;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_INVALIDDATA;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import id.pantau.recorder.ffmpeg.FfmpegDeadline;
import id.pantau.recorder.ffmpeg.FfmpegErrors;
import id.pantau.recorder.ingest.IngestFailure.Kind;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVRational;

/** Packets of one video stream from an open FFmpeg demuxer, each read bounded by the stall timeout. */
final class FfmpegPacketSource implements PacketSource {

    private static final int ETIMEDOUT = 110;
    private static final int MAX_UNTIMED_PACKETS = 100;
    private static final AVRational TIME_BASE_90K = av_make_q(1, 90_000);

    private final AVFormatContext ic;
    private final int videoIndex;
    private final FfmpegDeadline deadline;
    private final long stallMs;
    private final StreamInfo info;
    private final AVRational timeBase;
    private AVPacket packet = av_packet_alloc();
    private int untimedInARow;
    private boolean stalled;

    private byte[] untimedKeyframe;
    private MediaPacket queued;

    FfmpegPacketSource(AVFormatContext ic, int videoIndex, FfmpegDeadline deadline, long stallMs, StreamInfo info) {
        this.ic = ic;
        this.videoIndex = videoIndex;
        this.deadline = deadline;
        this.stallMs = stallMs;
        this.info = info;
        this.timeBase = ic.streams(videoIndex).time_base();
    }

    private static byte[] bytes(AVPacket packet) {
        byte[] data = new byte[packet.size()];
        packet.data().get(data);
        return data;
    }

    private long frameDuration90k() {
        double fps = info.frameRate();
        return fps > 1 && fps < 300 ? Math.round(90_000 / fps) : 3600;
    }

    @Override
    public StreamInfo info() {
        return info;
    }

    @Override
    public MediaPacket read() throws IngestFailure {
        if (queued != null) {
            MediaPacket next = queued;
            queued = null;
            return next;
        }
        if (stalled) {
            throw new IngestFailure(Kind.STALLED, "stalled: no video for " + stallMs + " ms");
        }
        deadline.startMs(stallMs);
        while (true) {
            int result = av_read_frame(ic, packet);
            if (result < 0) {
                throw readFailure(result);
            }
            // after a failed network read the RTSP demuxer still hands out what its reorder queue holds; the
            // stream has stalled all the same, so the next read reports it
            stalled = deadline.expired();
            try {
                if (packet.stream_index() != videoIndex || packet.size() <= 0) {
                    continue;
                }
                long pts = packet.pts();
                long dts = packet.dts() != AV_NOPTS_VALUE ? packet.dts() : pts;
                boolean key = (packet.flags() & AV_PKT_FLAG_KEY) != 0;
                if (dts == AV_NOPTS_VALUE) {
                    if (++untimedInARow > MAX_UNTIMED_PACKETS) {
                        throw new IngestFailure(Kind.MALFORMED, "malformed stream: packets without timestamps");
                    }
                    byte[] data = bytes(packet);
                    if (key && NalSanity.startsPicture(info.format().codec(), data)) {
                        untimedKeyframe = data;
                    }
                    continue;
                }
                untimedInARow = 0;
                if (pts == AV_NOPTS_VALUE) {
                    pts = dts;
                }
                MediaPacket timed = new MediaPacket(av_rescale_q(dts, timeBase, TIME_BASE_90K),
                        av_rescale_q(pts, timeBase, TIME_BASE_90K), key, bytes(packet));
                if (untimedKeyframe == null) {
                    return timed;
                }
                // FFmpeg's RTSP demuxer hands out the first keyframe of a session without timestamps (it is the
                // one stream probing parsed); dropping it would cost a whole GOP at every (re)connect. If the
                // first timed packet holds the rest of that picture's slices it shares its time, else the
                // keyframe takes the slot one frame before it
                boolean samePicture = !NalSanity.startsPicture(info.format().codec(), timed.data());
                long keyDts90k = samePicture ? timed.dts90k() : timed.dts90k() - frameDuration90k();
                MediaPacket keyframe = new MediaPacket(keyDts90k, keyDts90k, true, untimedKeyframe);
                untimedKeyframe = null;
                queued = timed;
                return keyframe;
            } finally {
                av_packet_unref(packet);
            }
        }
    }

    private IngestFailure readFailure(int code) {
        if (deadline.aborted()) {
            return new IngestFailure(Kind.ENDED, "stopped");
        }
        if (deadline.expired() || code == -ETIMEDOUT) {
            return new IngestFailure(Kind.STALLED, "stalled: no video for " + stallMs + " ms");
        }
        if (code == AVERROR_EOF) {
            return new IngestFailure(Kind.ENDED, "stream ended");
        }
        if (code == AVERROR_INVALIDDATA) {
            return new IngestFailure(Kind.MALFORMED, "malformed stream: " + FfmpegErrors.describe(code));
        }
        return new IngestFailure(Kind.ENDED, "connection lost: " + JavaCvStreamOpener.lower(FfmpegErrors.describe(code)));
    }

    @Override
    public void abort() {
        deadline.abort();
    }

    @Override
    public void close() {
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
        if (!ic.isNull()) {
            // bounds the RTSP TEARDOWN a stalled camera would never answer
            deadline.startMs(500);
            avformat_close_input(ic);
        }
        deadline.close();
    }
}
