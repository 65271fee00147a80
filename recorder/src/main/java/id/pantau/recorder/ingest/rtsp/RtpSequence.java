package id.pantau.recorder.ingest.rtsp;

/** Follows 16-bit RTP sequence numbers across wraps and says how many packets went missing before each one. */
final class RtpSequence {

    /** A packet this far behind the expected number is a late or repeated one; further back, the sender restarted. */
    static final int MAX_LATE = 100;
    static final int LATE = -1;

    private int expected = -1;

    /**
     * @return the number of packets missing just before this one (0 if it follows directly), or {@link #LATE} if
     *     it arrived after a later packet or twice and must be ignored
     */
    int accept(int sequence) {
        if (expected < 0) {
            expected = (sequence + 1) & 0xFFFF;
            return 0;
        }
        int ahead = (sequence - expected) & 0xFFFF;
        if (ahead >= 0x8000 && 0x10000 - ahead <= MAX_LATE) {
            return LATE;
        }
        expected = (sequence + 1) & 0xFFFF;
        // a jump backwards beyond reordering means the sender restarted its count: treat it as one loss
        return ahead >= 0x8000 ? 1 : ahead;
    }
}
