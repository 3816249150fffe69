package org.feedbackharmonizer.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CellTextTest {
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}\\uFEFF]+");

    @Test
    void collapsesEveryKindOfSpaceAndTrims() {
        assertThat(CellText.clean("  Under\u00a0 investigation\t\n")).isEqualTo("Under investigation");
        assertThat(CellText.clean("\ufeffYES")).isEqualTo("YES");
        assertThat(CellText.clean("a\u2003\u2003b")).isEqualTo("a b");
        assertThat(CellText.clean("Closed - arrest")).isEqualTo("Closed - arrest");
        assertThat(CellText.clean(" ")).isEmpty();
        assertThat(CellText.clean(null)).isEmpty();
    }

    @Test
    void theShortCutForPlainTextAgreesWithThePatternOnRandomText() {
        String alphabet = "ab Z09-#.\t\n\u00a0\u2007\ufeff\u00e9\u0301\u0000\u007f";
        Random random = new Random(11);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(8); i > 0; i--) {
                b.append(alphabet.charAt(random.nextInt(random.nextBoolean() ? 6 : alphabet.length())));
            }
            String text = b.toString();
            assertThat(CellText.clean(text))
                    .as("%s", text.chars().boxed().toList())
                    .isEqualTo(SPACES.matcher(text).replaceAll(" ").strip());
        }
    }
}
