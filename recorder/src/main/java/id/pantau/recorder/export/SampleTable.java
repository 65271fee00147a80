package id.pantau.recorder.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sample tables of an export's one video track, built chunk by chunk as samples are copied (a chunk is the
 * run of samples copied from one fragment) and written as an stbl box: stsd, stts, ctts, stss, stsz, stsc and
 * stco or co64.
 */
final class SampleTable {

    private final List<byte[]> descriptions = new ArrayList<>();
    private int[] durations = new int[4096];
    private int[] sizes = new int[4096];
    private int[] compositionOffsets = new int[4096];
    private boolean anyCompositionOffset;
    private int[] syncSamples = new int[256];
    private int syncCount;
    private int count;
    private long totalDuration;
    private long[] chunkOffsets = new long[256];
    private int[] chunkSamples = new int[256];
    private int[] chunkDescriptions = new int[256];
    private int chunkCount;

    /**
     * The stbl box's largest possible size for this many samples and chunks, so the movie box can be given
     * its room at the front of the file before the samples are known.
     */
    static long upperBoundBytes(long samples, long chunks, long descriptionBytes) {
        return 8 + (16 + descriptionBytes) + (16 + 8 * samples) + (16 + 8 * samples) + (16 + 4 * samples)
                + (20 + 4 * samples) + (16 + 12 * chunks) + (16 + 8 * chunks);
    }

    /** The 1-based index of this sample entry in stsd, adding it if it is new. */
    int description(byte[] sampleEntry) {
        for (int i = 0; i < descriptions.size(); i++) {
            if (Arrays.equals(descriptions.get(i), sampleEntry)) {
                return i + 1;
            }
        }
        descriptions.add(sampleEntry.clone());
        return descriptions.size();
    }

    int descriptionBytes() {
        return descriptions.stream().mapToInt(d -> d.length).sum();
    }

    byte[] firstDescription() {
        return descriptions.get(0).clone();
    }

    /** Starts a chunk whose samples lie back to back from {@code fileOffset} in the output file. */
    void startChunk(long fileOffset, int descriptionIndex) {
        if (chunkCount == chunkOffsets.length) {
            chunkOffsets = Arrays.copyOf(chunkOffsets, chunkCount * 2);
            chunkSamples = Arrays.copyOf(chunkSamples, chunkCount * 2);
            chunkDescriptions = Arrays.copyOf(chunkDescriptions, chunkCount * 2);
        }
        chunkOffsets[chunkCount] = fileOffset;
        chunkSamples[chunkCount] = 0;
        chunkDescriptions[chunkCount] = descriptionIndex;
        chunkCount++;
    }

    /** Adds a sample to the current chunk. */
    void add(long duration, int size, boolean sync, int compositionOffset) {
        if (chunkCount == 0) {
            throw new IllegalStateException("no chunk started");
        }
        if (duration < 0 || duration > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("sample duration out of range: " + duration);
        }
        if (count == durations.length) {
            durations = Arrays.copyOf(durations, count * 2);
            sizes = Arrays.copyOf(sizes, count * 2);
            compositionOffsets = Arrays.copyOf(compositionOffsets, count * 2);
        }
        durations[count] = (int) duration;
        sizes[count] = size;
        compositionOffsets[count] = compositionOffset;
        anyCompositionOffset |= compositionOffset != 0;
        count++;
        if (sync) {
            if (syncCount == syncSamples.length) {
                syncSamples = Arrays.copyOf(syncSamples, syncCount * 2);
            }
            syncSamples[syncCount++] = count;
        }
        chunkSamples[chunkCount - 1]++;
        totalDuration += duration;
    }

    /** Forgets every sample and chunk (the sample entries stay). */
    void clear() {
        count = 0;
        syncCount = 0;
        chunkCount = 0;
        totalDuration = 0;
        anyCompositionOffset = false;
    }

    int sampleCount() {
        return count;
    }

    int chunkCount() {
        return chunkCount;
    }

    /** Sum of the sample durations, in the media timescale. */
    long duration() {
        return totalDuration;
    }

    int compositionOffset(int sample) {
        return compositionOffsets[sample];
    }

    void writeStbl(BoxWriter w) {
        w.begin("stbl");
        w.beginFull("stsd", 0, 0).u32(descriptions.size());
        descriptions.forEach(w::raw);
        w.end();
        writeTimeToSample(w);
        if (anyCompositionOffset) {
            writeCompositionOffsets(w);
        }
        if (syncCount < count) {
            w.beginFull("stss", 0, 0).u32(syncCount);
            for (int i = 0; i < syncCount; i++) {
                w.u32(syncSamples[i]);
            }
            w.end();
        }
        w.beginFull("stsz", 0, 0).u32(0).u32(count);
        for (int i = 0; i < count; i++) {
            w.u32(Integer.toUnsignedLong(sizes[i]));
        }
        w.end();
        writeSampleToChunk(w);
        writeChunkOffsets(w);
        w.end();
    }

    private void writeTimeToSample(BoxWriter w) {
        w.beginFull("stts", 0, 0);
        int entriesAt = w.length();
        w.u32(0);
        int entries = 0;
        for (int i = 0; i < count; ) {
            int j = i;
            while (j < count && durations[j] == durations[i]) {
                j++;
            }
            w.u32(j - i).u32(Integer.toUnsignedLong(durations[i]));
            entries++;
            i = j;
        }
        w.end();
        w.patchU32(entriesAt, entries);
    }

    private void writeCompositionOffsets(BoxWriter w) {
        boolean negative = false;
        for (int i = 0; i < count; i++) {
            negative |= compositionOffsets[i] < 0;
        }
        w.beginFull("ctts", negative ? 1 : 0, 0);
        int entriesAt = w.length();
        w.u32(0);
        int entries = 0;
        for (int i = 0; i < count; ) {
            int j = i;
            while (j < count && compositionOffsets[j] == compositionOffsets[i]) {
                j++;
            }
            w.u32(j - i).u32(compositionOffsets[i]);
            entries++;
            i = j;
        }
        w.end();
        w.patchU32(entriesAt, entries);
    }

    private void writeSampleToChunk(BoxWriter w) {
        w.beginFull("stsc", 0, 0);
        int entriesAt = w.length();
        w.u32(0);
        int entries = 0;
        for (int c = 0; c < chunkCount; c++) {
            if (c == 0 || chunkSamples[c] != chunkSamples[c - 1] || chunkDescriptions[c] != chunkDescriptions[c - 1]) {
                w.u32(c + 1).u32(chunkSamples[c]).u32(chunkDescriptions[c]);
                entries++;
            }
        }
        w.end();
        w.patchU32(entriesAt, entries);
    }

    private void writeChunkOffsets(BoxWriter w) {
        boolean large = chunkCount > 0 && chunkOffsets[chunkCount - 1] > 0xFFFF_FFFFL;
        w.beginFull(large ? "co64" : "stco", 0, 0).u32(chunkCount);
        for (int c = 0; c < chunkCount; c++) {
            if (large) {
                w.u64(chunkOffsets[c]);
            } else {
                w.u32(chunkOffsets[c]);
            }
        }
        w.end();
    }
}
