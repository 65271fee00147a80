package id.pantau.recorder.virtualcam.rtp;

/** Receives the RTP payloads of one access unit in order. */
@FunctionalInterface
public interface PayloadSink {

    /**
     * One RTP payload: {@code header[0..headerLength)} followed by {@code data[offset..offset+length)}. The header
     * array is scratch space reused for the next payload; {@code marker} is set on the access unit's last payload.
     */
    void payload(byte[] header, int headerLength, byte[] data, int offset, int length, boolean marker);
}
