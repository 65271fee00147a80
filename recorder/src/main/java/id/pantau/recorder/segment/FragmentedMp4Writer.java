package id.pantau.recorder.segment;

import id.pantau.recorder.mp4.Fmp4Muxer;
import id.pantau.recorder.mp4.NalUnits;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes one self-contained fragmented MP4 file (ftyp+moov, then moof+mdat pairs) with {@link Fmp4Muxer},
 * without re-encoding. The caller decides where fragments end; each flush is fsynced and its exact byte range
 * recorded, and the SHA-256 of the file is computed from the bytes as they are written.
 */
public final class FragmentedMp4Writer implements Closeable {

    private final SpoolFile out;
    private final MessageDigest sha256;
    private final List<Fragment> fragments = new ArrayList<>();
    private final List<Sample> open = new ArrayList<>();
    private long position;
    private long initLength = -1;
    private int nextSequence = 1;
    private long openEnd90k;

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
        byte[] init;
        try {
            init = Fmp4Muxer.initSegment(format);
        } catch (IllegalArgumentException e) {
            throw new IOException("cannot describe " + format.codec() + " stream in MP4: " + e.getMessage(), e);
        }
        FragmentedMp4Writer writer = new FragmentedMp4Writer(out);
        writer.append(init);
        out.force();
        writer.initLength = writer.position;
        return writer;
    }

    /** Adds a frame to the open fragment; nothing reaches the file until {@link #flushFragment()}. */
    public void write(Sample sample) {
        if (sample.duration90k() <= 0) {
            throw new IllegalArgumentException("sample duration must be positive: " + sample.duration90k());
        }
        if (!open.isEmpty() && sample.dts90k() != openEnd90k) {
            throw new IllegalArgumentException("sample at " + sample.dts90k() + " does not follow " + openEnd90k);
        }
        if (!NalUnits.isAnnexB(sample.data())) {
            NalUnits.split(sample.data()); // rejects a bad length-prefixed frame now, not the whole fragment later
        }
        open.add(sample);
        openEnd90k = sample.dts90k() + sample.duration90k();
    }

    /** Media time covered by the frames written since the last flush. */
    public long openFragmentDuration90k() {
        return open.isEmpty() ? 0 : openEnd90k - open.get(0).dts90k();
    }

    public int openFragmentFrames() {
        return open.size();
    }

    /** Writes the open fragment as moof+mdat and fsyncs the file; returns null if no frame was pending. */
    public Fragment flushFragment() throws IOException {
        if (open.isEmpty()) {
            return null;
        }
        Sample first = open.get(0);
        byte[] bytes = Fmp4Muxer.fragment(nextSequence, open);
        long start = position;
        append(bytes);
        out.force();
        Fragment fragment = new Fragment(first.dts90k(), openEnd90k - first.dts90k(), start, bytes.length,
                open.size(), first.keyframe());
        fragments.add(fragment);
        nextSequence++;
        open.clear();
        return fragment;
    }

    /** Flushes the last fragment; the file is then complete (fragmented MP4 needs no trailer). */
    public void finish() throws IOException {
        flushFragment();
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

    private void append(byte[] bytes) throws IOException {
        out.write(ByteBuffer.wrap(bytes));
        sha256.update(bytes);
        position += bytes.length;
    }

    /** Drops any unflushed frames and closes the spool file. */
    @Override
    public void close() throws IOException {
        open.clear();
        out.close();
    }
}
