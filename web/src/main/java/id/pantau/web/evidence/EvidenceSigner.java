package id.pantau.web.evidence;

import id.pantau.web.evidence.verify.EvidenceVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The server's Ed25519 key for signing evidence manifests. Generated on first use into the data directory: the
 * private key (PKCS#8 PEM, mode 600) and the public key (X.509 PEM) that {@code GET /api/evidence/public-key}
 * serves; its fingerprint is the SHA-256 of the public key's X.509 encoding.
 */
public class EvidenceSigner {
  static final String PRIVATE_KEY_FILE = "evidence-signing.key";
  static final String PUBLIC_KEY_FILE = "evidence-signing.pub";

  private final PrivateKey privateKey;
  private final PublicKey publicKey;

  EvidenceSigner(PrivateKey privateKey, PublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  /** Loads the key pair from {@code dir}, creating it first if there is none. */
  public static EvidenceSigner loadOrCreate(Path dir) {
    Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
    Path publicFile = dir.resolve(PUBLIC_KEY_FILE);
    try {
      if (!Files.exists(privateFile)) {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        OwnerOnlyFiles.writeIfAbsent(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
      }
      PrivateKey privateKey = readPrivateKey(Files.readString(privateFile, StandardCharsets.US_ASCII));
      PublicKey publicKey = publicKeyOf(privateKey);
      byte[] publicPem = pem("PUBLIC KEY", publicKey.getEncoded());
      if (!Files.exists(publicFile)) {
        Files.write(publicFile, publicPem);
      }
      return new EvidenceSigner(privateKey, publicKey);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the evidence signing key in " + dir, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("evidence signing key in " + privateFile + " is unusable: " + e.getMessage(),
          e);
    }
  }

  public byte[] sign(byte[] data) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(privateKey);
      s.update(data);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  public String publicKeyPem() {
    return new String(pem("PUBLIC KEY", publicKey.getEncoded()), StandardCharsets.US_ASCII);
  }

  /** SHA-256 of the public key's X.509 encoding, lower-case hex. */
  public String fingerprint() {
    return EvidenceVerifier.fingerprint(publicKey);
  }

  private static PrivateKey readPrivateKey(String pem) throws GeneralSecurityException {
    String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
        .replaceAll("\\s", "");
    return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(
        Base64.getDecoder().decode(base64)));
  }

  /**
   * The public half of an Ed25519 private key. Java's PKCS#8 encoding of an Ed25519 key does not carry the
   * public key, so the JDK's key pair generator is run again on the private key's seed (and the result checked).
   */
  private static PublicKey publicKeyOf(PrivateKey privateKey) throws GeneralSecurityException {
    byte[] encoded = privateKey.getEncoded();
    // PKCS#8 for Ed25519 (RFC 8410): a fixed 16-byte prefix, then the 32-byte seed
    byte[] seed = java.util.Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
    generator.initialize(255, new FixedSeed(seed));
    KeyPair pair = generator.generateKeyPair();
    if (!java.util.Arrays.equals(pair.getPrivate().getEncoded(), encoded)) {
      throw new GeneralSecurityException("cannot derive the public key of the evidence signing key");
    }
    return pair.getPublic();
  }

  /** A "random" source that hands out the given seed, to rebuild a key pair from its private key. */
  private static final class FixedSeed extends java.security.SecureRandom {
    private final byte[] seed;

    FixedSeed(byte[] seed) {
      this.seed = seed.clone();
    }

    @Override
    public void nextBytes(byte[] bytes) {
      System.arraycopy(seed, 0, bytes, 0, Math.min(bytes.length, seed.length));
    }
  }

  static byte[] pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n")
        .getBytes(StandardCharsets.US_ASCII);
  }
}
