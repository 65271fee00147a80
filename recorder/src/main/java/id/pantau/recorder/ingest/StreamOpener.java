package id.pantau.recorder.ingest;

/** Opens camera streams; an interface so tests can inject faulty streams. */
public interface StreamOpener {

    PacketSource open(CameraConfig camera) throws IngestFailure;
}
