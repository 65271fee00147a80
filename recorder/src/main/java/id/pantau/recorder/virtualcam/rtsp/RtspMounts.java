package id.pantau.recorder.virtualcam.rtsp;

import java.util.concurrent.CompletionStage;

/**
 * Finds the mount a request names. May take its time (checking a password, waiting for a camera's first keyframe):
 * the handler answers when the stage completes. Completes with null for "no such mount" (404), or exceptionally
 * with an {@link RtspException} for any other refusal.
 */
@FunctionalInterface
public interface RtspMounts {

    CompletionStage<RtspMount> resolve(RtspRequestContext request);
}
