package id.pantau.recorder.segment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.ffmpeg.avformat.Write_packet_Pointer_BytePointer_int;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * Routes FFmpeg's AVIO writes to Java. JavaCPP allows only a few live instances of a callback class, so there is
 * one instance and the opaque pointer says which writer the bytes belong to.
 */
final class AvioWriteBridge extends Write_packet_Pointer_BytePointer_int {

    /** Where the bytes go; an exception is remembered by the target and reported to FFmpeg as EIO. */
    interface Target {
        void write(ByteBuffer bytes) throws IOException;

        void failed(IOException error);
    }

    static final AvioWriteBridge INSTANCE = new AvioWriteBridge();
    private static final int AVERROR_EIO = -5;
    private static final Map<Long, Target> TARGETS = new ConcurrentHashMap<>();

    private AvioWriteBridge() {
    }

    static void register(Pointer opaque, Target target) {
        TARGETS.put(opaque.address(), target);
    }

    static void unregister(Pointer opaque) {
        TARGETS.remove(opaque.address());
    }

    @Override
    public int call(Pointer opaque, BytePointer buf, int size) {
        Target target = TARGETS.get(opaque.address());
        if (target == null) {
            return AVERROR_EIO;
        }
        try {
            target.write(buf.capacity(size).asBuffer());
            return size;
        } catch (IOException e) {
            target.failed(e);
            return AVERROR_EIO;
        } catch (RuntimeException e) {
            target.failed(new IOException(e));
            return AVERROR_EIO;
        }
    }
}
