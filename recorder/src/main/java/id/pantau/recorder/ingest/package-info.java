/**
 * Camera ingest: one {@link id.pantau.recorder.ingest.CameraRecorder} per camera stream reads packets through
 * FFmpeg (no decoding), cuts them into runs and hands keyframe-aligned fragmented-MP4 segments to a
 * {@link id.pantau.recorder.segment.SegmentSink}. Failures show as a {@link id.pantau.recorder.ingest.CameraState};
 * figures as {@link id.pantau.recorder.ingest.StreamStats}.
 */
package id.pantau.recorder.ingest;
