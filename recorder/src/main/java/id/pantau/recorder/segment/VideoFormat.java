package id.pantau.recorder.segment;

import java.util.Arrays;
import java.util.HexFormat;

/** Codec parameters a segment's init section is built from; extradata is Annex-B or avcC/hvcC. */
public record VideoFormat(VideoCodec codec, int width, int height, byte[] extradata) {

    public VideoFormat {
        extradata = extradata == null ? new byte[0] : extradata.clone();
    }

    @Override
    public byte[] extradata() {
        return extradata.clone();
    }

    public VideoFormat withExtradata(byte[] newExtradata, int newWidth, int newHeight) {
        return new VideoFormat(codec, newWidth, newHeight, newExtradata);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VideoFormat f && f.codec == codec && f.width == width && f.height == height
                && Arrays.equals(f.extradata, extradata);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * codec.hashCode() + width * 7919 + height) + Arrays.hashCode(extradata);
    }

    @Override
    public String toString() {
        return codec + " " + width + "x" + height + " extradata=" + HexFormat.of().formatHex(extradata);
    }
}
