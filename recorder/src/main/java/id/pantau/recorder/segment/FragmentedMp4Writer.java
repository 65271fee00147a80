package id.pantau.recorder.segment;

import static org.bytedeco.ffmpeg.global.avcodec.AV_INPUT_BUFFER_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.av_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avio_context_free;
import static org.bytedeco.ffmpeg.global.avformat.avio_flush;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_free;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;
import static org.bytedeco.ffmpeg.global.avutil.av_mallocz;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import id.pantau.recorder.ffmpeg.FfmpegErrors;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacpp.BytePointer;

/**
 * Writes one self-contained fragmented MP4 file (ftyp+moov, then moof+mdat pairs) with FFmpeg's mp4 muxer,
 * without re-encoding. The caller decides where fragments end; each flush is fsynced and its exact byte range
 * recorded, and the SHA-256 of the file is computed from the bytes as they are written.
 */
public final class FragmentedMp4Writer implements Closeable, AvioWriteBridge.Target {

    private static final int IO_BUFFER_BYTES = 64 * 1024;
    private static final String MOVFLAGS = "empty_moov+default_base_moof+frag_custom+skip_trailer";
    private static final AVRational TIME_BASE_90K = av_make_q(1, 90_000);

    private final SpoolFile out;
    private final MessageDigest sha256;
    private final List<Fragment> fragments = new ArrayList<>();
    private final BytePointer opaque = new BytePointer(1);
    private AVFormatContext oc;
    private AVIOContext pb;
    private AVStream stream;
    private AVPacket packet;
    private long position;
    private IOException writeError;
    private long initLength = -1;

    private int openFrames;
    private long openStart90k;
    private long openEnd90k;
    private boolean openKeyframe;

    private FragmentedMp4Writer(SpoolFile out) {
        this.out = out;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the init section (ftyp+moov) for this format and fsyncs it. */
    public static FragmentedMp4Writer open(SpoolFile out, VideoFormat format) throws IOException {
        FragmentedMp4Writer writer = new FragmentedMp4Writer(out);
        try {
            writer.start(format);
            return writer;
        } catch (IOException | RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    private void start(VideoFormat format) throws IOException {
        oc = new AVFormatContext(null);
        check(avformat_alloc_output_context2(oc, null, "mp4", null), "allocate mp4 muxer");
        BytePointer ioBuffer = new BytePointer(av_malloc(IO_BUFFER_BYTES)).capacity(IO_BUFFER_BYTES);
        AvioWriteBridge.register(opaque, this);
        pb = avio_alloc_context(ioBuffer, IO_BUFFER_BYTES, 1, opaque, null, AvioWriteBridge.INSTANCE, null);
        oc.pb(pb);
        stream = avformat_new_stream(oc, null);
        describe(stream.codecpar(), format);
        stream.time_base(TIME_BASE_90K);
        AVDictionary options = new AVDictionary(null);
        av_dict_set(options, "movflags", MOVFLAGS, 0);
        try {
            check(avformat_write_header(oc, options), "write mp4 header");
        } finally {
            av_dict_free(options);
        }
        avio_flush(pb);
        throwIfWriteFailed();
        out.force();
        initLength = position;
        packet = av_packet_alloc();
    }

    private static void describe(AVCodecParameters par, VideoFormat format) {
        par.codec_type(AVMEDIA_TYPE_VIDEO);
        par.codec_id(format.codec() == VideoCodec.H264 ? avcodec.AV_CODEC_ID_H264 : avcodec.AV_CODEC_ID_HEVC);
        par.codec_tag(fourcc(format.codec().mp4Tag()));
        par.width(format.width());
        par.height(format.height());
        byte[] extradata = format.extradata();
        if (extradata.length > 0) {
            BytePointer data = new BytePointer(av_mallocz(extradata.length + AV_INPUT_BUFFER_PADDING_SIZE));
            data.put(extradata);
            par.extradata(data);
            par.extradata_size(extradata.length);
        }
    }

    private static int fourcc(String tag) {
        return tag.charAt(0) | tag.charAt(1) << 8 | tag.charAt(2) << 16 | tag.charAt(3) << 24;
    }

    /** Adds a frame to the open fragment; nothing reaches the file until {@link #flushFragment()}. */
    public void write(Sample sample) throws IOException {
        if (sample.duration90k() <= 0) {
            throw new IllegalArgumentException("sample duration must be positive: " + sample.duration90k());
        }
        if (openFrames > 0 && sample.dts90k() != openEnd90k) {
            throw new IllegalArgumentException("sample at " + sample.dts90k() + " does not follow " + openEnd90k);
        }
        check(av_new_packet(packet, sample.data().length), "allocate packet");
        try {
            packet.data().put(sample.data());
            AVRational tb = stream.time_base();
            packet.dts(av_rescale_q(sample.dts90k(), TIME_BASE_90K, tb));
            packet.pts(av_rescale_q(sample.pts90k(), TIME_BASE_90K, tb));
            packet.duration(av_rescale_q(sample.duration90k(), TIME_BASE_90K, tb));
            packet.flags(sample.keyframe() ? AV_PKT_FLAG_KEY : 0);
            packet.stream_index(0);
            check(av_write_frame(oc, packet), "write frame");
        } finally {
            av_packet_unref(packet);
        }
        throwIfWriteFailed();
        if (openFrames == 0) {
            openStart90k = sample.dts90k();
            openKeyframe = sample.keyframe();
            openEnd90k = sample.dts90k();
        }
        openFrames++;
        openEnd90k += sample.duration90k();
    }

    /** Media time covered by the frames written since the last flush. */
    public long openFragmentDuration90k() {
        return openFrames == 0 ? 0 : openEnd90k - openStart90k;
    }

    public int openFragmentFrames() {
        return openFrames;
    }

    /** Writes the open fragment as moof+mdat and fsyncs the file; returns null if no frame was pending. */
    public Fragment flushFragment() throws IOException {
        if (openFrames == 0) {
            return null;
        }
        long start = position;
        check(av_write_frame(oc, null), "flush fragment");
        avio_flush(pb);
        throwIfWriteFailed();
        out.force();
        Fragment fragment = new Fragment(openStart90k, openEnd90k - openStart90k, start, position - start,
                openFrames, openKeyframe);
        fragments.add(fragment);
        openFrames = 0;
        return fragment;
    }

    /** Flushes the last fragment; the file is then complete. Call {@link #close()} afterwards. */
    public void finish() throws IOException {
        flushFragment();
        long before = position;
        check(av_write_trailer(oc), "write trailer");
        avio_flush(pb);
        throwIfWriteFailed();
        if (position != before) {
            throw new IOException("mp4 muxer wrote " + (position - before) + " bytes of trailer");
        }
        out.force();
    }

    public List<Fragment> fragments() {
        return List.copyOf(fragments);
    }

    public long initLength() {
        return initLength;
    }

    public long bytesWritten() {
        return position;
    }

    /** Bytes up to the end of the last flushed fragment (what survives if the writer fails now). */
    public long durableLength() {
        return fragments.isEmpty() ? Math.max(initLength, 0) : fragments.get(fragments.size() - 1).endOffset();
    }

    /** SHA-256 of every byte written; valid once the file is finished. */
    public String sha256Hex() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) sha256.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void write(ByteBuffer bytes) throws IOException {
        ByteBuffer forDigest = bytes.duplicate();
        int length = bytes.remaining();
        out.write(bytes);
        sha256.update(forDigest);
        position += length;
    }

    @Override
    public void failed(IOException error) {
        if (writeError == null) {
            writeError = error;
        }
    }

    private void throwIfWriteFailed() throws IOException {
        if (writeError != null) {
            throw writeError;
        }
    }

    private void check(int result, String what) throws IOException {
        throwIfWriteFailed();
        if (result < 0) {
            throw new IOException(what + ": " + FfmpegErrors.describe(result));
        }
    }

    /** Frees the muxer; does not flush. The spool file is closed too. */
    @Override
    public void close() throws IOException {
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
        if (oc != null) {
            oc.pb(null);
            avformat_free_context(oc);
            oc = null;
        }
        if (pb != null) {
            av_free(pb.buffer());
            pb.buffer(null);
            avio_context_free(pb);
            pb = null;
        }
        AvioWriteBridge.unregister(opaque);
        opaque.close();
        out.close();
    }
}
