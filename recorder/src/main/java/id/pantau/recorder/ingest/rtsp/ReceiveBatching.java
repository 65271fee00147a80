package id.pantau.recorder.ingest.rtsp;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.unix.IntegerUnixChannelOption;

/**
 * Lets the kernel hold a camera's interleaved RTP until about {@link #BATCH_MS} of it has arrived (SO_RCVLOWAT on
 * the RTSP connection), so the event loop wakes a few times a second per camera instead of for every frame or
 * two. Each wake-up costs a system call round and TCP acknowledgements; for 64 cameras this was two thirds of
 * the event loops' CPU. Batching stays off while someone watches the camera live (it would add up to the batch
 * to the delay) and for streams too thin to gain from it.
 *
 * <p>The low-water mark follows the bitrate, smoothed over ticks of {@link #TICK_MS}. A tick in which nothing
 * was read turns batching off at once, because the kernel may be holding what a camera that suddenly sends less
 * (or stops) sent last; the mark then climbs back as the bitrate allows. A closing connection always wakes the
 * loop. Event loop only.
 */
final class ReceiveBatching {

    static final long BATCH_MS = 250;
    static final long TICK_MS = 500;
    /** Below this a batch saves too few wake-ups to matter. */
    static final int MIN_BATCH_BYTES = 4 * 1024;
    static final int MAX_BATCH_BYTES = 64 * 1024;
    /** The kernel's default: wake for every byte. */
    static final int OFF = 1;
    /** Linux's SOL_SOCKET and SO_RCVLOWAT (asm-generic/socket.h): Netty's epoll transport names no option for it. */
    static final ChannelOption<Integer> SO_RCVLOWAT = new IntegerUnixChannelOption("SO_RCVLOWAT", 1, 18);

    private final Channel channel;
    private long bytesSinceTick;
    private long smoothedBytesPerSecond = -1;
    private int lowWaterBytes = OFF;

    private ReceiveBatching(Channel channel) {
        this.channel = channel;
    }

    /** Batching for a connection whose transport can do it (epoll), else null. */
    static ReceiveBatching forChannel(Channel channel) {
        return RtspTransport.of(channel) == RtspTransport.EPOLL ? new ReceiveBatching(channel) : null;
    }

    /**
     * The low-water mark for a stream: {@link #OFF} while batching is not allowed or the stream is thin, else the
     * bytes of {@link #BATCH_MS} of it, at most {@link #MAX_BATCH_BYTES}.
     */
    static int lowWaterBytes(long bytesPerSecond, boolean allowed) {
        long batch = bytesPerSecond * BATCH_MS / 1000;
        if (!allowed || batch < MIN_BATCH_BYTES) {
            return OFF;
        }
        return (int) Math.min(batch, MAX_BATCH_BYTES);
    }

    /** Whether a new mark differs enough from the one set to be worth a system call (a quarter, or on/off). */
    static boolean worthChanging(int current, int wanted) {
        if (current == wanted) {
            return false;
        }
        if (current == OFF || wanted == OFF) {
            return true;
        }
        return Math.abs(wanted - current) * 4L > current;
    }

    /** A moving average over about four ticks: one tick may catch one batch or three. */
    static long smooth(long previous, long sample) {
        return previous < 0 ? sample : previous + (sample - previous) / 4;
    }

    void received(int bytes) {
        bytesSinceTick += bytes;
    }

    /** Every {@link #TICK_MS}: measures the bitrate since the last tick and moves the mark. */
    void tick(boolean allowed) {
        long bytesPerSecond = bytesSinceTick * 1000 / TICK_MS;
        boolean nothingRead = bytesSinceTick == 0;
        bytesSinceTick = 0;
        smoothedBytesPerSecond = smooth(smoothedBytesPerSecond, bytesPerSecond);
        int wanted = nothingRead ? OFF : lowWaterBytes(smoothedBytesPerSecond, allowed);
        if (worthChanging(lowWaterBytes, wanted) && channel.isActive()) {
            channel.config().setOption(SO_RCVLOWAT, wanted);
            lowWaterBytes = wanted;
        }
    }

    int lowWaterBytes() {
        return lowWaterBytes;
    }
}
