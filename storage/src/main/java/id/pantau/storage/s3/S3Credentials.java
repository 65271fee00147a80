package id.pantau.storage.s3;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Properties;

/** An S3 access key and secret key; {@link #toString()} hides the secret. */
public record S3Credentials(String accessKey, String secretKey) {

    private static final String ACCESS_KEY = "accessKey";
    private static final String SECRET_KEY = "secretKey";
    private static final char[] ALPHANUMERIC =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    public S3Credentials {
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
    }

    /** Fresh random credentials: a 20-character access key and a 40-character secret, as AWS uses. */
    public static S3Credentials random(SecureRandom random) {
        return new S3Credentials(randomString(random, 20), randomString(random, 40));
    }

    /**
     * Reads credentials from a properties file, or generates random ones into it (owner read/write only)
     * the first time, so a restarted embedded store keeps the same keys.
     */
    public static S3Credentials loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            random(new SecureRandom()).writeOwnerOnlyIfAbsent(file);
            // read back: if another process won the race, its keys are the ones in the file
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create S3 credentials file " + file, e);
        }
    }

    private static S3Credentials read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        String access = properties.getProperty(ACCESS_KEY);
        String secret = properties.getProperty(SECRET_KEY);
        if (access == null || access.isBlank() || secret == null || secret.isBlank()) {
            throw new IOException("missing " + ACCESS_KEY + " or " + SECRET_KEY);
        }
        return new S3Credentials(access.trim(), secret.trim());
    }

    private void writeOwnerOnlyIfAbsent(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // write a private temp file and move it into place, so the secret is never world-readable, even briefly
        Path temp = Files.createTempFile(dir, ".s3-credentials", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Properties properties = new Properties();
            properties.setProperty(ACCESS_KEY, accessKey);
            properties.setProperty(SECRET_KEY, secretKey);
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                properties.store(writer, "Embedded S3 credentials, generated on first start");
            }
            try {
                // a hard link is an atomic create-if-absent, unlike a rename, which would replace the file
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException e) {
                // another process created it first; keep theirs
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String randomString(SecureRandom random, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHANUMERIC[random.nextInt(ALPHANUMERIC.length)];
        }
        return new String(chars);
    }

    @Override
    public String toString() {
        return "S3Credentials[accessKey=" + accessKey + ", secretKey=***]";
    }
}
