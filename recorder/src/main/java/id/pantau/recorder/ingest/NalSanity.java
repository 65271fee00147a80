package id.pantau.recorder.ingest;

import id.pantau.recorder.mp4.NalUnits;

/**
 * A cheap plausibility check of an access unit without decoding it: it must start with an Annex-B start code
 * (or a length prefix that fits) and a NAL header whose forbidden bit is clear. Random bytes fail this almost
 * always; a camera that sends many such units in a row is sending garbage.
 */
final class NalSanity {

    private NalSanity() {
    }

    static boolean plausible(byte[] au) {
        if (au.length < 5) {
            return false;
        }
        int header;
        if (au[0] == 0 && au[1] == 0 && au[2] == 1) {
            header = 3;
        } else if (au[0] == 0 && au[1] == 0 && au[2] == 0 && au[3] == 1) {
            header = 4;
        } else {
            long length = ((au[0] & 0xFFL) << 24) | ((au[1] & 0xFF) << 16) | ((au[2] & 0xFF) << 8) | (au[3] & 0xFF);
            if (length == 0 || length > au.length - 4) {
                return false;
            }
            header = 4;
        }
        return header < au.length && (au[header] & 0x80) == 0;
    }

    /**
     * True if the access unit holds the first slice of its picture. A connection can begin in the middle of a
     * multi-slice keyframe; a run must not start with such a fragment of a picture.
     */
    static boolean startsPicture(id.pantau.recorder.segment.VideoCodec codec, byte[] au) {
        boolean annexB = au.length > 4 && au[0] == 0 && au[1] == 0 && (au[2] == 1 || (au[2] == 0 && au[3] == 1));
        int p = 0;
        while (p < au.length) {
            int nal;
            int end;
            if (annexB) {
                int sc = NalUnits.nextStartCode(au, p);
                if (sc < 0) {
                    return false;
                }
                nal = sc + (au[sc + 2] == 1 ? 3 : 4);
                int next = NalUnits.nextStartCode(au, nal);
                end = next < 0 ? au.length : next;
            } else {
                if (p + 4 > au.length) {
                    return false;
                }
                int length = ((au[p] & 0xFF) << 24) | ((au[p + 1] & 0xFF) << 16) | ((au[p + 2] & 0xFF) << 8)
                        | (au[p + 3] & 0xFF);
                nal = p + 4;
                end = nal + length;
                if (length <= 0 || end > au.length) {
                    return false;
                }
            }
            if (codec == id.pantau.recorder.segment.VideoCodec.H264) {
                int type = au[nal] & 0x1F;
                if (type >= 1 && type <= 5) {
                    // first_mb_in_slice is ue(v); the one-bit code "1" means 0
                    return nal + 1 < end && (au[nal + 1] & 0x80) != 0;
                }
            } else {
                int type = (au[nal] >> 1) & 0x3F;
                if (type <= 31) {
                    return nal + 2 < end && (au[nal + 2] & 0x80) != 0;
                }
            }
            p = end;
        }
        return false;
    }
}
