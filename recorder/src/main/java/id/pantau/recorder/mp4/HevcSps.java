package id.pantau.recorder.mp4;

/** The fields of an H.265 sequence parameter set that hvcC and the codec string repeat (ITU-T H.265 7.3.2.2). */
record HevcSps(int profileSpace, int tier, int profileIdc, long compatibilityFlags, long constraintFlags, int levelIdc,
               int maxSubLayersMinus1, boolean temporalIdNesting, int chromaFormatIdc, int width, int height,
               int bitDepthLumaMinus8, int bitDepthChromaMinus8) {

    static HevcSps parse(NalUnits.Nal sps) {
        RbspReader r = new RbspReader(sps.buffer(), sps.offset() + 2, sps.length() - 2);
        r.skip(4); // sps_video_parameter_set_id
        int maxSubLayersMinus1 = (int) r.bits(3);
        boolean nesting = r.flag();
        int profileSpace = (int) r.bits(2);
        int tier = (int) r.bits(1);
        int profileIdc = (int) r.bits(5);
        long compatibility = r.bits(32);
        long constraints = r.bits(48);
        int level = (int) r.bits(8);
        boolean[] profilePresent = new boolean[maxSubLayersMinus1];
        boolean[] levelPresent = new boolean[maxSubLayersMinus1];
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            profilePresent[i] = r.flag();
            levelPresent[i] = r.flag();
        }
        if (maxSubLayersMinus1 > 0) {
            r.skip(2 * (8 - maxSubLayersMinus1));
        }
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            if (profilePresent[i]) {
                r.skip(88);
            }
            if (levelPresent[i]) {
                r.skip(8);
            }
        }
        r.ue(); // sps_seq_parameter_set_id
        int chroma = r.ue();
        if (chroma == 3) {
            r.skip(1); // separate_colour_plane_flag
        }
        int width = r.ue();
        int height = r.ue();
        if (r.flag()) { // conformance window
            int sub = chroma == 1 || chroma == 2 ? 2 : 1;
            int subV = chroma == 1 ? 2 : 1;
            int left = r.ue();
            int right = r.ue();
            int top = r.ue();
            int bottom = r.ue();
            width -= sub * (left + right);
            height -= subV * (top + bottom);
        }
        int depthLuma = r.ue();
        int depthChroma = r.ue();
        return new HevcSps(profileSpace, tier, profileIdc, compatibility, constraints, level, maxSubLayersMinus1,
                nesting, chroma, width, height, depthLuma, depthChroma);
    }

    /** RFC 6381 / ISO/IEC 14496-15 Annex E codec string, e.g. {@code hvc1.1.6.L93.B0}. */
    String codecString() {
        StringBuilder s = new StringBuilder("hvc1.");
        if (profileSpace > 0) {
            s.append((char) ('A' + profileSpace - 1));
        }
        s.append(profileIdc).append('.');
        s.append(Long.toHexString(Long.reverse(compatibilityFlags) >>> 32).toUpperCase());
        s.append('.').append(tier == 0 ? 'L' : 'H').append(levelIdc);
        byte[] c = new byte[6];
        for (int i = 0; i < 6; i++) {
            c[i] = (byte) (constraintFlags >>> (40 - 8 * i));
        }
        int last = 5;
        while (last >= 0 && c[last] == 0) {
            last--;
        }
        for (int i = 0; i <= last; i++) {
            s.append('.').append(Integer.toHexString(c[i] & 0xFF).toUpperCase());
        }
        return s.toString();
    }
}
