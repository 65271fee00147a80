package id.pantau.recorder.virtualcam.media;

/** One NAL unit (header included, start code excluded) as a window on a shared, never modified buffer. */
public record NalUnit(byte[] buffer, int offset, int length) {

    public NalUnit {
        if (offset < 0 || length <= 0 || offset + length > buffer.length) {
            throw new IllegalArgumentException("NAL unit outside its buffer: offset " + offset + ", length " + length);
        }
    }

    /** Wraps a standalone NAL unit. */
    public static NalUnit of(byte[] nal) {
        return new NalUnit(nal, 0, nal.length);
    }

    public byte byteAt(int index) {
        return buffer[offset + index];
    }

    public int type(VideoCodec codec) {
        return codec.nalType(buffer[offset]);
    }

    public byte[] toByteArray() {
        byte[] copy = new byte[length];
        System.arraycopy(buffer, offset, copy, 0, length);
        return copy;
    }
}
