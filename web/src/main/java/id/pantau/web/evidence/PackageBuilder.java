package id.pantau.web.evidence;

import id.pantau.recorder.export.ExportBuilder;
import id.pantau.recorder.export.ExportResult;
import id.pantau.storage.camera.Camera;
import id.pantau.storage.camera.CameraRepository;
import id.pantau.web.evidence.verify.EvidenceVerifier;
import id.pantau.web.site.Site;
import id.pantau.web.site.SiteRepository;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds the package of an approved request in the work directory: one MP4 per camera (no transcoding), then a
 * zip with those MP4s, {@code manifest.json} (with each MP4's SHA-256, taken while it is zipped),
 * {@code manifest.sig} (Ed25519 over the manifest's exact bytes, base64) and {@code public-key.pem}. Video does
 * not compress, so entries are stored (deflate level 0) and the zip is read and written once.
 */
class PackageBuilder {
  /** Share of the progress bar for the exports; zipping takes the rest. */
  private static final int EXPORT_PERMILLE = 900;

  private final ExportBuilder exporter;
  private final EvidenceSigner signer;
  private final CameraRepository cameras;
  private final SiteRepository sites;
  private final EvidenceStore store;
  private final Clock clock;
  private final Path workDir;

  PackageBuilder(ExportBuilder exporter, EvidenceSigner signer, CameraRepository cameras, SiteRepository sites,
      EvidenceStore store, Clock clock, Path workDir) {
    this.exporter = exporter;
    this.signer = signer;
    this.cameras = cameras;
    this.sites = sites;
    this.store = store;
    this.clock = clock;
    this.workDir = workDir;
  }

  /** The built zip, its SHA-256 and size, and the manifest inside it. */
  record Built(Path zip, String sha256, long bytes, byte[] manifest) {}

  Built build(EvidenceRequest r, IntConsumer permille) throws IOException {
    Path dir = workDir.resolve("request-" + r.id());
    deleteRecursively(dir);
    Files.createDirectories(dir);
    List<Manifest.CameraEntry> entries = new ArrayList<>();
    int n = r.cameraIds().size();
    for (int i = 0; i < n; i++) {
      String cameraId = r.cameraIds().get(i);
      int index = i;
      ExportResult x = exporter.export(cameraId, r.fromMs(), r.toMs(), dir.resolve(cameraId + ".mp4"),
          (done, total) -> permille.accept((int) ((index + (double) done / Math.max(1, total)) / n * EXPORT_PERMILLE)));
      Camera camera = cameras.find(cameraId).orElse(null);
      Site site = camera == null || camera.siteId() == null ? null : sites.site(camera.siteId()).orElse(null);
      entries.add(new Manifest.CameraEntry(cameraId, camera == null ? cameraId : camera.name(), site, x,
          x.empty() ? null : cameraId + ".mp4", null, x.bytes()));
    }
    Path zip = workDir.resolve("request-" + r.id() + ".zip");
    MessageDigest zipDigest = sha256();
    byte[] manifest;
    try (OutputStream file = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(zip), 1 << 16),
        zipDigest); ZipOutputStream out = new ZipOutputStream(file)) {
      out.setLevel(Deflater.NO_COMPRESSION);
      List<Manifest.CameraEntry> hashed = new ArrayList<>();
      for (Manifest.CameraEntry e : entries) {
        hashed.add(e.fileName() == null ? e : new Manifest.CameraEntry(e.cameraId(), e.name(), e.site(), e.export(),
            e.fileName(), copy(dir.resolve(e.fileName()), e.fileName(), out), e.bytes()));
      }
      permille.accept(EXPORT_PERMILLE + 90);
      manifest = Manifest.json(r, hashed, signer.fingerprint(), store.protection(), clock.millis());
      put(out, EvidenceVerifier.MANIFEST, manifest);
      put(out, EvidenceVerifier.SIGNATURE, (Base64.getEncoder().encodeToString(signer.sign(manifest)) + "\n")
          .getBytes(StandardCharsets.US_ASCII));
      put(out, EvidenceVerifier.PUBLIC_KEY, signer.publicKeyPem().getBytes(StandardCharsets.US_ASCII));
    } finally {
      deleteRecursively(dir);
    }
    return new Built(zip, HexFormat.of().formatHex(zipDigest.digest()), Files.size(zip), manifest);
  }

  /** Zips one file; returns its SHA-256, computed from the bytes as they go in. */
  private static String copy(Path file, String name, ZipOutputStream out) throws IOException {
    MessageDigest digest = sha256();
    out.putNextEntry(new ZipEntry(name));
    byte[] buffer = new byte[1 << 20];
    try (InputStream in = Files.newInputStream(file)) {
      int read;
      while ((read = in.read(buffer)) > 0) {
        digest.update(buffer, 0, read);
        out.write(buffer, 0, read);
      }
    }
    out.closeEntry();
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void put(ZipOutputStream out, String name, byte[] content) throws IOException {
    out.putNextEntry(new ZipEntry(name));
    out.write(content);
    out.closeEntry();
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
