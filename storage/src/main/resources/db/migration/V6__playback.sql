-- Playback seeks by camera, stream and time: the segment at or before an instant (a backward scan) and the
-- segments of a window. With the stream in the index neither look-up filters rows it has already read.
create index segment_camera_stream_time on segment(camera_id, stream, start_wall_ms);
