package id.pantau.web.live;

import id.pantau.recorder.live.FeedKey;
import id.pantau.recorder.live.LiveStream;
import id.pantau.storage.camera.Camera;

/** Which feed serves a request for a camera's stream: a camera without a sub stream shows its main one. */
final class LiveStreams {
  private LiveStreams() {}

  static FeedKey feedFor(Camera camera, LiveStream requested) {
    return requested == LiveStream.SUB && !camera.hasSubStream() ? FeedKey.main(camera.id())
        : new FeedKey(camera.id(), requested);
  }
}
