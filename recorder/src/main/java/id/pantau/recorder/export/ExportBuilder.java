package id.pantau.recorder.export;

import id.pantau.recorder.segment.Fragment;
import id.pantau.recorder.segment.FragmentIndexCodec;
import id.pantau.storage.index.SegmentIndex;
import id.pantau.storage.index.SegmentRow;
import id.pantau.storage.s3.ObjectStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Exports one camera's main stream over a wall-time range as a progressive MP4, remuxing the recorded fragments
 * without transcoding: the samples are copied from the segment objects as they stream in, and their tables
 * (stts, ctts, stss, stsz, stsc, stco) are rebuilt from the fragments' trun boxes. The movie box goes first
 * (faststart): its largest possible size is reserved before the media, and the slack becomes a free box.
 *
 * <p>The file starts at the keyframe at or before {@code from}; an edit list starts presentation at
 * {@code from}. It ends with the last frame that starts before {@code to}. Every segment read is hashed whole and
 * must match the index, so a damaged or replaced object stops the export.
 */
public final class ExportBuilder {

    /** A hole this long between two segments of one run is a gap, not rounding of wall times. */
    static final long GAP_TOLERANCE_MS = 1000;
    private static final int MDAT_HEADER_BYTES = 16;
    private static final int FTYP_MAX_BYTES = 32;
    private static final int DESCRIPTION_ROOM_PER_RUN = 2048;
    private static final byte[] FREE = {'f', 'r', 'e', 'e'};
    private static final byte[] MDAT = {'m', 'd', 'a', 't'};

    private final SegmentIndex index;
    private final ObjectStore store;

    public ExportBuilder(SegmentIndex index, ObjectStore store) {
        this.index = index;
        this.store = store;
    }

    /**
     * Writes the export to {@code out} (replacing it).
     *
     * @return what was exported; {@link ExportResult#empty()} (and no file) when nothing was recorded in the range
     * @throws SourceMismatchException when a segment object differs from its index row
     */
    public ExportResult export(String cameraId, long fromMs, long toMs, Path out, ExportProgress progress)
            throws IOException {
        if (toMs <= fromMs) {
            throw new IllegalArgumentException("empty range: to must be after from");
        }
        List<SegmentRow> rows = index.segments(cameraId, "main", fromMs, toMs);
        if (rows.isEmpty()) {
            Files.deleteIfExists(out);
            return ExportResult.noRecording(cameraId, fromMs, toMs);
        }
        long totalBytes = rows.stream().mapToLong(SegmentRow::bytes).sum();
        long dataStart = FTYP_MAX_BYTES + reservedMovieBytes(rows) + MDAT_HEADER_BYTES;
        Export export;
        try (FileChannel file = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ, StandardOpenOption.TRUNCATE_EXISTING)) {
            export = new Export(file, dataStart, fromMs * 90, toMs * 90);
            long doneBytes = 0;
            for (SegmentRow row : rows) {
                if (export.done) {
                    break;
                }
                copySegment(row, export, doneBytes, totalBytes, progress);
                doneBytes += row.bytes();
            }
            if (export.table.sampleCount() == 0) {
                file.truncate(0);
            } else {
                export.finish();
            }
        }
        if (export.table.sampleCount() == 0) {
            Files.deleteIfExists(out);
            return ExportResult.noRecording(cameraId, fromMs, toMs);
        }
        progress.update(totalBytes, totalBytes);
        return export.result(cameraId, fromMs, toMs, out);
    }

    /** Room for the movie box: the sample tables at their largest for the frames and fragments indexed. */
    private static long reservedMovieBytes(List<SegmentRow> rows) {
        long samples = 0;
        long chunks = 0;
        Set<Long> runs = new HashSet<>();
        for (SegmentRow row : rows) {
            samples += row.frameCount();
            chunks += fragmentCount(row);
            runs.add(row.runId());
        }
        return MovieBox.upperBoundBytes(samples, chunks, (long) runs.size() * DESCRIPTION_ROOM_PER_RUN);
    }

    private static long fragmentCount(SegmentRow row) {
        try {
            List<Fragment> fragments = FragmentIndexCodec.decode(row.fragmentIndex());
            return fragments.isEmpty() ? row.frameCount() : fragments.size();
        } catch (IllegalArgumentException e) {
            // an index without fragments: every frame could be a chunk of its own
            return row.frameCount();
        }
    }

    private void copySegment(SegmentRow row, Export export, long doneBytes, long totalBytes, ExportProgress progress)
            throws IOException {
        try (SegmentReader reader = new SegmentReader(store.get(row.objectKey()))) {
            InitSection init = null;
            int description = 0;
            TrackFragment fragment = null;
            SegmentReader.Box box;
            while ((box = reader.next()) != null) {
                switch (box.type()) {
                    case "moov" -> {
                        init = InitSection.parse(reader.payload(box));
                        description = export.describe(init);
                    }
                    case "moof" -> {
                        if (init == null) {
                            throw new IOException("segment " + row.objectKey() + " has a fragment before its moov");
                        }
                        fragment = export.done ? null : TrackFragment.parse(reader.payload(box), box.offset(), init);
                    }
                    case "mdat" -> {
                        Range range = fragment == null ? Range.NONE : export.select(fragment, row, init.timescale());
                        if (range.isEmpty()) {
                            reader.skip(box);
                        } else {
                            reader.payload(box);
                            export.copy(fragment, range, box.payloadOffset(), box.payloadSize(), reader.buffer(),
                                    row, description, init.timescale());
                        }
                        fragment = null;
                    }
                    default -> reader.skip(box);
                }
                progress.update(doneBytes + reader.position(), totalBytes);
            }
            String sha256 = reader.finish();
            if (reader.position() != row.bytes() || !sha256.equalsIgnoreCase(row.sha256())) {
                throw new SourceMismatchException("segment " + row.objectKey() + " does not match the index: "
                        + reader.position() + " bytes with SHA-256 " + sha256 + ", indexed " + row.bytes()
                        + " bytes with SHA-256 " + row.sha256());
            }
            export.verified(row, sha256);
        }
    }

    /** Samples {@code [from, to)} of a fragment; empty when {@code from == to}. */
    record Range(int from, int to) {
        static final Range NONE = new Range(0, 0);

        boolean isEmpty() {
            return to <= from;
        }
    }

    /** The state of one export while its segments stream through. */
    private static final class Export {
        final FileChannel file;
        final long dataStart;
        final long from90k;
        final long to90k;
        final SampleTable table = new SampleTable();
        final List<ExportResult.Discontinuity> discontinuities = new ArrayList<>();
        final List<ExportResult.SourceSegment> sources = new ArrayList<>();
        long position;
        boolean started;
        boolean done;
        long firstFrameWall90k;
        long endWall90k;
        long timescale;
        int width;
        int height;
        SegmentRow lastCopied;
        int framesInSegment;

        Export(FileChannel file, long dataStart, long from90k, long to90k) {
            this.file = file;
            this.dataStart = dataStart;
            this.from90k = from90k;
            this.to90k = to90k;
            this.position = dataStart;
        }

        int describe(InitSection init) throws IOException {
            if (timescale == 0) {
                timescale = init.timescale();
                width = init.width();
                height = init.height();
            } else if (timescale != init.timescale()) {
                throw new IOException("segments with different timescales (" + timescale + ", " + init.timescale()
                        + ") cannot share one track");
            }
            return table.description(init.sampleEntry());
        }

        /** Which samples of the fragment belong to the export; restarts it at a later keyframe before from. */
        Range select(TrackFragment f, SegmentRow row, long trackTimescale) {
            long segmentStart90k = row.startWallMs() * 90;
            long t = f.baseDecodeTime;
            int first = -1;
            int end = -1;
            for (int i = 0; i < f.count; i++) {
                long wall90k = segmentStart90k + to90k(t, trackTimescale);
                if (wall90k >= to90k) {
                    done = true;
                    break;
                }
                if (f.sync[i] && (wall90k <= from90k || !started)) {
                    if (started) {
                        rewind();
                    }
                    started = true;
                    firstFrameWall90k = wall90k;
                    first = i;
                } else if (started && first < 0) {
                    first = i;
                }
                if (started) {
                    end = i + 1;
                    endWall90k = wall90k + to90k(f.duration[i], trackTimescale);
                }
                t += f.duration[i];
            }
            return first < 0 ? Range.NONE : new Range(first, end);
        }

        /** Forgets everything copied so far: a later keyframe still at or before from was found. */
        void rewind() {
            table.clear();
            discontinuities.clear();
            framesInSegment = 0;
            position = dataStart;
            lastCopied = null;
        }

        void copy(TrackFragment f, Range range, long payloadOffset, long payloadSize, byte[] payload, SegmentRow row,
                int description, long trackTimescale) throws IOException {
            if (lastCopied != null && lastCopied.id() != row.id()) {
                boolean newRun = lastCopied.runId() != row.runId();
                if (newRun || row.startWallMs() - lastCopied.endWallMs() > GAP_TOLERANCE_MS) {
                    discontinuities.add(new ExportResult.Discontinuity(lastCopied.endWallMs(), row.startWallMs(),
                            (double) table.duration() / trackTimescale, newRun));
                }
            }
            if (lastCopied == null || lastCopied.id() != row.id()) {
                framesInSegment = 0;
            }
            lastCopied = row;
            table.startChunk(position, description);
            int i = range.from();
            while (i < range.to()) {
                // samples lying back to back in the fragment go out in one write
                int j = i + 1;
                while (j < range.to() && f.offset[j] == f.offset[j - 1] + f.size[j - 1]) {
                    j++;
                }
                long start = f.offset[i] - payloadOffset;
                long length = f.offset[j - 1] + f.size[j - 1] - f.offset[i];
                if (start < 0 || start + length > payloadSize) {
                    throw new IOException("samples outside their mdat in " + row.objectKey());
                }
                writeFully(ByteBuffer.wrap(payload, (int) start, (int) length), position);
                position += length;
                for (int k = i; k < j; k++) {
                    table.add(f.duration[k], f.size[k], f.sync[k], f.compositionOffset[k]);
                }
                i = j;
            }
            framesInSegment += range.to() - range.from();
        }

        void verified(SegmentRow row, String sha256) {
            int used = lastCopied != null && lastCopied.id() == row.id() ? framesInSegment : 0;
            sources.add(new ExportResult.SourceSegment(row.id(), row.runId(), row.objectKey(), row.startWallMs(),
                    row.endWallMs(), row.bytes(), sha256, used));
        }

        /** Writes ftyp, the movie box and the mdat header in front of the media. */
        void finish() throws IOException {
            long presentationStart90k = Math.max(from90k, firstFrameWall90k);
            long preRoll = Math.round((presentationStart90k - firstFrameWall90k) * (double) timescale / 90_000);
            long mediaTime = table.compositionOffset(0) + preRoll;
            long durationMs = Math.max(0, (table.duration() - preRoll) * MovieBox.MOVIE_TIMESCALE / timescale);
            MovieBox.Edit edit = new MovieBox.Edit(mediaTime, durationMs);
            byte[] ftyp = ftyp(table.firstDescription());
            byte[] moov = MovieBox.write(table, timescale, width, height, edit);
            long room = dataStart - MDAT_HEADER_BYTES - ftyp.length - moov.length;
            if (room < 8) {
                throw new IOException("movie box of " + moov.length + " bytes exceeds the room reserved for it");
            }
            // the free box's payload is the reserved room, never written: zeros
            ByteBuffer front = ByteBuffer.allocate(ftyp.length + moov.length + 8);
            front.put(ftyp).put(moov).putInt((int) room).put(FREE).flip();
            writeFully(front, 0);
            ByteBuffer mdat = ByteBuffer.allocate(MDAT_HEADER_BYTES);
            mdat.putInt(1).put(MDAT).putLong(MDAT_HEADER_BYTES + position - dataStart).flip();
            writeFully(mdat, dataStart - MDAT_HEADER_BYTES);
            file.truncate(position);
        }

        private void writeFully(ByteBuffer bytes, long at) throws IOException {
            long p = at;
            while (bytes.hasRemaining()) {
                p += file.write(bytes, p);
            }
        }

        private static byte[] ftyp(byte[] sampleEntry) {
            boolean avc = Mp4Box.fourcc(ByteBuffer.wrap(sampleEntry).getInt(4)).equals("avc1");
            BoxWriter w = new BoxWriter().begin("ftyp").fourcc("isom").u32(512).fourcc("isom").fourcc("iso2");
            if (avc) {
                w.fourcc("avc1");
            }
            return w.fourcc("mp41").end().toByteArray();
        }

        ExportResult result(String cameraId, long fromMs, long toMs, Path out) throws IOException {
            long firstMs = Math.floorDiv(firstFrameWall90k, 90);
            return new ExportResult(cameraId, fromMs, toMs, out, Files.size(out),
                    Mp4Box.fourcc(ByteBuffer.wrap(table.firstDescription()).getInt(4)), width, height,
                    table.sampleCount(), timescale, table.duration(), firstMs, Math.max(fromMs, firstMs),
                    Math.floorDiv(endWall90k, 90), sources, discontinuities);
        }
    }

    private static long to90k(long ticks, long timescale) {
        return timescale == 90_000 ? ticks : Math.round(ticks * 90_000.0 / timescale);
    }
}
