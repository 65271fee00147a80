/**
 * Segment files in the local spool: the fragmented-MP4 writer, the fragment index and its compact text form, the
 * sidecar written before media, and {@link id.pantau.recorder.segment.SpoolRepair} for files a crash left behind.
 */
package id.pantau.recorder.segment;
