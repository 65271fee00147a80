package id.pantau.recorder.ingest.rtsp;

import id.pantau.recorder.segment.VideoCodec;

/**
 * The picture size an H.264 (ITU-T H.264 7.3.2.1.1) or H.265 (ITU-T H.265 7.3.2.2) sequence parameter set
 * states, read up to its cropping window; what follows is not needed for the size and not parsed.
 */
final class SequenceParameterSet {

    private static final int[] HIGH_PROFILES = {100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135};

    private SequenceParameterSet() {
    }

    /** {width, height} of the SPS NAL unit (header included, emulation prevention bytes still in); {0, 0} if unreadable. */
    static int[] pictureSize(VideoCodec codec, byte[] nal) {
        try {
            BitReader bits = new BitReader(nal, codec == VideoCodec.H264 ? 1 : 2);
            return codec == VideoCodec.H264 ? h264(bits) : h265(bits);
        } catch (IndexOutOfBoundsException e) {
            return new int[] {0, 0};
        }
    }

    private static int[] h264(BitReader bits) {
        int profile = bits.u(8);
        bits.skip(16); // constraint flags, level
        bits.ue(); // seq_parameter_set_id
        int chromaFormat = 1;
        boolean separatePlanes = false;
        if (java.util.Arrays.stream(HIGH_PROFILES).anyMatch(p -> p == profile)) {
            chromaFormat = bits.ue();
            if (chromaFormat == 3) {
                separatePlanes = bits.u(1) == 1;
            }
            bits.ue(); // bit_depth_luma_minus8
            bits.ue(); // bit_depth_chroma_minus8
            bits.skip(1); // qpprime_y_zero_transform_bypass_flag
            if (bits.u(1) == 1) {
                for (int i = 0; i < (chromaFormat != 3 ? 8 : 12); i++) {
                    if (bits.u(1) == 1) {
                        skipScalingList(bits, i < 6 ? 16 : 64);
                    }
                }
            }
        }
        bits.ue(); // log2_max_frame_num_minus4
        int pocType = bits.ue();
        if (pocType == 0) {
            bits.ue();
        } else if (pocType == 1) {
            bits.skip(1);
            bits.se();
            bits.se();
            int cycle = bits.ue();
            for (int i = 0; i < cycle; i++) {
                bits.se();
            }
        }
        bits.ue(); // max_num_ref_frames
        bits.skip(1); // gaps_in_frame_num_value_allowed_flag
        int widthMbs = bits.ue() + 1;
        int heightMapUnits = bits.ue() + 1;
        int frameMbsOnly = bits.u(1);
        if (frameMbsOnly == 0) {
            bits.skip(1);
        }
        bits.skip(1); // direct_8x8_inference_flag
        int width = widthMbs * 16;
        int height = (2 - frameMbsOnly) * heightMapUnits * 16;
        int[] crop = window(bits);
        int chromaArrayType = separatePlanes ? 0 : chromaFormat;
        int cropX = chromaArrayType == 0 || chromaArrayType == 3 ? 1 : 2;
        int cropY = (chromaArrayType == 1 ? 2 : 1) * (2 - frameMbsOnly);
        return new int[] {width - cropX * (crop[0] + crop[1]), height - cropY * (crop[2] + crop[3])};
    }

    private static void skipScalingList(BitReader bits, int size) {
        int last = 8;
        int next = 8;
        for (int j = 0; j < size; j++) {
            if (next != 0) {
                next = (last + bits.se() + 256) % 256;
            }
            last = next == 0 ? last : next;
        }
    }

    private static int[] h265(BitReader bits) {
        bits.skip(4); // sps_video_parameter_set_id
        int maxSubLayersMinus1 = bits.u(3);
        bits.skip(1); // sps_temporal_id_nesting_flag
        bits.skip(88 + 8); // general profile, tier, compatibility and constraint flags; general_level_idc
        boolean[] profilePresent = new boolean[maxSubLayersMinus1];
        boolean[] levelPresent = new boolean[maxSubLayersMinus1];
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            profilePresent[i] = bits.u(1) == 1;
            levelPresent[i] = bits.u(1) == 1;
        }
        if (maxSubLayersMinus1 > 0) {
            bits.skip(2 * (8 - maxSubLayersMinus1));
        }
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            bits.skip((profilePresent[i] ? 88 : 0) + (levelPresent[i] ? 8 : 0));
        }
        bits.ue(); // sps_seq_parameter_set_id
        int chromaFormat = bits.ue();
        boolean separatePlanes = chromaFormat == 3 && bits.u(1) == 1;
        int width = bits.ue();
        int height = bits.ue();
        int[] crop = window(bits);
        int chromaArrayType = separatePlanes ? 0 : chromaFormat;
        int subWidth = chromaArrayType == 1 || chromaArrayType == 2 ? 2 : 1;
        int subHeight = chromaArrayType == 1 ? 2 : 1;
        return new int[] {width - subWidth * (crop[0] + crop[1]), height - subHeight * (crop[2] + crop[3])};
    }

    /** The cropping (conformance) window flag and offsets {left, right, top, bottom}, in chroma units. */
    private static int[] window(BitReader bits) {
        if (bits.u(1) == 0) {
            return new int[4];
        }
        return new int[] {bits.ue(), bits.ue(), bits.ue(), bits.ue()};
    }

    /** Reads an RBSP bit by bit, skipping emulation prevention bytes (00 00 03). */
    private static final class BitReader {
        private final byte[] data;
        private int bytePos;
        private int bitPos;
        private int zeros;

        BitReader(byte[] data, int headerBytes) {
            this.data = data;
            this.bytePos = headerBytes;
        }

        int u(int n) {
            int value = 0;
            for (int i = 0; i < n; i++) {
                value = (value << 1) | bit();
            }
            return value;
        }

        void skip(int n) {
            for (int i = 0; i < n; i++) {
                bit();
            }
        }

        int ue() {
            int leadingZeros = 0;
            while (bit() == 0) {
                if (++leadingZeros > 31) {
                    throw new IndexOutOfBoundsException("exp-Golomb code too long");
                }
            }
            return (int) ((1L << leadingZeros) - 1 + (leadingZeros == 0 ? 0 : u(leadingZeros) & 0xFFFFFFFFL));
        }

        int se() {
            int k = ue();
            return (k & 1) == 1 ? (k + 1) / 2 : -(k / 2);
        }

        private int bit() {
            if (bitPos == 0) {
                if (zeros >= 2 && data[bytePos] == 3) {
                    bytePos++;
                    zeros = 0;
                }
                zeros = data[bytePos] == 0 ? zeros + 1 : 0;
            }
            int bit = (data[bytePos] >> (7 - bitPos)) & 1;
            if (++bitPos == 8) {
                bitPos = 0;
                bytePos++;
            }
            return bit;
        }
    }
}
