package id.pantau.web.storage;

import id.pantau.storage.s3.ObjectStore;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Health is DOWN while the object store does not answer: recording then only fills the spool. */
@Component
class ObjectStoreHealthIndicator implements HealthIndicator {
  private final ObjectStore store;

  ObjectStoreHealthIndicator(ObjectStore store) {
    this.store = store;
  }

  @Override
  public Health health() {
    Health.Builder b = store.reachable() ? Health.up() : Health.down();
    return b.withDetail("bucket", store.bucket()).build();
  }
}
