package org.feedbackharmonizer.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * Turns one file into a stream of {@link RawRecord}s. Knows nothing of schemas or agencies.
 * Implementations stream: memory use does not grow with the number of rows.
 */
public interface TableReader {

    /** The sheets of the file in workbook order; a text file has one sheet named "". */
    List<SheetInfo> sheets(Path file) throws FileRefused;

    /**
     * Streams every record of each sheet accepted by {@code sheets}, sheet by sheet in workbook order.
     *
     * @throws FileRefused if the file cannot be read at all or breaks a {@link ReadLimits} bound
     */
    void read(Path file, Predicate<SheetInfo> sheets, RecordSink sink) throws FileRefused;

    /** Picks the sheets to read once the file's sheet list is known; may refuse the file. */
    @FunctionalInterface
    interface SheetChoice {
        Predicate<SheetInfo> of(List<SheetInfo> sheets) throws FileRefused;
    }

    /**
     * Lists the sheets, lets {@code choice} pick and streams the picked ones. Workbook readers override this to
     * open the file once: listing and reading separately parses an XLS workbook twice.
     */
    default void readChosen(Path file, SheetChoice choice, RecordSink sink) throws FileRefused {
        read(file, choice.of(sheets(file)), sink);
    }
}
