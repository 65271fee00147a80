package id.pantau.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Embedded S3 keys are generated once, private to the owner, and reused. */
class S3CredentialsTest {

    @TempDir
    Path dataDir;

    @Test
    void generatedOnceIntoAPrivateFileAndReusedAfterwards() throws Exception {
        Path file = dataDir.resolve(EmbeddedS3.CREDENTIALS_FILE);
        assertThat(file).doesNotExist();

        S3Credentials first = S3Credentials.loadOrCreate(file);
        String written = Files.readString(file);
        S3Credentials second = S3Credentials.loadOrCreate(file);

        assertThat(first.accessKey()).hasSize(20).matches("[A-Za-z0-9]+");
        assertThat(first.secretKey()).hasSize(40).matches("[A-Za-z0-9]+");
        assertThat(second).isEqualTo(first);
        assertThat(Files.readString(file)).isEqualTo(written);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.list(dataDir)).containsExactly(file); // no temp file left behind
        assertThat(first.toString()).contains(first.accessKey()).doesNotContain(first.secretKey());
    }

    @Test
    void embeddedS3InstancesOnTheSameDataDirectoryShareKeys() {
        EmbeddedS3 one = new EmbeddedS3(dataDir, 0);
        EmbeddedS3 two = new EmbeddedS3(dataDir, 0);
        EmbeddedS3 elsewhere = new EmbeddedS3(dataDir.resolve("other"), 0);

        assertThat(two.accessKey()).isEqualTo(one.accessKey());
        assertThat(two.secretKey()).isEqualTo(one.secretKey());
        assertThat(elsewhere.secretKey()).isNotEqualTo(one.secretKey());
        assertThat(one.objectsDir()).isEqualTo(dataDir.resolve("s3").toAbsolutePath()).isDirectory();
        assertThat(one.toString()).doesNotContain(one.secretKey());
        assertThat(one.settings("segments").toString()).doesNotContain(one.secretKey());
    }
}
