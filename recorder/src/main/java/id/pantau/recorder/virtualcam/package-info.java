/**
 * Virtual cameras: an RTSP 1.0 server ({@link id.pantau.recorder.virtualcam.VirtualCameraServer}) that plays
 * pre-encoded H.264/H.265 Annex-B files in a loop, in real time, without re-encoding, plus the FFmpeg-generated
 * test media ({@link id.pantau.recorder.virtualcam.TestMedia}) and a standalone launcher
 * ({@link id.pantau.recorder.virtualcam.VirtualCameraMain}: mounts {@code cam{i}/main}, {@code cam{i}/sub},
 * {@code cam{i}/h265}, {@code cam{i}/motion}).
 *
 * <p>Every session starts at the clip's first frame (a keyframe) when it sends PLAY, so the motion clip's ground
 * truth ({@link id.pantau.recorder.virtualcam.TestMedia#MOTION_START_SECONDS} to
 * {@link id.pantau.recorder.virtualcam.TestMedia#MOTION_END_SECONDS}, repeating every
 * {@link id.pantau.recorder.virtualcam.TestMedia#DEFAULT_SECONDS} s) is relative to PLAY.
 */
package id.pantau.recorder.virtualcam;
