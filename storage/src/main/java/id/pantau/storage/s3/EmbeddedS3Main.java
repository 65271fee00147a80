package id.pantau.storage.s3;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded S3 endpoint as a process of its own: {@code EmbeddedS3Main DATA_DIR PORT} (PORT 0 takes a
 * free one). Prints {@code READY <endpoint>} once listening; the keys are in
 * {@code DATA_DIR/s3-credentials.properties}, never printed. Stops on SIGTERM. Lets a benchmark measure the
 * recorder apart from its object store.
 */
public final class EmbeddedS3Main {

    private EmbeddedS3Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: EmbeddedS3Main DATA_DIR PORT");
            System.exit(2);
        }
        EmbeddedS3 s3 = new EmbeddedS3(Path.of(args[0]), Integer.parseInt(args[1])).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            s3.close();
            stopped.countDown();
        }, "embedded-s3-shutdown"));
        System.out.println("READY " + s3.endpoint());
        stopped.await();
    }
}
