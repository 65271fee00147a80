package id.pantau.storage.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {
  @TempDir Path dir;

  @Test
  void roundTripsAndNeverStoresPlaintext() {
    SecretCipher cipher = SecretCipher.load(null, dir.resolve("secret.key"));
    String sealed = cipher.encrypt("kamera-rahasia");
    assertThat(sealed).startsWith("v1:").doesNotContain("kamera-rahasia");
    assertThat(cipher.encrypt("kamera-rahasia")).as("fresh IV each time").isNotEqualTo(sealed);
    assertThat(cipher.decrypt(sealed)).isEqualTo("kamera-rahasia");
  }

  @Test
  void keyFileIsCreatedOnceWithOwnerOnlyPermissionsAndReused() throws Exception {
    Path keyFile = dir.resolve("secret.key");
    String sealed = SecretCipher.load(null, keyFile).encrypt("x");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
    assertThat(SecretCipher.load(null, keyFile).decrypt(sealed)).isEqualTo("x");
  }

  @Test
  void tamperedOrForeignValuesAreRefused() {
    SecretCipher cipher = SecretCipher.load(null, dir.resolve("a.key"));
    SecretCipher other = SecretCipher.load(null, dir.resolve("b.key"));
    String sealed = cipher.encrypt("x");
    assertThatThrownBy(() -> other.decrypt(sealed)).hasMessageContaining("wrong key or tampered");
    char[] chars = sealed.toCharArray();
    chars[10] = chars[10] == 'A' ? 'B' : 'A';
    assertThatThrownBy(() -> cipher.decrypt(new String(chars))).hasMessageContaining("wrong key or tampered");
    assertThatThrownBy(() -> cipher.decrypt("plain")).hasMessageContaining("unknown format");
  }
}
