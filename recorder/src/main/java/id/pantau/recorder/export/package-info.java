/**
 * Exports: a camera's recorded segments over a wall-time range remuxed, without transcoding, into one progressive
 * MP4 with the movie box first (faststart), read straight from the object store and checked against the index.
 */
package id.pantau.recorder.export;
