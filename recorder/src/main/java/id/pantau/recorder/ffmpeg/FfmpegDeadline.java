package id.pantau.recorder.ffmpeg;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOInterruptCB;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * A deadline for blocking FFmpeg calls on one format context, enforced through FFmpeg's interrupt callback,
 * plus an abort switch another thread can flip. One callback instance serves all contexts (JavaCPP allows only
 * a few per class); the opaque pointer identifies the deadline.
 */
public final class FfmpegDeadline implements AutoCloseable {

    private static final Map<Long, FfmpegDeadline> LIVE = new ConcurrentHashMap<>();
    private static final Callback CALLBACK = new Callback();

    private final BytePointer opaque = new BytePointer(1);
    private volatile long deadlineNanos = Long.MAX_VALUE;
    private volatile boolean aborted;
    private volatile boolean expired;

    public FfmpegDeadline() {
        LIVE.put(opaque.address(), this);
    }

    /** Installs the interrupt callback on the context. */
    public void attach(AVFormatContext context) {
        AVIOInterruptCB cb = context.interrupt_callback();
        cb.callback(CALLBACK);
        cb.opaque(opaque);
    }

    /** The next blocking call must finish within this many milliseconds from now. */
    public void startMs(long timeoutMs) {
        expired = false;
        deadlineNanos = System.nanoTime() + timeoutMs * 1_000_000L;
    }

    public void abort() {
        aborted = true;
    }

    public boolean aborted() {
        return aborted;
    }

    /** Whether the last interrupted call was interrupted because its deadline passed. */
    public boolean expired() {
        return expired;
    }

    @Override
    public void close() {
        LIVE.remove(opaque.address());
        opaque.close();
    }

    private boolean shouldInterrupt() {
        if (aborted) {
            return true;
        }
        if (System.nanoTime() - deadlineNanos > 0) {
            expired = true;
            return true;
        }
        return false;
    }

    private static final class Callback extends AVIOInterruptCB.Callback_Pointer {
        @Override
        public int call(Pointer opaque) {
            FfmpegDeadline deadline = opaque == null ? null : LIVE.get(opaque.address());
            return deadline != null && deadline.shouldInterrupt() ? 1 : 0;
        }
    }
}
