package id.pantau.storage.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An S3 endpoint inside this JVM (S3Proxy over the local filesystem), for single-box installs and tests.
 * Objects live in {@code <dataDir>/s3/<bucket>/}; the keys are generated once into
 * {@code <dataDir>/s3-credentials.properties} (mode 600) and reused. Binds to 127.0.0.1 only.
 * Can be stopped and started again in the same JVM; a restart reuses the port first bound.
 */
public final class EmbeddedS3 implements AutoCloseable {

    /** S3Proxy accepts any region name; the one clients should sign with. */
    public static final String REGION = "us-east-1";
    static final String CREDENTIALS_FILE = "s3-credentials.properties";
    static final String OBJECTS_DIR = "s3";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedS3.class);
    private static final String HOST = "127.0.0.1";

    private final Path objectsDir;
    private final S3Credentials credentials;
    private int port;
    private S3Proxy proxy;

    /**
     * @param dataDir the data directory; created if missing
     * @param port TCP port on 127.0.0.1, or 0 to take a free one on first start and keep it for restarts
     */
    public EmbeddedS3(Path dataDir, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        this.port = port;
        this.objectsDir = dataDir.resolve(OBJECTS_DIR).toAbsolutePath();
        try {
            // the filesystem blob store refuses to start on a missing base directory
            Files.createDirectories(objectsDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + objectsDir, e);
        }
        this.credentials = S3Credentials.loadOrCreate(dataDir.resolve(CREDENTIALS_FILE));
    }

    /** Starts serving; a no-op when already running. */
    public synchronized EmbeddedS3 start() {
        if (proxy != null) {
            return this;
        }
        // a fresh S3Proxy (and Jetty server) per start: restarting a stopped Jetty instance is not supported
        S3Proxy candidate = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(objectsDir.toString()))
                .endpoint(URI.create("http://" + HOST + ":" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, credentials.accessKey(), credentials.secretKey())
                // no graceful phase: Jetty would otherwise wait ~2 s for clients' idle keep-alive connections,
                // and time out with an exception when given less; an upload cut off by a stop is retried anyway
                .stopTimeout(0)
                .build();
        try {
            candidate.start();
        } catch (Exception e) {
            stopQuietly(candidate);
            throw new IllegalStateException("embedded S3 could not listen on " + HOST + ":" + port, e);
        }
        port = candidate.getPort();
        proxy = candidate;
        log.info("embedded S3 listening on {} with objects in {}", endpoint(), objectsDir);
        return this;
    }

    /** Stops serving and frees the port; objects stay on disk. A no-op when not running. */
    public synchronized void stop() {
        if (proxy == null) {
            return;
        }
        S3Proxy running = proxy;
        proxy = null;
        try {
            running.stop();
        } catch (Exception e) {
            throw new IllegalStateException("embedded S3 on port " + port + " did not stop cleanly", e);
        }
        log.info("embedded S3 on port {} stopped", port);
    }

    public synchronized boolean running() {
        return proxy != null;
    }

    /** The port in use (or to be reused); 0 only before the first start with an ephemeral port. */
    public synchronized int port() {
        return port;
    }

    /** http://127.0.0.1:port */
    public synchronized URI endpoint() {
        return URI.create("http://" + HOST + ":" + port);
    }

    public String accessKey() {
        return credentials.accessKey();
    }

    public String secretKey() {
        return credentials.secretKey();
    }

    public S3Credentials credentials() {
        return credentials;
    }

    /** Directory holding one sub-directory per bucket. */
    public Path objectsDir() {
        return objectsDir;
    }

    /** Settings for a client of this endpoint writing to {@code bucket}. */
    public S3Settings settings(String bucket) {
        return new S3Settings(endpoint(), REGION, bucket, credentials);
    }

    @Override
    public void close() {
        stop();
    }

    private static void stopQuietly(S3Proxy candidate) {
        try {
            candidate.stop();
        } catch (Exception e) {
            log.debug("cleanup after failed start", e);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedS3[" + endpoint() + ", " + objectsDir + "]";
    }
}
