package id.pantau.recorder.export;

import java.io.IOException;

/** A segment object read for an export is not what the index recorded (size or SHA-256): the export stops. */
public class SourceMismatchException extends IOException {

    public SourceMismatchException(String message) {
        super(message);
    }
}
