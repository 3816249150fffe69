package org.feedbackharmonizer.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.feedbackharmonizer.ingest.CellValue;
import org.feedbackharmonizer.schema.LabelList;
import org.feedbackharmonizer.schema.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A value may be personal data: no reject message may repeat it, whichever parser rejects it. */
class RejectMessagesTest {

    /** Bad inputs that look like what leaks: names, e-mails, phone numbers, IPs, dates of birth, report numbers. */
    private static final List<String> PERSONAL_LOOKING = List.of(
            "John Q. Smith",
            "jsmith1987@example.com",
            "(214) 555-0199",
            "203.0.113.77",
            "DOB 07/04/1987",
            "CT-98765432100001",
            "98765X4321",
            "Suspect admitted 4711",
            "Gr8Kid_4711");

    interface Parser {
        Object parse(CellValue cell) throws ValueRejected;
    }

    static Stream<Arguments> everyParserWithEveryBadInput() {
        DateValueParser dates = DateValueParser.withDefaults();
        ReportNumberParser single = new ReportNumberParser(null);
        ReportNumberParser split = new ReportNumberParser("[;,/\\s]+");
        YesNoParser yesNo = YesNoParser.withDefaults();
        ValueMap<Outcome> outcome =
                ValueMap.of("outcome", java.util.Map.of("Arrest", Outcome.ARREST), Optional.empty(), LabelList.NONE);
        SubjectAge ages = SubjectAge.withDefaults();
        VictimCount victims = VictimCount.withDefaults();
        List<Arguments> all = new java.util.ArrayList<>();
        for (String input : PERSONAL_LOOKING) {
            all.add(Arguments.of("dates", (Parser) dates::parse, input));
            all.add(Arguments.of("report number", (Parser) single::parse, input));
            all.add(Arguments.of("report numbers", (Parser) split::parse, input));
            all.add(Arguments.of("yes/no", (Parser) yesNo::parse, input));
            all.add(Arguments.of("value map", (Parser) cell -> outcome.map(cell, Outcome.UNKNOWN), input));
            all.add(Arguments.of("age", (Parser) ages::fromAge, input));
            all.add(Arguments.of("victims", (Parser) victims::parse, input));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}: \"{2}\"")
    @MethodSource("everyParserWithEveryBadInput")
    void neverRepeatsTheRejectedValue(String name, Parser parser, String input) {
        ValueRejected rejected = catchThrowableOfType(ValueRejected.class, () -> parser.parse(CellValue.text(input)));
        assertThat(rejected).as("rejected").isNotNull();
        String message = rejected.getMessage();
        assertThat(message).isNotBlank();
        assertThat(message.toLowerCase()).doesNotContain(input.toLowerCase());
        // Nor any telling piece of it: a word or number run of four or more characters.
        for (String piece : input.split("[^A-Za-z0-9]+")) {
            if (piece.length() >= 4) {
                assertThat(message.toLowerCase()).as(piece).doesNotContain(piece.toLowerCase());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyParserWithEveryBadInput")
    void keepsNoCauseThatCouldCarryTheValue(String name, Parser parser, String input) {
        ValueRejected rejected = catchThrowableOfType(ValueRejected.class, () -> parser.parse(CellValue.text(input)));
        assertThat(rejected.getCause()).isNull();
        assertThat(rejected.getStackTrace()).isEmpty();
    }
}
