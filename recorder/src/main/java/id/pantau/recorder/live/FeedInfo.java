package id.pantau.recorder.live;

/** A feed as operators and statistics see it. */
public record FeedInfo(FeedKey key, FeedSource source, FeedStatus status, int subscribers, long framesReceived) {
}
