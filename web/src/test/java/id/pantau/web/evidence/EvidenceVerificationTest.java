package id.pantau.web.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import id.pantau.web.evidence.EvidenceRequest.Status;
import id.pantau.web.evidence.verify.EvidenceVerifier;
import id.pantau.web.user.User;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Two real packages of one recording (different ranges), downloaded by their requester, then checked the ways a
 * court would: the original verifies; one byte changed anywhere fails and names the file; a manifest (and its
 * signature) swapped in from the other package fails; a package signed by another key fails against this
 * server's key. Also through the offline command (a JVM with nothing but the verifier class) and the verify page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceVerificationTest extends EvidenceTestSupport {
  @Autowired EvidenceSigner signer;

  String camera;
  String mp4;
  User investigator;
  Path original;
  Path other;

  @BeforeAll
  void twoPackages() throws Exception {
    camera = unique("cam-parkir");
    mp4 = camera + ".mp4";
    createCamera(camera, null);
    long start = minutesAgo(8);
    record(camera, start, 12);
    investigator = investigator(camera);
    User supervisor = supervisor(camera);
    original = downloadedPackage(supervisor, start + 1_000, start + 7_000);
    other = downloadedPackage(supervisor, start + 4_000, start + 11_000);
  }

  private Path downloadedPackage(User supervisor, long fromMs, long toMs) throws Exception {
    long id = filed(investigator, camera, fromMs, toMs);
    assertThat(decide(supervisor, id, true, "untuk pemeriksaan").getStatus()).isEqualTo(200);
    await(id, Status.READY);
    String url = json(link(investigator, id)).get("url").asText();
    return Files.write(dataDir.resolve("verify-" + id + ".zip"), download(investigator, url).getContentAsByteArray());
  }

  @Test
  void theOriginalVerifiesAgainstTheServersKey() throws Exception {
    EvidenceVerifier.Report report = EvidenceVerifier.verify(original, signer.publicKey());
    assertThat(report.findings()).isEmpty();
    assertThat(report.filesChecked()).isEqualTo(1);
    assertThat(report.keyFingerprint()).isEqualTo(signer.fingerprint());
    assertThat(report.manifest().get("requester")).isEqualTo(investigator.username());
  }

  @Test
  void oneChangedByteInTheVideoFailsAndNamesIt() throws Exception {
    byte[] zip = Files.readAllBytes(original);
    long videoOffset = entryDataOffset(original, mp4);
    zip[(int) videoOffset + 5_000] ^= 0x01;
    Path changed = Files.write(dataDir.resolve("one-byte-video.zip"), zip);

    EvidenceVerifier.Report report = EvidenceVerifier.verify(changed, signer.publicKey());
    assertThat(report.ok()).isFalse();
    assertThat(report.findings()).extracting(EvidenceVerifier.Finding::file).containsExactly(mp4);
    assertThat(report.findings().get(0).problem()).contains("SHA-256 mismatch");
  }

  @Test
  void oneChangedByteInTheManifestBreaksTheSignature() throws Exception {
    Path changed = rewrite(original, Map.of(EvidenceVerifier.MANIFEST, flipLastDigit(
        read(original, EvidenceVerifier.MANIFEST))), "one-byte-manifest.zip");

    EvidenceVerifier.Report report = EvidenceVerifier.verify(changed, signer.publicKey());
    assertThat(report.findings()).extracting(EvidenceVerifier.Finding::file).contains(EvidenceVerifier.MANIFEST);
    assertThat(report.findings().get(0).problem()).contains("signature invalid");
    assertThat(report.manifest()).as("nothing of an unsigned manifest is trusted").isEmpty();
  }

  @Test
  void aManifestSwappedInFromAnotherPackageFailsOnTheVideo() throws Exception {
    // both files of the other package: its manifest is genuinely signed, but describes another video
    Map<String, byte[]> swap = new LinkedHashMap<>();
    swap.put(EvidenceVerifier.MANIFEST, read(other, EvidenceVerifier.MANIFEST));
    swap.put(EvidenceVerifier.SIGNATURE, read(other, EvidenceVerifier.SIGNATURE));
    Path swapped = rewrite(original, swap, "swapped-manifest.zip");

    EvidenceVerifier.Report report = EvidenceVerifier.verify(swapped, signer.publicKey());
    assertThat(report.ok()).isFalse();
    assertThat(report.findings()).extracting(EvidenceVerifier.Finding::file).containsExactly(mp4);

    Path manifestOnly = rewrite(original, Map.of(EvidenceVerifier.MANIFEST, read(other, EvidenceVerifier.MANIFEST)),
        "swapped-manifest-only.zip");
    assertThat(EvidenceVerifier.verify(manifestOnly, signer.publicKey()).findings())
        .extracting(EvidenceVerifier.Finding::file).contains(EvidenceVerifier.MANIFEST);
  }

  @Test
  void aPackageResignedWithAnotherKeyFailsAgainstTheServersKey() throws Exception {
    var forger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] manifest = read(original, EvidenceVerifier.MANIFEST);
    java.security.Signature s = java.security.Signature.getInstance("Ed25519");
    s.initSign(forger.getPrivate());
    s.update(manifest);
    Map<String, byte[]> resigned = new LinkedHashMap<>();
    resigned.put(EvidenceVerifier.SIGNATURE, (java.util.Base64.getEncoder().encodeToString(s.sign()) + "\n")
        .getBytes(StandardCharsets.US_ASCII));
    resigned.put(EvidenceVerifier.PUBLIC_KEY, EvidenceSigner.pem("PUBLIC KEY", forger.getPublic().getEncoded()));
    Path forged = rewrite(original, resigned, "resigned.zip");

    assertThat(EvidenceVerifier.verify(forged, null).ok()).as("intact, with the key it carries").isTrue();
    EvidenceVerifier.Report pinned = EvidenceVerifier.verify(forged, signer.publicKey());
    assertThat(pinned.findings()).extracting(EvidenceVerifier.Finding::problem)
        .containsExactly("signature invalid (the package was signed with another key)");
  }

  @Test
  void theOfflineCommandNeedsNothingButAJdk() throws Exception {
    Path key = Files.writeString(dataDir.resolve("server-public-key.pem"), signer.publicKeyPem());
    byte[] zip = Files.readAllBytes(original);
    zip[(int) entryDataOffset(original, mp4) + 100] ^= (byte) 0x80;
    Path changed = Files.write(dataDir.resolve("offline-changed.zip"), zip);

    Offline ok = offline(original.toString(), "--key=" + key);
    assertThat(ok.exitCode()).as(ok.output()).isZero();
    assertThat(ok.output()).contains("OK: 1 files match the signed manifest", signer.fingerprint());
    Offline failed = offline(changed.toString(), "--key=" + key);
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.output()).contains("FAILED " + mp4 + ": SHA-256 mismatch");
    assertThat(offline().exitCode()).as("usage").isEqualTo(2);
  }

  @Test
  void theVerifyPageSaysWhichFileFailed() throws Exception {
    byte[] zip = Files.readAllBytes(original);
    zip[(int) entryDataOffset(original, mp4) + 2_000] ^= 0x10;

    String good = verifyPage(Files.readAllBytes(original), "asli.zip");
    assertThat(good).contains("id=\"verify-result\"", "alert-success", "all 1 files match");
    String bad = verifyPage(zip, "diubah.zip");
    assertThat(bad).contains("alert-danger", "Verification FAILED", mp4, "SHA-256 mismatch");
  }

  private String verifyPage(byte[] zip, String name) throws Exception {
    return mvc.perform(multipart("/evidence/verify").file(new MockMultipartFile("package", name, "application/zip",
        zip)).with(as(investigator)).with(csrf())).andReturn().getResponse().getContentAsString();
  }

  record Offline(int exitCode, String output) {}

  /** The verifier in a JVM of its own, its class path holding the compiled verifier alone. */
  private Offline offline(String... args) throws Exception {
    Path classes = Files.createTempDirectory(dataDir, "verifier-only");
    Path dir = classes.resolve("id/pantau/web/evidence/verify");
    Files.createDirectories(dir);
    Path compiled = Path.of("target/classes/id/pantau/web/evidence/verify");
    try (var files = Files.list(compiled)) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classes.toString(),
        EvidenceVerifier.class.getName()));
    command.addAll(java.util.List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Offline(p.exitValue(), out);
  }

  /** Where an entry's bytes start in the zip file: after its local header (30 bytes, name, extra). */
  private static long entryDataOffset(Path zip, String name) throws Exception {
    byte[] all = Files.readAllBytes(zip);
    byte[] header = name.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i + 30 + header.length < all.length; i++) {
      if (all[i] == 'P' && all[i + 1] == 'K' && all[i + 2] == 3 && all[i + 3] == 4) {
        int nameLength = u16(all, i + 26);
        int extraLength = u16(all, i + 28);
        if (nameLength == header.length && java.util.Arrays.equals(all, i + 30, i + 30 + nameLength, header, 0,
            header.length)) {
          return i + 30 + nameLength + extraLength;
        }
      }
    }
    throw new AssertionError(name + " not in " + zip);
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
  }

  private static byte[] read(Path zip, String entry) throws Exception {
    try (ZipFile z = new ZipFile(zip.toFile()); InputStream in = z.getInputStream(z.getEntry(entry))) {
      return in.readAllBytes();
    }
  }

  /** The package with some entries replaced, others copied as they are. */
  private Path rewrite(Path zip, Map<String, byte[]> replaced, String name) throws Exception {
    Path out = dataDir.resolve(name);
    try (ZipFile in = new ZipFile(zip.toFile()); OutputStream file = Files.newOutputStream(out);
        ZipOutputStream z = new ZipOutputStream(file)) {
      for (ZipEntry e : java.util.Collections.list(in.entries())) {
        z.putNextEntry(new ZipEntry(e.getName()));
        if (replaced.containsKey(e.getName())) {
          z.write(replaced.get(e.getName()));
        } else {
          try (InputStream content = in.getInputStream(e)) {
            content.transferTo(z);
          }
        }
        z.closeEntry();
      }
    }
    return out;
  }

  /** The manifest with one digit of its last SHA-256 changed: still valid JSON, one byte different. */
  private static byte[] flipLastDigit(byte[] manifest) {
    byte[] b = manifest.clone();
    String text = new String(b, StandardCharsets.UTF_8);
    int at = text.lastIndexOf("\"sha256\" : \"") + "\"sha256\" : \"".length();
    if (at < "\"sha256\" : \"".length()) {
      throw new AssertionError("no sha256 in the manifest: " + text);
    }
    b[at] = (byte) (b[at] == 'a' ? 'b' : 'a');
    return b;
  }
}
