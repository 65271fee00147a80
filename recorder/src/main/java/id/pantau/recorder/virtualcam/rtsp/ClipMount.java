package id.pantau.recorder.virtualcam.rtsp;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/** A virtual camera's {@link Mount} as the request handler serves it: Digest guard, clip playback paced by a ticker. */
final class ClipMount implements RtspMount {

    private final Mount mount;
    private final PlaybackScheduler scheduler;

    private ClipMount(Mount mount, PlaybackScheduler scheduler) {
        this.mount = mount;
        this.scheduler = scheduler;
    }

    /** Resolves request paths to the registry's mounts, at once. */
    static RtspMounts resolver(MountRegistry mounts, PlaybackScheduler scheduler) {
        return request -> {
            Mount mount = mounts.get(request.path());
            if (mount == null) {
                return CompletableFuture.completedFuture(null);
            }
            mount.attach(request.connection());
            return CompletableFuture.completedFuture(new ClipMount(mount, scheduler));
        };
    }

    @Override
    public String path() {
        return mount.path();
    }

    @Override
    public void authorize(String method, String authorization, String nonce) {
        mount.authenticator().ifPresent(authenticator -> {
            if (!authenticator.verify(method, authorization, nonce)) {
                throw new RtspException(io.netty.handler.codec.rtsp.RtspResponseStatuses.UNAUTHORIZED,
                        "digest required", Map.of("WWW-Authenticate", authenticator.challenge(nonce)));
            }
        });
    }

    @Override
    public boolean refusing() {
        return mount.refusing();
    }

    @Override
    public MediaDescription description() {
        return MediaDescription.of(mount.clip());
    }

    @Override
    public RtspPlayer player(RtspSession session) {
        PlaybackSession playback = new PlaybackSession(session.id(), mount, session.connection(), session.sink(),
                ThreadLocalRandom.current().nextLong(0x1_0000_0000L));
        mount.addSession(playback);
        return new RtspPlayer() {
            @Override
            public void play() {
                scheduler.play(playback);
            }

            @Override
            public void stop() {
                scheduler.stop(playback);
                mount.removeSession(playback);
            }

            @Override
            public long nextTimestamp90k() {
                return playback.nextTimestamp90k();
            }
        };
    }
}
