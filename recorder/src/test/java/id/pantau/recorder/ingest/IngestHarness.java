package id.pantau.recorder.ingest;

import id.pantau.recorder.segment.RunStartReason;
import id.pantau.recorder.segment.SegmentSink;
import id.pantau.recorder.segment.SpoolFiles;
import java.time.Clock;

/** Drives one connection's ingest to the end of the stream, on the calling thread. */
final class IngestHarness {

    private IngestHarness() {
    }

    /** Records everything the opener yields; returns the failure that ended the stream. */
    static IngestFailure recordToEnd(CameraConfig config, StreamOpener opener, SpoolFiles files, SegmentSink sink,
                                     Clock clock) throws IngestFailure {
        StatsMeter stats = new StatsMeter(clock);
        try (PacketSource source = opener.open(config)) {
            StreamIngest ingest = new StreamIngest(config, source, RunStartReason.FIRST, files, sink, clock,
                    stats, new TimestampBreaks(config.timestampBreaksLimit()), () -> { });
            AccessUnitAssembler assembler = new AccessUnitAssembler();
            try {
                while (true) {
                    MediaPacket au = assembler.push(source.read());
                    if (au != null) {
                        ingest.accept(au);
                    }
                }
            } catch (IngestFailure end) {
                if (end.kind() == IngestFailure.Kind.ENDED) {
                    MediaPacket last = assembler.drain();
                    if (last != null) {
                        ingest.accept(last);
                    }
                    ingest.finish();
                } else {
                    ingest.abandon();
                }
                return end;
            }
        }
    }
}
