package id.pantau.storage.s3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * Hashes of a local file, computed in one read, in the forms an S3 server reports them: the whole file's
 * SHA-256, MD5 (a single-part ETag) and CRC32C, and for a multipart upload with the given part size the
 * multipart ETag ({@code md5(part md5s)-N}) and composite CRC32C ({@code crc32c(part crc32cs)-N}).
 */
public record FileDigest(
        long sizeBytes,
        String sha256Hex,
        String md5Hex,
        String crc32cBase64,
        long partSizeBytes,
        int partCount,
        String multipartEtag,
        String compositeCrc32c) {

    private static final int BUFFER_BYTES = 64 * 1024;

    /** Digest with parts as large as the file (a single-part upload). */
    public static FileDigest of(Path file) throws IOException {
        return of(file, Long.MAX_VALUE);
    }

    public static FileDigest of(Path file, long partSizeBytes) throws IOException {
        MessageDigest sha256 = newDigest("SHA-256");
        Hashes whole = new Hashes();
        Hashes part = new Hashes();
        MessageDigest partMd5s = newDigest("MD5");
        CRC32C partCrcs = new CRC32C();
        int parts = 0;
        long size = 0;
        long inPart = 0;
        byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha256.update(buffer, 0, n);
                int offset = 0;
                while (offset < n) {
                    int take = (int) Math.min(n - offset, partSizeBytes - inPart);
                    whole.update(buffer, offset, take);
                    part.update(buffer, offset, take);
                    offset += take;
                    inPart += take;
                    if (inPart == partSizeBytes) {
                        part.finishInto(partMd5s, partCrcs);
                        parts++;
                        part = new Hashes();
                        inPart = 0;
                    }
                }
                size += n;
            }
        }
        if (inPart > 0 || parts == 0) {
            part.finishInto(partMd5s, partCrcs);
            parts++;
        }
        HexFormat hex = HexFormat.of();
        return new FileDigest(size, hex.formatHex(sha256.digest()), hex.formatHex(whole.md5.digest()),
                crcBase64(whole.crc32c), partSizeBytes, parts,
                hex.formatHex(partMd5s.digest()) + "-" + parts, crcBase64(partCrcs) + "-" + parts);
    }

    /** S3 transmits a CRC32C as the base64 of its four big-endian bytes. */
    private static String crcBase64(CRC32C crc) {
        return Base64.getEncoder().encodeToString(crcBytes(crc));
    }

    private static byte[] crcBytes(CRC32C crc) {
        return ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
    }

    private static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JRE lacks " + algorithm, e);
        }
    }

    /** MD5 and CRC32C of one span: the whole file or one part. */
    private static final class Hashes {
        final MessageDigest md5 = newDigest("MD5");
        final CRC32C crc32c = new CRC32C();

        void update(byte[] bytes, int offset, int length) {
            md5.update(bytes, offset, length);
            crc32c.update(bytes, offset, length);
        }

        void finishInto(MessageDigest partMd5s, CRC32C partCrcs) {
            partMd5s.update(md5.digest());
            partCrcs.update(crcBytes(crc32c));
        }
    }
}
