package id.pantau.web.evidence.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Checks a Pantau evidence package offline, with nothing but a JDK (17+): the Ed25519 signature over
 * {@code manifest.json}, then every file the manifest lists against its SHA-256, and that nothing else was
 * added. It names each file that fails. Works on the package zip or an unpacked directory.
 *
 * <pre>
 * bin/verify PACKAGE.zip [--key=public-key.pem]                      (either of the two below)
 * java -jar pantau.jar --vms.command=verify-evidence PACKAGE.zip [--key=public-key.pem]
 * java EvidenceVerifier.java PACKAGE.zip [--key=public-key.pem]      (this one source file, no build)
 * </pre>
 * Without {@code --key} the key inside the package is used, which only proves the package is intact, not who
 * made it: compare the printed fingerprint with the one the server publishes, or give the server's key.
 * Exit code 0 when the package verifies, 1 when it does not, 2 on wrong usage.
 *
 * <p>Deliberately one file with only JDK imports, so it can be handed to a court or a defence expert as is.
 */
public final class EvidenceVerifier {

  public static final String MANIFEST = "manifest.json";
  public static final String SIGNATURE = "manifest.sig";
  public static final String PUBLIC_KEY = "public-key.pem";

  private EvidenceVerifier() {
  }

  /** One problem, naming the file it concerns. */
  public record Finding(String file, String problem) {
    @Override
    public String toString() {
      return file + ": " + problem;
    }
  }

  /**
   * The outcome. {@code manifest} is the parsed manifest when its signature holds (else empty);
   * {@code keyFingerprint} is the SHA-256 of the key the signature was checked with.
   */
  public record Report(List<Finding> findings, int filesChecked, String keyFingerprint, boolean keyPinned,
      Map<String, Object> manifest) {
    public boolean ok() {
      return findings.isEmpty();
    }

    public List<String> lines() {
      List<String> lines = new ArrayList<>();
      if (ok()) {
        lines.add("OK: " + filesChecked + " files match the signed manifest");
      } else {
        findings.forEach(f -> lines.add("FAILED " + f));
      }
      lines.add((keyPinned ? "signing key (as given): " : "signing key (from the package; compare it with"
          + " the server's published fingerprint): ") + (keyFingerprint == null ? "none" : keyFingerprint));
      return lines;
    }
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** The command line: returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Path pkg = null;
    Path keyFile = null;
    for (String a : args) {
      if (a.startsWith("--key=")) {
        keyFile = Path.of(a.substring("--key=".length()));
      } else if (!a.startsWith("--") && pkg == null) {
        pkg = Path.of(a);
      } else if (!a.startsWith("--vms.")) {
        err.println("unexpected argument: " + a);
        return usage(err);
      }
    }
    if (pkg == null) {
      return usage(err);
    }
    try {
      PublicKey pinned = keyFile == null ? null : readPublicKey(Files.readString(keyFile));
      Report report = verify(pkg, pinned);
      report.lines().forEach(out::println);
      return report.ok() ? 0 : 1;
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      err.println("cannot verify " + pkg + ": " + e.getMessage());
      return 1;
    }
  }

  private static int usage(PrintStream err) {
    err.println("usage: verify PACKAGE.zip|DIRECTORY [--key=public-key.pem]");
    return 2;
  }

  /** Verifies a package zip or directory; {@code pinnedKey} null means the key the package carries. */
  public static Report verify(Path pkg, PublicKey pinnedKey) throws IOException {
    Contents contents = Files.isDirectory(pkg) ? Contents.ofDirectory(pkg) : Contents.ofZip(pkg);
    List<Finding> findings = new ArrayList<>(contents.unreadable());
    byte[] manifestBytes = contents.small().get(MANIFEST);
    byte[] signature = contents.small().get(SIGNATURE);
    PublicKey key = pinnedKey;
    if (key == null && contents.small().containsKey(PUBLIC_KEY)) {
      try {
        key = readPublicKey(new String(contents.small().get(PUBLIC_KEY), StandardCharsets.US_ASCII));
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        findings.add(new Finding(PUBLIC_KEY, "not an Ed25519 public key"));
      }
    }
    String fingerprint = key == null ? null : fingerprint(key);
    if (manifestBytes == null) {
      findings.add(new Finding(MANIFEST, "missing"));
      return new Report(findings, 0, fingerprint, pinnedKey != null, Map.of());
    }
    if (signature == null) {
      findings.add(new Finding(SIGNATURE, "missing"));
    } else if (key == null) {
      findings.add(new Finding(PUBLIC_KEY, "missing, and no key was given"));
    } else if (!signatureHolds(key, manifestBytes, signature)) {
      findings.add(new Finding(MANIFEST, "signature invalid" + (pinnedKey != null
          && !samePackageKey(contents, pinnedKey) ? " (the package was signed with another key)" : "")));
    }
    boolean signed = findings.stream().noneMatch(f -> f.file().equals(MANIFEST) || f.file().equals(SIGNATURE)
        || f.file().equals(PUBLIC_KEY));
    Map<String, Object> manifest;
    try {
      manifest = asObject(Json.parse(new String(manifestBytes, StandardCharsets.UTF_8)));
    } catch (IllegalArgumentException e) {
      findings.add(new Finding(MANIFEST, "not valid JSON (" + e.getMessage() + ")"));
      return new Report(findings, 0, fingerprint, pinnedKey != null, Map.of());
    }
    int checked = checkFiles(manifest, contents, findings);
    return new Report(findings, checked, fingerprint, pinnedKey != null, signed ? manifest : Map.of());
  }

  private static int checkFiles(Map<String, Object> manifest, Contents contents, List<Finding> findings) {
    Object files = manifest.get("files");
    if (!(files instanceof List<?> list)) {
      findings.add(new Finding(MANIFEST, "has no list of files"));
      return 0;
    }
    Map<String, Boolean> listed = new LinkedHashMap<>();
    int checked = 0;
    for (Object o : list) {
      Map<String, Object> f = asObject(o);
      String name = String.valueOf(f.get("name"));
      listed.put(name, true);
      FileDigest actual = contents.digests().get(name);
      if (actual == null) {
        if (contents.unreadable().stream().noneMatch(u -> u.file().equals(name))) {
          findings.add(new Finding(name, "missing"));
        }
        continue;
      }
      checked++;
      if (!actual.sha256().equalsIgnoreCase(String.valueOf(f.get("sha256")))) {
        findings.add(new Finding(name, "SHA-256 mismatch (file " + actual.sha256() + ", manifest "
            + f.get("sha256") + ")"));
      } else if (f.get("bytes") instanceof Number n && n.longValue() != actual.bytes()) {
        findings.add(new Finding(name, "size " + actual.bytes() + " bytes, manifest says " + n));
      }
    }
    for (String name : contents.digests().keySet()) {
      if (!listed.containsKey(name) && !name.equals(MANIFEST) && !name.equals(SIGNATURE)
          && !name.equals(PUBLIC_KEY)) {
        findings.add(new Finding(name, "not listed in the manifest"));
      }
    }
    return checked;
  }

  private static boolean samePackageKey(Contents contents, PublicKey pinned) {
    byte[] pem = contents.small().get(PUBLIC_KEY);
    try {
      return pem != null && fingerprint(readPublicKey(new String(pem, StandardCharsets.US_ASCII)))
          .equals(fingerprint(pinned));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  static boolean signatureHolds(PublicKey key, byte[] manifest, byte[] signatureFile) {
    try {
      byte[] sig = Base64.getMimeDecoder().decode(new String(signatureFile, StandardCharsets.US_ASCII).strip());
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(manifest);
      return verifier.verify(sig);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  /** Parses a PEM "PUBLIC KEY" (X.509 SubjectPublicKeyInfo) holding an Ed25519 key. */
  public static PublicKey readPublicKey(String pem) throws GeneralSecurityException {
    String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
        .replaceAll("\\s", "");
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
        Base64.getDecoder().decode(base64)));
  }

  /** SHA-256 of the key's X.509 encoding, lower-case hex: what the server publishes next to its key. */
  public static String fingerprint(PublicKey key) {
    return HexFormat.of().formatHex(sha256().digest(key.getEncoded()));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asObject(Object o) {
    if (o instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw new IllegalArgumentException("expected a JSON object");
  }

  private record FileDigest(String sha256, long bytes) {
  }

  /**
   * Every file of the package hashed once; the three small control files also kept whole. Files that cannot
   * be read (a damaged zip entry) are findings.
   */
  private record Contents(Map<String, FileDigest> digests, Map<String, byte[]> small, List<Finding> unreadable) {

    private static final long SMALL_LIMIT = 16L * 1024 * 1024;

    static Contents ofZip(Path zip) throws IOException {
      Contents c = new Contents(new LinkedHashMap<>(), new LinkedHashMap<>(), new ArrayList<>());
      try (ZipFile file = new ZipFile(zip.toFile())) {
        Enumeration<? extends ZipEntry> entries = file.entries();
        while (entries.hasMoreElements()) {
          ZipEntry e = entries.nextElement();
          if (e.isDirectory()) {
            continue;
          }
          try (InputStream in = file.getInputStream(e)) {
            c.add(e.getName(), in);
          } catch (IOException damaged) {
            c.unreadable.add(new Finding(e.getName(), "damaged, cannot be read from the zip ("
                + damaged.getMessage() + ")"));
          }
        }
      }
      return c;
    }

    static Contents ofDirectory(Path dir) throws IOException {
      Contents c = new Contents(new LinkedHashMap<>(), new LinkedHashMap<>(), new ArrayList<>());
      List<Path> files;
      try (Stream<Path> walk = Files.walk(dir)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path p : files) {
        try (InputStream in = Files.newInputStream(p)) {
          c.add(dir.relativize(p).toString().replace('\\', '/'), in);
        }
      }
      return c;
    }

    private void add(String name, InputStream in) throws IOException {
      boolean control = name.equals(MANIFEST) || name.equals(SIGNATURE) || name.equals(PUBLIC_KEY);
      MessageDigest digest = sha256();
      byte[] buffer = new byte[1 << 16];
      java.io.ByteArrayOutputStream kept = control ? new java.io.ByteArrayOutputStream() : null;
      long total = 0;
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
        total += n;
        if (kept != null) {
          if (total > SMALL_LIMIT) {
            throw new IOException(name + " is larger than " + SMALL_LIMIT + " bytes");
          }
          kept.write(buffer, 0, n);
        }
      }
      digests.put(name, new FileDigest(HexFormat.of().formatHex(digest.digest()), total));
      if (kept != null) {
        small.put(name, kept.toByteArray());
      }
    }
  }

  /** Just enough JSON for the manifest: objects, arrays, strings, numbers, booleans and null. */
  static final class Json {
    private final String s;
    private int p;

    private Json(String s) {
      this.s = s;
    }

    static Object parse(String text) {
      Json j = new Json(text);
      Object v = j.value();
      j.space();
      if (j.p != text.length()) {
        throw new IllegalArgumentException("trailing characters at " + j.p);
      }
      return v;
    }

    private Object value() {
      space();
      if (p >= s.length()) {
        throw new IllegalArgumentException("unexpected end");
      }
      char c = s.charAt(p);
      switch (c) {
        case '{':
          return object();
        case '[':
          return array();
        case '"':
          return string();
        default:
          if (s.startsWith("true", p)) {
            p += 4;
            return Boolean.TRUE;
          }
          if (s.startsWith("false", p)) {
            p += 5;
            return Boolean.FALSE;
          }
          if (s.startsWith("null", p)) {
            p += 4;
            return null;
          }
          return number();
      }
    }

    private Map<String, Object> object() {
      Map<String, Object> m = new LinkedHashMap<>();
      p++;
      space();
      if (peek('}')) {
        p++;
        return m;
      }
      while (true) {
        space();
        String key = string();
        space();
        expect(':');
        m.put(key, value());
        space();
        if (peek(',')) {
          p++;
        } else {
          expect('}');
          return m;
        }
      }
    }

    private List<Object> array() {
      List<Object> list = new ArrayList<>();
      p++;
      space();
      if (peek(']')) {
        p++;
        return list;
      }
      while (true) {
        list.add(value());
        space();
        if (peek(',')) {
          p++;
        } else {
          expect(']');
          return list;
        }
      }
    }

    private String string() {
      expect('"');
      StringBuilder b = new StringBuilder();
      while (true) {
        if (p >= s.length()) {
          throw new IllegalArgumentException("unterminated string");
        }
        char c = s.charAt(p++);
        if (c == '"') {
          return b.toString();
        }
        if (c != '\\') {
          b.append(c);
          continue;
        }
        char e = s.charAt(p++);
        switch (e) {
          case 'n' -> b.append('\n');
          case 't' -> b.append('\t');
          case 'r' -> b.append('\r');
          case 'b' -> b.append('\b');
          case 'f' -> b.append('\f');
          case 'u' -> {
            b.append((char) Integer.parseInt(s.substring(p, p + 4), 16));
            p += 4;
          }
          default -> b.append(e);
        }
      }
    }

    private Number number() {
      int start = p;
      while (p < s.length() && "+-0123456789.eE".indexOf(s.charAt(p)) >= 0) {
        p++;
      }
      String t = s.substring(start, p);
      if (t.isEmpty()) {
        throw new IllegalArgumentException("unexpected character at " + start);
      }
      if (t.contains(".") || t.contains("e") || t.contains("E")) {
        return Double.parseDouble(t);
      }
      return Long.parseLong(t);
    }

    private void space() {
      while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
        p++;
      }
    }

    private boolean peek(char c) {
      return p < s.length() && s.charAt(p) == c;
    }

    private void expect(char c) {
      if (!peek(c)) {
        throw new IllegalArgumentException("expected '" + c + "' at " + p);
      }
      p++;
    }
  }
}
