package org.wageguard.shared.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyFilesTests {

    private static final String ID = "430981198005121236";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(CipherAlgorithm.class)
    void aGeneratedKeyFileLoadsToTheSameKeysAfterARestart(CipherAlgorithm algorithm) throws IOException {
        Path file = dir.resolve("wageguard.keys");
        KeyFiles.KeyMaterial generated = KeyFiles.generate(file, algorithm);
        String token = generated.cipher().encrypt(ID);

        KeyFiles.KeyMaterial loaded = KeyFiles.load(file);

        assertThat(loaded.keyRing().current()).isEqualTo(generated.keyRing().current());
        assertThat(loaded.keyRing().current().algorithm()).isEqualTo(algorithm);
        assertThat(loaded.blindIndex().algorithm()).isEqualTo(algorithm.matchingIndex());
        assertThat(loaded.cipher().decrypt(token)).isEqualTo(ID);
        assertThat(loaded.blindIndex().hash(ID)).isEqualTo(generated.blindIndex().hash(ID));
    }

    @Test
    void theFileIsReadableByItsOwnerOnly() throws IOException {
        Path file = dir.resolve("wageguard.keys");
        Assumptions.assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"));

        KeyFiles.generate(file);

        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(KeyFiles.isOwnerOnly(file)).isTrue();
        Files.setPosixFilePermissions(file, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ));
        assertThat(KeyFiles.isOwnerOnly(file)).isFalse();
    }

    @Test
    void theFileHoldsNamedPropertiesAndNoPlaintextSecretsElsewhere() throws IOException {
        Path file = dir.resolve("wageguard.keys");
        KeyFiles.KeyMaterial material = KeyFiles.generate(file);
        String id = material.keyRing().current().id();

        assertThat(Files.readAllLines(file)).contains("format=wageguard-keys-1", "cipher.current=" + id,
                "cipher.key." + id + ".algorithm=AES_GCM", "index.algorithm=HMAC_SHA256")
                .anyMatch(line -> line.matches("cipher\\.key\\." + id + "\\.material=[A-Za-z0-9+/]{43}="))
                .anyMatch(line -> line.matches("index\\.key=[A-Za-z0-9+/]{43}="));
        assertThat(id).matches("k\\d{8}-[0-9a-f]{4}");
    }

    @Test
    void anExistingKeyFileIsNeverOverwritten() throws IOException {
        Path file = dir.resolve("wageguard.keys");
        KeyFiles.generate(file);
        String before = Files.readString(file);

        assertThatThrownBy(() -> KeyFiles.generate(file)).isInstanceOf(IOException.class);
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void rotatingTheFileToSm4KeepsOldKeysTheIndexKeyAndOwnerOnlyPermissions() throws IOException {
        Path file = dir.resolve("wageguard.keys");
        KeyFiles.KeyMaterial first = KeyFiles.generate(file);
        String oldToken = first.cipher().encrypt(ID);

        KeyFiles.KeyMaterial rotated = KeyFiles.rotate(file, CipherAlgorithm.SM4_GCM);
        KeyFiles.KeyMaterial reloaded = KeyFiles.load(file);

        assertThat(reloaded.keyRing().current()).isEqualTo(rotated.keyRing().current());
        assertThat(reloaded.keyRing().current().algorithm()).isEqualTo(CipherAlgorithm.SM4_GCM);
        assertThat(reloaded.cipher().encrypt(ID)).startsWith("v1:SM4_GCM:");
        assertThat(reloaded.cipher().decrypt(oldToken)).isEqualTo(ID);
        assertThat(reloaded.blindIndex().hash(ID)).isEqualTo(first.blindIndex().hash(ID));
        assertThat(KeyFiles.isOwnerOnly(file)).isTrue();
        assertThat(dir.resolve("wageguard.keys.new")).doesNotExist();
    }

    @Test
    void aKeyFileMissingAPropertyOrWithABrokenKeyIsRefusedWithoutShowingTheKey() throws IOException {
        Path file = dir.resolve("wageguard.keys");
        KeyFiles.generate(file);
        String text = Files.readString(file);

        Files.writeString(file, text.replaceAll("(?m)^index\\.key=.*$", ""));
        assertThatThrownBy(() -> KeyFiles.load(file)).isInstanceOf(FieldCryptoException.class)
                .hasMessageContaining("lacks index.key");

        Files.writeString(file, text.replaceAll("(?m)^(cipher\\.key\\..*\\.material=).*$", "$1not*base64"));
        assertThatThrownBy(() -> KeyFiles.load(file)).isInstanceOf(FieldCryptoException.class)
                .hasMessageContaining("is not base64").hasMessageNotContaining("not*base64");

        Files.writeString(file, text.replace("format=wageguard-keys-1", "format=other"));
        assertThatThrownBy(() -> KeyFiles.load(file)).isInstanceOf(FieldCryptoException.class)
                .hasMessageContaining("not in format");
    }
}
