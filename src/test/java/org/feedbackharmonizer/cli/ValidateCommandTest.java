package org.feedbackharmonizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate}: every problem of every file at once, and the agreements with their expiry. */
class ValidateCommandTest {

    static String[] run(Path config, String asOf) {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int exit = HarmonizerCommand.execute("validate", "--config", config.toString(), "--as-of", asOf);
            return new String[] {Integer.toString(exit), out.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(saved);
        }
    }

    @Test
    void listsEveryAgreementAndWarnsOfOneExpiringWithin30Days(@TempDir Path tmp) throws Exception {
        SampleRun.copyTree(Path.of("config"), tmp);
        Path phx = tmp.resolve("agencies/AZ-PHX.yml");
        String yml = Files.readString(phx);
        Files.writeString(phx, yml.replaceFirst("expires: \\d{4}-\\d{2}-\\d{2}", "expires: 2025-12-10"));
        String[] result = run(tmp, "2025-11-25");
        assertThat(result[0]).isEqualTo("0");
        assertThat(result[1]).contains("7 agencies").contains("DSA-TX-DALLAS-2025");
        assertThat(result[1].lines().filter(l -> l.contains("WARNING")).toList())
                .singleElement()
                .asString()
                .contains("AZ-PHX")
                .contains("expires in 15 days");
    }

    @Test
    void reportsEveryProblemOfEveryFileAtOnceWithExit64(@TempDir Path tmp) throws Exception {
        SampleRun.copyTree(Path.of("config"), tmp);
        Path dallas = tmp.resolve("agencies/TX-DALLAS.yml");
        Files.writeString(
                dallas,
                Files.readString(dallas)
                        .replace("Arrest Made", "Arrest Made")
                        .replace("cadence: monthly", "cadence: fortnightly")
                        .replace("\": ARREST", "\": ARRESTED"));
        Path ohio = tmp.resolve("agencies/OH-ICAC.yml");
        Files.writeString(ohio, Files.readString(ohio).replace("fields:", "feilds:"));
        String[] result = run(tmp, "2025-11-25");
        assertThat(result[0]).isEqualTo("64");
        assertThat(result[1])
                .contains("TX-DALLAS.yml: agreement.cadence: 'fortnightly' is not one of")
                .contains("TX-DALLAS.yml: fields.outcome.map:")
                .contains("unknown outcome 'ARRESTED'")
                .contains("OH-ICAC.yml: feilds: is not a known key");
    }

    @Test
    void reportsALabelThatAYesNoFieldWouldReadTwoWaysInsteadOfFailingTheRun(@TempDir Path tmp) throws Exception {
        SampleRun.copyTree(Path.of("config"), tmp);
        Path seattle = tmp.resolve("agencies/WA-SEATTLE.yml");
        String yml = Files.readString(seattle);
        assertThat(yml).contains("  yes: [\"X\"]\n");
        Files.writeString(seattle, yml.replace("  yes: [\"X\"]\n", "  yes: [\"X\"]\n  unknown: [UNK, \"N\"]\n"));

        String[] result = run(tmp, "2025-11-25");

        assertThat(result[0]).isEqualTo("64");
        assertThat(result[1])
                .contains("WA-SEATTLE.yml: fields.arrest: 'N' is both a no label (the default no labels) and an"
                        + " unknown label (values.unknown) of this field; remove it from values.unknown, or give"
                        + " the field its own no: list without it");
    }
}
