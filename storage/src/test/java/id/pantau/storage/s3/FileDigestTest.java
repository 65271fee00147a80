package id.pantau.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local hashes must be computed exactly as S3 servers report them. */
class FileDigestTest {

    @TempDir
    Path dir;

    @Test
    void wholeFileHashesMatchTheJdkAlgorithms() throws Exception {
        byte[] content = TestFiles.randomBytes(11, 200_001);
        FileDigest digest = FileDigest.of(TestFiles.write(dir, "a.bin", content));

        assertThat(digest.sizeBytes()).isEqualTo(content.length);
        assertThat(digest.sha256Hex()).isEqualTo(TestFiles.sha256Hex(content));
        assertThat(digest.md5Hex()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content)));
        assertThat(digest.crc32cBase64()).isEqualTo(Base64.getEncoder().encodeToString(crc(content)));
        assertThat(digest.partCount()).isEqualTo(1);
    }

    @Test
    void multipartFormsCombinePerPartHashes() throws Exception {
        byte[] content = TestFiles.randomBytes(12, 250_000);
        int partSize = 100_000;
        FileDigest digest = FileDigest.of(TestFiles.write(dir, "b.bin", content), partSize);

        MessageDigest md5s = MessageDigest.getInstance("MD5");
        CRC32C crcs = new CRC32C();
        for (int start = 0; start < content.length; start += partSize) {
            byte[] part = Arrays.copyOfRange(content, start, Math.min(content.length, start + partSize));
            md5s.update(MessageDigest.getInstance("MD5").digest(part));
            crcs.update(crc(part));
        }
        assertThat(digest.partCount()).isEqualTo(3);
        assertThat(digest.multipartEtag()).isEqualTo(HexFormat.of().formatHex(md5s.digest()) + "-3");
        assertThat(digest.compositeCrc32c())
                .isEqualTo(Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crcs.getValue()).array()) + "-3");
    }

    @Test
    void exactMultipleOfPartSizeHasNoEmptyTrailingPart() throws IOException {
        FileDigest digest = FileDigest.of(TestFiles.write(dir, "c.bin", TestFiles.randomBytes(13, 300_000)), 100_000);

        assertThat(digest.partCount()).isEqualTo(3);
        assertThat(digest.multipartEtag()).endsWith("-3");
    }

    private static byte[] crc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
    }
}
