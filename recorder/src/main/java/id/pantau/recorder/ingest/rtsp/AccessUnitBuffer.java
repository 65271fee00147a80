package id.pantau.recorder.ingest.rtsp;

import id.pantau.recorder.ingest.MediaPacket;
import id.pantau.recorder.segment.VideoCodec;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * Collects the NAL units of one access unit as Annex-B with 4-byte start codes (the same size as the 4-byte
 * length prefixes of MP4 samples), noting whether it holds picture data, whether it is a keyframe, and whether
 * any part of it was lost. It notes where each NAL unit begins, so the muxer need not scan for start codes.
 */
final class AccessUnitBuffer {

    private static final int START_CODE_BYTES = 4;

    private final VideoCodec codec;
    private byte[] bytes = new byte[32 * 1024];
    private int length;
    private int[] nalStarts = new int[16];
    private int nalCount;
    private boolean picture;
    private boolean keyframe;
    private boolean damaged;

    AccessUnitBuffer(VideoCodec codec) {
        this.codec = codec;
    }

    /** A whole NAL unit (header included). */
    void addNal(ByteBuf source, int index, int nalLength) {
        if (nalLength <= 0) {
            damaged = true;
            return;
        }
        beginNal(source.getByte(index));
        ensure(nalLength);
        source.getBytes(index, bytes, length, nalLength);
        length += nalLength;
    }

    /** The start of a fragmented NAL unit, from its reconstructed header; the rest comes by {@link #append}. */
    void beginFragmentedNal(byte header0, byte header1) {
        beginNal(header0);
        ensure(2);
        bytes[length++] = header0;
        if (codec == VideoCodec.H265) {
            bytes[length++] = header1;
        }
    }

    /** More bytes of the NAL unit begun last. */
    void append(ByteBuf source, int index, int count) {
        ensure(count);
        source.getBytes(index, bytes, length, count);
        length += count;
    }

    void markDamaged() {
        damaged = true;
    }

    boolean isEmpty() {
        return length == 0;
    }

    boolean hasPicture() {
        return picture;
    }

    boolean keyframe() {
        return keyframe;
    }

    boolean damaged() {
        return damaged;
    }

    /** The collected access unit, with the picture's timestamp; the buffer is empty afterwards. */
    MediaPacket take(long timestamp90k) {
        MediaPacket unit = new MediaPacket(timestamp90k, timestamp90k, keyframe, Arrays.copyOf(bytes, length),
                Arrays.copyOf(nalStarts, nalCount));
        clear();
        return unit;
    }

    void clear() {
        length = 0;
        nalCount = 0;
        picture = false;
        keyframe = false;
        damaged = false;
    }

    private void beginNal(byte header0) {
        ensure(START_CODE_BYTES);
        if (nalCount == nalStarts.length) {
            nalStarts = Arrays.copyOf(nalStarts, nalCount * 2);
        }
        nalStarts[nalCount++] = length;
        bytes[length] = 0;
        bytes[length + 1] = 0;
        bytes[length + 2] = 0;
        bytes[length + 3] = 1;
        length += START_CODE_BYTES;
        if (codec == VideoCodec.H264) {
            int type = header0 & 0x1F;
            picture |= type >= 1 && type <= 5;
            keyframe |= type == 5;
        } else {
            int type = (header0 >> 1) & 0x3F;
            picture |= type <= 31;
            keyframe |= type >= 16 && type <= 23;
        }
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
