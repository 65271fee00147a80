/**
 * Fragmented MP4 (ISO BMFF) written in Java: init sections with avcC/hvcC decoder configurations built from the
 * stream's parameter sets, and moof+mdat fragments from access units. Shared by the recorder's segment writer and
 * live view, so that neither needs FFmpeg's muxer on the hot path.
 */
package id.pantau.recorder.mp4;
