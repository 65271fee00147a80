package id.pantau.storage.testbed;

import id.pantau.storage.index.IndexDatabase;
import id.pantau.storage.index.SegmentIndex;
import id.pantau.storage.s3.EmbeddedS3;
import id.pantau.storage.s3.MinioObjectStore;
import java.nio.file.Path;

/** The embedded S3 endpoint with a "segments" bucket and an H2 index in one directory, for storage tests. */
public final class StorageTestbed implements AutoCloseable {
  public final EmbeddedS3 s3;
  public final MinioObjectStore store;
  public final IndexDatabase db;
  public final SegmentIndex index;

  public StorageTestbed(Path dir) {
    s3 = new EmbeddedS3(dir, 0).start();
    store = new MinioObjectStore(s3.settings("segments"));
    store.ensureBucket();
    db = IndexDatabase.openFile(dir);
    index = new SegmentIndex(db.dataSource());
  }

  @Override
  public void close() {
    store.close();
    db.close();
    s3.close();
  }
}
