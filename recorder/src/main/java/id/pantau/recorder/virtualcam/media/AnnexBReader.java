package id.pantau.recorder.virtualcam.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Splits an Annex-B elementary stream into access units and finds its parameter sets. */
public final class AnnexBReader {

    private static final int H264_FILLER = 12;
    private static final int H265_FILLER = 38;

    private final VideoCodec codec;

    public AnnexBReader(VideoCodec codec) {
        this.codec = codec;
    }

    /** Reads a whole .h264/.h265 file; the codec comes from its extension. */
    public static Clip readFile(Path file, int frameRate) throws IOException {
        return new AnnexBReader(VideoCodec.fromFileName(file)).read(Files.readAllBytes(file), frameRate);
    }

    /** Builds a clip over {@code stream}, which the clip then shares and nobody may modify. */
    public Clip read(byte[] stream, int frameRate) {
        List<NalUnit> nals = splitNalUnits(stream);
        Map<VideoCodec.ParameterSetKind, NalUnit> parameterSets = firstParameterSets(nals);
        requireParameterSets(parameterSets);
        List<AccessUnit> frames = new ArrayList<>();
        for (List<NalUnit> group : groupAccessUnits(nals)) {
            boolean keyframe = group.stream().anyMatch(nal -> codec.isRandomAccess(nal.type(codec)));
            if (frames.isEmpty() && !keyframe) {
                continue; // a loopable clip must start where a decoder can start
            }
            frames.add(new AccessUnit(keyframe ? withParameterSets(group, parameterSets) : group, keyframe));
        }
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("The stream has no keyframe");
        }
        return new Clip(codec, frames, parameterSets, frameRate);
    }

    /** NAL units between start codes, without trailing zero bytes (which belong to the next 4-byte start code). */
    public List<NalUnit> splitNalUnits(byte[] stream) {
        List<NalUnit> nals = new ArrayList<>();
        int start = -1;
        int i = 0;
        while (i + 2 < stream.length) {
            if (stream[i] == 0 && stream[i + 1] == 0 && stream[i + 2] == 1) {
                if (start >= 0) {
                    addNal(nals, stream, start, i);
                }
                i += 3;
                start = i;
            } else {
                i++;
            }
        }
        if (start >= 0) {
            addNal(nals, stream, start, stream.length);
        }
        return nals;
    }

    private void addNal(List<NalUnit> nals, byte[] stream, int start, int end) {
        while (end > start && stream[end - 1] == 0) {
            end--;
        }
        if (end - start <= codec.nalHeaderBytes()) {
            return;
        }
        int type = codec.nalType(stream[start]);
        if ((codec == VideoCodec.H264 && type == H264_FILLER) || (codec == VideoCodec.H265 && type == H265_FILLER)) {
            return; // filler only pads a constant bit rate; it carries nothing a client needs
        }
        nals.add(new NalUnit(stream, start, end - start));
    }

    /** Groups NAL units into access units by the first-slice flag and the NAL types that open an access unit. */
    public List<List<NalUnit>> groupAccessUnits(List<NalUnit> nals) {
        List<List<NalUnit>> groups = new ArrayList<>();
        List<NalUnit> current = new ArrayList<>();
        boolean currentHasSlice = false;
        for (NalUnit nal : nals) {
            int type = nal.type(codec);
            boolean slice = codec.isVcl(type);
            boolean opensNew = slice
                    ? codec.isFirstSliceOfPicture(nal.buffer(), nal.offset(), nal.length())
                    : codec.startsAccessUnit(type);
            if (opensNew && currentHasSlice) {
                groups.add(current);
                current = new ArrayList<>();
                currentHasSlice = false;
            }
            current.add(nal);
            currentHasSlice |= slice;
        }
        if (currentHasSlice) {
            groups.add(current);
        }
        return groups;
    }

    private Map<VideoCodec.ParameterSetKind, NalUnit> firstParameterSets(List<NalUnit> nals) {
        Map<VideoCodec.ParameterSetKind, NalUnit> found = new EnumMap<>(VideoCodec.ParameterSetKind.class);
        for (NalUnit nal : nals) {
            VideoCodec.ParameterSetKind kind = codec.parameterSetKind(nal.type(codec));
            if (kind != null) {
                found.putIfAbsent(kind, nal);
            }
        }
        return found;
    }

    private void requireParameterSets(Map<VideoCodec.ParameterSetKind, NalUnit> parameterSets) {
        List<VideoCodec.ParameterSetKind> required = codec == VideoCodec.H264
                ? List.of(VideoCodec.ParameterSetKind.SPS, VideoCodec.ParameterSetKind.PPS)
                : List.of(VideoCodec.ParameterSetKind.VPS, VideoCodec.ParameterSetKind.SPS,
                        VideoCodec.ParameterSetKind.PPS);
        for (VideoCodec.ParameterSetKind kind : required) {
            if (!parameterSets.containsKey(kind)) {
                throw new IllegalArgumentException("The " + codec + " stream has no " + kind);
            }
        }
    }

    /** Puts any parameter set a keyframe lacks in front of it, so playback can start or loop at every keyframe. */
    private List<NalUnit> withParameterSets(List<NalUnit> group, Map<VideoCodec.ParameterSetKind, NalUnit> sets) {
        Map<VideoCodec.ParameterSetKind, NalUnit> missing = new EnumMap<>(sets);
        for (NalUnit nal : group) {
            VideoCodec.ParameterSetKind kind = codec.parameterSetKind(nal.type(codec));
            if (kind != null) {
                missing.remove(kind);
            }
        }
        if (missing.isEmpty()) {
            return group;
        }
        List<NalUnit> result = new ArrayList<>(missing.values()); // EnumMap order: VPS, SPS, PPS
        result.addAll(group);
        return result;
    }
}
