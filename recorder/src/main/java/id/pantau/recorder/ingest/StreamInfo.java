package id.pantau.recorder.ingest;

import id.pantau.recorder.segment.VideoFormat;

/** What a camera announced for its video stream when the connection opened. */
public record StreamInfo(VideoFormat format, double frameRate) {
}
