package org.feedbackharmonizer.deidentify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PseudonymizerTest {
    // 32 bytes 0x00..0x1f.
    private static final byte[] KEY =
            HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final byte[] OTHER_KEY =
            HexFormat.of().parseHex("1f1e1d1c1b1a191817161514131211100f0e0d0c0b0a09080706050403020100");

    @Test
    void referralKeyIsTheFirst128BitsOfHmacSha256OverTheDigits() {
        // Computed outside Java:
        //   printf '123456789' | openssl dgst -sha256 -mac HMAC \
        //     -macopt hexkey:000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f
        //   = a2fb4a2e5d7a21b17d1213d493a97fffd9c65f4f57dcd304c0b8bc58d310027f
        assertThat(new Pseudonymizer(KEY).referralKey("123456789")).isEqualTo("a2fb4a2e5d7a21b17d1213d493a97fff");
    }

    @Test
    void anotherKeyGivesAnotherReferralKey() {
        // openssl as above with hexkey:1f1e...0100 = 9407aac69432808b2cc38e1eda9bf7c5...
        assertThat(new Pseudonymizer(OTHER_KEY).referralKey("123456789"))
                .isEqualTo("9407aac69432808b2cc38e1eda9bf7c5")
                .isNotEqualTo(new Pseudonymizer(KEY).referralKey("123456789"));
    }

    @Test
    void sameKeyGivesTheSameReferralKeyInEveryInstanceAndCall() {
        Pseudonymizer first = new Pseudonymizer(KEY);
        Pseudonymizer second = new Pseudonymizer(KEY.clone());
        assertThat(first.referralKey("98765432")).isEqualTo(first.referralKey("98765432"));
        assertThat(first.referralKey("98765432")).isEqualTo(second.referralKey("98765432"));
        assertThat(first.referralKey("98765432")).isNotEqualTo(first.referralKey("98765433"));
    }

    @Test
    void referralKeyIs32LowercaseHex() {
        assertThat(new Pseudonymizer(KEY).referralKey("1")).matches("[0-9a-f]{32}");
    }

    @Test
    void givesTheSameKeysFromManyThreads() {
        Pseudonymizer pseudonymizer = new Pseudonymizer(KEY);
        List<String> sequential = IntStream.range(1, 20_001)
                .mapToObj(i -> pseudonymizer.referralKey(Integer.toString(i)))
                .toList();
        List<String> parallel = IntStream.range(1, 20_001)
                .parallel()
                .mapToObj(i -> pseudonymizer.referralKey(Integer.toString(i)))
                .toList();
        assertThat(parallel).isEqualTo(sequential);
        Set<String> distinct = ConcurrentHashMap.newKeySet();
        distinct.addAll(parallel);
        assertThat(distinct).hasSize(20_000);
    }

    @Test
    void fingerprintIsTheFirst16HexOfALabelledSha256OfTheKey() {
        // (printf 'feedback-harmonizer key fingerprint'; printf '0001...1f' | xxd -r -p) | openssl dgst -sha256
        //   = 2b11fe4d6dd58ec486d5750dc42489bcc97094d826d6488ffa6ee50b10b4f2af
        assertThat(new Pseudonymizer(KEY).fingerprint()).isEqualTo("2b11fe4d6dd58ec4");
        assertThat(new Pseudonymizer(OTHER_KEY).fingerprint()).isNotEqualTo("2b11fe4d6dd58ec4");
    }

    @Test
    void toStringShowsTheFingerprintAndNotTheKey() {
        assertThat(new Pseudonymizer(KEY).toString())
                .contains("2b11fe4d6dd58ec4")
                .doesNotContain("000102030405");
    }

    @Test
    void refusesAKeyShorterThan32Bytes() {
        assertThatThrownBy(() -> new Pseudonymizer(new byte[31]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes");
    }

    @Test
    void keepsItsOwnCopyOfTheKey() {
        byte[] key = KEY.clone();
        Pseudonymizer pseudonymizer = new Pseudonymizer(key);
        java.util.Arrays.fill(key, (byte) 0);
        assertThat(pseudonymizer.referralKey("123456789")).isEqualTo("a2fb4a2e5d7a21b17d1213d493a97fff");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0123456", "12 345", "12-345", "１２３", "12345a"})
    void refusesANumberThatIsNotNormalizedWithoutRepeatingIt(String number) {
        assertThatThrownBy(() -> new Pseudonymizer(KEY).referralKey(number))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> {
                    if (!number.isEmpty()) {
                        assertThat(e.getMessage()).doesNotContain(number);
                    }
                });
    }
}
