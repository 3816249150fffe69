package org.feedbackharmonizer.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.feedbackharmonizer.config.AgencyConfig;
import org.feedbackharmonizer.config.AgencyYaml;
import org.feedbackharmonizer.ingest.CellValue;
import org.feedbackharmonizer.ingest.RawRecord;
import org.feedbackharmonizer.schema.FeedbackRecord;
import org.feedbackharmonizer.schema.NotActionableReason;
import org.feedbackharmonizer.schema.Status;
import org.feedbackharmonizer.schema.VictimBand;
import org.feedbackharmonizer.schema.YesNo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A field with {@code only_when} is read only on rows where another field of the row has the named value. */
class OnlyWhenTest {
    @TempDir
    Path tmp;

    /** The reason is read from the disposition, as an agency with a disposition and an Actionable column writes. */
    private static final String REASON_FROM_DISPOSITION = """
            fields:
              report_number: { column: Report }
              actionable: { column: Actionable }
              not_actionable_reason:
                column: Disposition
                map: { Unfounded: NO_OFFENSE }
                unknown: [Arrest made]
            """;

    static Stream<Arguments> actionableAndDisposition() {
        return Stream.of(
                Arguments.of("No", "Unfounded", YesNo.NO, NotActionableReason.NO_OFFENSE),
                Arguments.of("", "Unfounded", YesNo.UNKNOWN, null), // nobody assessed it: stays unknown
                Arguments.of("Yes", "Unfounded", YesNo.YES, null), // no REASON_CONFLICT: the reason is not read
                Arguments.of("No", "Arrest made", YesNo.NO, null),
                Arguments.of("No", "", YesNo.NO, null));
    }

    @ParameterizedTest(name = "actionable ''{0}'', disposition ''{1}'' -> {2} {3}")
    @MethodSource("actionableAndDisposition")
    void readsTheReasonOnlyWhereTheActionableColumnSaysNo(
            String actionable, String disposition, YesNo expected, NotActionableReason reason) throws Exception {
        AgencyConfig agency = agency(REASON_FROM_DISPOSITION + "    only_when: { actionable: NO }\n");

        FeedbackRecord r = written(map(agency, "123456789", actionable, disposition));

        assertThat(r.actionable()).isEqualTo(expected);
        assertThat(r.notActionableReason()).isEqualTo(reason);
    }

    @Test
    void withoutOnlyWhenAReasonMakesABlankActionableNoAndConflictsWithYes() throws Exception {
        AgencyConfig agency = agency(REASON_FROM_DISPOSITION);

        FeedbackRecord blank = written(map(agency, "123456789", "", "Unfounded"));
        RowResult yes = map(agency, "123456789", "Yes", "Unfounded");

        assertThat(blank.actionable()).isEqualTo(YesNo.NO);
        assertThat(blank.notActionableReason()).isEqualTo(NotActionableReason.NO_OFFENSE);
        assertThat(((RowResult.Rejected) yes).reject().reason()).isEqualTo(RejectReason.REASON_CONFLICT);
    }

    @Test
    void takesAListOfValuesAnyOfWhichLetsTheFieldBeRead() throws Exception {
        AgencyConfig agency = agency(REASON_FROM_DISPOSITION + "    only_when: { actionable: [NO, UNKNOWN] }\n");

        FeedbackRecord blank = written(map(agency, "123456789", "", "Unfounded"));
        FeedbackRecord yes = written(map(agency, "123456789", "Yes", "Unfounded"));

        assertThat(blank.actionable()).isEqualTo(YesNo.NO); // the reason was read, then the derivation ran
        assertThat(blank.notActionableReason()).isEqualTo(NotActionableReason.NO_OFFENSE);
        assertThat(yes.notActionableReason()).isNull();
    }

    /**
     * closed_date depends on status, which depends on actionable, a field read after status: each condition is
     * decided on the named field's value as read from the row, before derivations (which would make a row with a
     * closed date CLOSED).
     */
    @Test
    void followsAChainOfConditionsWhateverOrderTheFieldsAreReadIn() throws Exception {
        AgencyConfig agency = agency("""
                fields:
                  report_number: { column: Report }
                  received_date: { column: Received }
                  closed_date:   { column: Closed, only_when: { status: CLOSED } }
                  status:        { column: Status, map: { Closed: CLOSED }, only_when: { actionable: "YES" } }
                  actionable:    { column: Actionable }
                """);
        List<String> columns = List.of("Report", "Received", "Closed", "Status", "Actionable");

        FeedbackRecord assessed =
                written(map(agency, columns, "123456789", "2024-03-05", "2024-03-15", "Closed", "Yes"));
        FeedbackRecord notAssessed =
                written(map(agency, columns, "123456789", "2024-03-05", "2024-03-15", "Closed", ""));

        assertThat(assessed.status()).isEqualTo(Status.CLOSED);
        assertThat(assessed.daysToClose()).isEqualTo(10);
        assertThat(notAssessed.status()).isEqualTo(Status.UNKNOWN);
        assertThat(notAssessed.daysToClose()).isNull();
    }

    @Test
    void aRejectedConditionFieldIsNamedInTheRejectAndCountedOnceAsUnmapped() throws Exception {
        AgencyConfig agency = agency("""
                fields:
                  report_number: { column: Report }
                  status:  { column: Status, map: { Closed: CLOSED }, only_when: { outcome: ARREST } }
                  outcome: { column: Outcome, map: { Arrested: ARREST } }
                """);
        UnmappedLabels unmapped = new UnmappedLabels();

        RowResult result =
                map(agency, List.of("Report", "Status", "Outcome"), unmapped, "123456789", "Closed", "Gone fishing");

        Reject reject = ((RowResult.Rejected) result).reject();
        assertThat(reject.column()).isEqualTo("Outcome");
        assertThat(reject.reason()).isEqualTo(RejectReason.UNMAPPED_LABEL);
        assertThat(unmapped.counts())
                .isEqualTo(Map.of(new UnmappedLabels.Key("outcome", "Outcome", "Gone fishing"), 1L));
    }

    @Test
    void aFieldNotReadTakesItsBlankValue() throws Exception {
        AgencyConfig agency = agency("""
                fields:
                  report_number: { column: Report }
                  actionable: { column: Actionable }
                  arrest: { column: Arrest, blank: NO, only_when: { actionable: "YES" } }
                """);
        List<String> columns = List.of("Report", "Actionable", "Arrest");

        FeedbackRecord notActionable = written(map(agency, columns, "123456789", "No", "Y"));
        FeedbackRecord actionable = written(map(agency, columns, "123456789", "Yes", "Y"));

        assertThat(notActionable.arrest()).isEqualTo(YesNo.NO);
        assertThat(actionable.arrest()).isEqualTo(YesNo.YES);
    }

    @Test
    void aConditionOnTheReasonDoesNotHoldWhereTheReasonIsEmpty() throws Exception {
        AgencyConfig agency = agency("""
                fields:
                  report_number: { column: Report }
                  not_actionable_reason: { column: Reason, map: { Unfounded: NO_OFFENSE } }
                  victims_identified: { column: Victims, only_when: { not_actionable_reason: NO_OFFENSE } }
                """);
        List<String> columns = List.of("Report", "Reason", "Victims");

        FeedbackRecord empty = written(map(agency, columns, "123456789", "", "0"));
        FeedbackRecord unfounded = written(map(agency, columns, "123456789", "Unfounded", "0"));

        assertThat(empty.victimsIdentified()).isEqualTo(VictimBand.UNKNOWN);
        assertThat(unfounded.victimsIdentified()).isEqualTo(VictimBand.NONE);
    }

    private AgencyConfig agency(String rest) throws Exception {
        return AgencyYaml.valid(tmp, rest);
    }

    private static RowResult map(AgencyConfig agency, String report, String actionable, String disposition) {
        return map(
                agency,
                List.of("Report", "Actionable", "Disposition"),
                new UnmappedLabels(),
                report,
                actionable,
                disposition);
    }

    private static RowResult map(AgencyConfig agency, List<String> columns, String... cells) {
        return map(agency, columns, new UnmappedLabels(), cells);
    }

    /** Maps one data row under a one-row header of {@code columns}, as the job does once the header is found. */
    private static RowResult map(AgencyConfig agency, List<String> columns, UnmappedLabels unmapped, String... cells) {
        List<List<String>> names = new ArrayList<>();
        for (String c : columns) {
            names.add(List.of(ColumnNames.normalize(c)));
        }
        List<CellValue> row = new ArrayList<>();
        for (String c : cells) {
            row.add(CellValue.text(c));
        }
        var context = new AgencyFileContext(agency, "file-1", LocalDate.of(2024, 3, 31), n -> "key-" + n);
        return new RowMapper(context, "", new Header(1, names, "test"), unmapped).map(new RawRecord("", 2, row, false));
    }

    private static FeedbackRecord written(RowResult result) {
        assertThat(result).isInstanceOf(RowResult.Written.class);
        return ((RowResult.Written) result).records().get(0);
    }
}
