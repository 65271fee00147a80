package id.pantau.web.storage;

import id.pantau.storage.s3.EmbeddedS3;
import id.pantau.storage.s3.MinioObjectStore;
import id.pantau.storage.s3.ObjectStore;
import id.pantau.storage.s3.S3Credentials;
import id.pantau.storage.s3.S3Settings;
import id.pantau.web.VmsProperties;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Chooses the object store: the configured MinIO, or an embedded S3 endpoint in the data directory. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {
  private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

  @Bean(destroyMethod = "close")
  @Conditional(NoExternalS3.class)
  EmbeddedS3 embeddedS3(VmsProperties props) {
    EmbeddedS3 embedded = new EmbeddedS3(props.dataDir(), props.storage().embeddedS3().port());
    try {
      embedded.start();
    } catch (IllegalStateException e) {
      if (props.command() == null) {
        throw e;
      }
      // a command (e.g. check) beside a running system: use the endpoint that system serves
      log.info("embedded S3 port taken, presumably by the running system; connecting to {}", embedded.endpoint());
      return embedded;
    }
    log.info("embedded S3 endpoint at {} (credentials in {})", embedded.endpoint(), props.dataDir());
    return embedded;
  }

  @Bean
  ObjectStore objectStore(VmsProperties props, ObjectProvider<EmbeddedS3> embedded) {
    VmsProperties.S3 s3 = props.storage().s3();
    if (s3.partlyConfigured()) {
      throw new IllegalStateException("vms.storage.s3: endpoint, access-key, secret-key and bucket must all be set"
          + " to use an external S3/MinIO (or none of them for the embedded endpoint)");
    }
    EmbeddedS3 e = embedded.getIfAvailable();
    S3Settings settings = e != null
        ? e.settings(s3.bucket())
        : new S3Settings(URI.create(s3.endpoint()), s3.region(), s3.bucket(),
            new S3Credentials(s3.accessKey(), s3.secretKey()));
    MinioObjectStore store = new MinioObjectStore(settings);
    store.ensureBucket();
    log.info("object store: {}", settings);
    return store;
  }

  /** True unless an external endpoint is configured. */
  static class NoExternalS3 implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      Binder binder = Binder.get(context.getEnvironment());
      return binder.bind("vms.storage.s3.endpoint", String.class).map(String::isBlank).orElse(true);
    }
  }
}
