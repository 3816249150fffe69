package org.feedbackharmonizer.deidentify;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisabledOnOs(OS.WINDOWS) // the permission checks are POSIX ones
class KeyFileTest {
    private static final String HEX_KEY = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    private static final Map<String, String> NO_ENV = Map.of();

    @TempDir
    Path dir;

    @Test
    void createsAMissingKeyFileWithOwnerOnlyPermissionsAndSaysSo() throws Exception {
        Path keyFile = dir.resolve("secrets/nested/harmonizer.key");

        SecretKeySource source = KeyFile.resolve(keyFile, NO_ENV);

        assertThat(source.created()).isTrue();
        assertThat(source.origin()).isEqualTo(SecretKeySource.Origin.NEW_KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                .isEqualTo("rw-------");
        assertThat(source.creationNotice())
                .hasValue("created a new pseudonymization key at " + keyFile
                        + "; back it up: without it referral keys cannot be reproduced");
        String content = Files.readString(keyFile, US_ASCII);
        assertThat(content).endsWith("\n");
        assertThat(Base64.getDecoder().decode(content.strip())).hasSize(32).isEqualTo(source.key());
    }

    @Test
    void createsParentDirectoriesOwnerOnly() throws Exception {
        Path keyFile = dir.resolve("new-dir/harmonizer.key");
        KeyFile.resolve(keyFile, NO_ENV);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile.getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void reusesTheKeyFileOnTheNextRun() throws Exception {
        Path keyFile = dir.resolve("harmonizer.key");
        SecretKeySource first = KeyFile.resolve(keyFile, NO_ENV);

        SecretKeySource second = KeyFile.resolve(keyFile, NO_ENV);

        assertThat(second.created()).isFalse();
        assertThat(second.creationNotice()).isEmpty();
        assertThat(second.origin()).isEqualTo(SecretKeySource.Origin.KEY_FILE);
        assertThat(second.key()).isEqualTo(first.key());
        assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
    }

    @Test
    void twoNewKeyFilesHoldDifferentKeys() throws Exception {
        byte[] a = KeyFile.resolve(dir.resolve("a.key"), NO_ENV).key();
        byte[] b = KeyFile.resolve(dir.resolve("b.key"), NO_ENV).key();
        assertThat(a).isNotEqualTo(b);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-r--r--", "rw-r-----", "rw--w----", "rw----r--", "rw-rw-rw-"})
    void refusesAKeyFileOpenToGroupOrOthers(String permissions) throws Exception {
        Path keyFile = keyFileWith(HEX_KEY + "\n", permissions);

        assertThatThrownBy(() -> KeyFile.resolve(keyFile, NO_ENV))
                .isInstanceOf(KeyProblem.class)
                .hasMessageContaining(keyFile.toString())
                .hasMessageContaining("chmod 600")
                .message()
                .doesNotContain(HEX_KEY.substring(0, 8));
    }

    @Test
    void acceptsAnOwnerOnlyFileInHex() throws Exception {
        Path keyFile = keyFileWith(HEX_KEY + "\n", "rw-------");
        SecretKeySource source = KeyFile.resolve(keyFile, NO_ENV);
        assertThat(source.key()).isEqualTo(HexFormat.of().parseHex(HEX_KEY));
        assertThat(source.pseudonymizer().referralKey("123456789")).isEqualTo("a2fb4a2e5d7a21b17d1213d493a97fff");
    }

    @Test
    void acceptsAReadOnlyOwnerFile() throws Exception {
        Path keyFile = keyFileWith(base64OfBytes(32), "r--------");
        assertThat(KeyFile.resolve(keyFile, NO_ENV).key()).hasSize(32);
    }

    @Test
    void refusesAShortKey() throws Exception {
        Path keyFile = keyFileWith(base64OfBytes(16) + "\n", "rw-------");

        assertThatThrownBy(() -> KeyFile.resolve(keyFile, NO_ENV))
                .isInstanceOf(KeyProblem.class)
                .hasMessageContaining(keyFile.toString())
                .hasMessageContaining("16-byte key, at least 32");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a key!!", "%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%", "\n", ""})
    void refusesGarbage(String content) throws Exception {
        Path keyFile = keyFileWith(content, "rw-------");

        assertThatThrownBy(() -> KeyFile.resolve(keyFile, NO_ENV))
                .isInstanceOf(KeyProblem.class)
                .hasMessageContaining(keyFile.toString())
                .hasMessageContaining("openssl rand")
                .satisfies(e -> {
                    if (!content.isBlank()) {
                        assertThat(e.getMessage()).doesNotContain(content.strip());
                    }
                    // Base64's own message would quote the bad character (e.g. "Illegal base64 character 25").
                    assertThat(e.getMessage()).doesNotContain("Illegal");
                    assertThat(e.getCause()).isNull();
                });
    }

    @Test
    void refusesAKeyFileThatCannotBeRead() throws Exception {
        Path keyFile = keyFileWith(base64OfBytes(32), "---------");
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(keyFile), "running as root");

        assertThatThrownBy(() -> KeyFile.resolve(keyFile, NO_ENV))
                .isInstanceOf(KeyProblem.class)
                .hasMessageContaining("cannot be read");
    }

    @Test
    void refusesADirectoryInPlaceOfTheKeyFile() throws Exception {
        Path notAFile = Files.createDirectory(dir.resolve("harmonizer.key"));
        assertThatThrownBy(() -> KeyFile.resolve(notAFile, NO_ENV))
                .isInstanceOf(KeyProblem.class)
                .hasMessageContaining("not a regular file");
    }

    @Test
    void environmentVariableWinsOverTheKeyFile() throws Exception {
        Path keyFile = dir.resolve("harmonizer.key");
        SecretKeySource fromFile = KeyFile.resolve(keyFile, NO_ENV);

        SecretKeySource fromEnv = KeyFile.resolve(keyFile, Map.of("HARMONIZER_KEY", HEX_KEY));

        assertThat(fromEnv.origin()).isEqualTo(SecretKeySource.Origin.ENVIRONMENT);
        assertThat(fromEnv.file()).isEmpty();
        assertThat(fromEnv.key()).isEqualTo(HexFormat.of().parseHex(HEX_KEY)).isNotEqualTo(fromFile.key());
    }

    @Test
    void environmentVariableMeansNoKeyFileIsCreated() throws Exception {
        Path keyFile = dir.resolve("harmonizer.key");
        KeyFile.resolve(keyFile, Map.of("HARMONIZER_KEY", base64OfBytes(32)));
        assertThat(keyFile).doesNotExist();
    }

    @Test
    void environmentVariableMayBeBase64() throws Exception {
        String base64 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(HEX_KEY));
        SecretKeySource source = KeyFile.resolve(dir.resolve("k"), Map.of("HARMONIZER_KEY", base64));
        assertThat(source.key()).isEqualTo(HexFormat.of().parseHex(HEX_KEY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "abcd", "c2hvcnQ="})
    void refusesAnEmptyOrShortEnvironmentVariableRatherThanFallingBackToTheFile(String value) {
        assertThatThrownBy(() -> KeyFile.resolve(dir.resolve("k"), Map.of("HARMONIZER_KEY", value)))
                .isInstanceOf(KeyProblem.class)
                .hasMessageStartingWith("environment variable HARMONIZER_KEY");
        assertThat(dir.resolve("k")).doesNotExist();
    }

    @Test
    void toStringNamesTheOriginAndFingerprintButNotTheKey() throws Exception {
        SecretKeySource source = KeyFile.resolve(dir.resolve("k"), Map.of("HARMONIZER_KEY", HEX_KEY));
        assertThat(source.toString())
                .contains("HARMONIZER_KEY", "2b11fe4d6dd58ec4")
                .doesNotContain("00010203")
                .doesNotContain(Base64.getEncoder().encodeToString(source.key()).substring(0, 8));
    }

    private Path keyFileWith(String content, String permissions) throws IOException {
        Path keyFile = dir.resolve("harmonizer.key");
        Files.writeString(keyFile, content, US_ASCII);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString(permissions));
        return keyFile;
    }

    private static String base64OfBytes(int n) {
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) (i * 7 + 3);
        }
        return Base64.getEncoder().encodeToString(bytes);
    }
}
