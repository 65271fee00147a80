-- Retention reads the index oldest first, page by page (keyset on start time, id)
create index segment_start on segment(start_wall_ms, id);
