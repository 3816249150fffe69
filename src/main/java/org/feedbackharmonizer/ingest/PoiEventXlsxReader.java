package org.feedbackharmonizer.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * XLSX through POI's event API alone: the path {@link XlsxTableReader} falls back to. Public so that the
 * benchmark can time it against fastexcel-reader on the same files.
 */
public final class PoiEventXlsxReader implements TableReader {
    private final ReadLimits limits;

    public PoiEventXlsxReader(ReadLimits limits) {
        this.limits = limits;
    }

    @Override
    public List<SheetInfo> sheets(Path file) throws FileRefused {
        return new XlsxPoiPath(file, limits, XlsxTableReader.DEFAULT_MAX_SHARED_STRINGS_BYTES).sheets();
    }

    @Override
    public void read(Path file, Predicate<SheetInfo> sheets, RecordSink sink) throws FileRefused {
        new XlsxPoiPath(file, limits, XlsxTableReader.DEFAULT_MAX_SHARED_STRINGS_BYTES).read(sheets, sink);
    }
}
