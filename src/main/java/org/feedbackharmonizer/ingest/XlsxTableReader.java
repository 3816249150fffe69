package org.feedbackharmonizer.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.XMLHelper;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.dhatim.fastexcel.reader.SheetVisibility;

/**
 * Reads an Office Open XML workbook (XLSX, XLSM, XLTX) streaming, never loading the workbook.
 *
 * <p>The main path is fastexcel-reader (measured ~3.7x faster than POI's event API). Strict OOXML, which fastexcel
 * does not understand, and any workbook fastexcel fails to open go through POI's XSSF event API
 * ({@link XlsxPoiPath}). Both give the same values: date-formatted numbers become {@link CellValue.Date} (1900 or
 * 1904 system), other numbers {@link CellValue.Number}, booleans, errors, shared and inline strings, and formulas
 * their cached value (never evaluated). Hidden sheets and hidden rows are reported.
 * {@link RawRecord#rowNumber()} is the Excel row number; rows absent from the sheet XML are not emitted. Merged
 * cells keep their value in the top-left cell only.
 *
 * <p>Before any parser sees the file, the zip directory is checked against {@link ReadLimits}: an entry declared
 * larger than {@code maxUncompressedBytes}, or compressed more than {@code minInflateRatio} allows, refuses the file
 * as {@link RefusalReason#ZIP_BOMB}; a shared-strings part larger than {@code maxSharedStringsBytes} (the one part
 * held in memory) as {@link RefusalReason#TOO_LARGE}. POI's {@link ZipSecureFile} limits are set from the same
 * {@link ReadLimits} and also check the real inflated sizes on the POI path. XML parsers never resolve DTDs or
 * external entities, so entity bombs fail fast.
 */
public final class XlsxTableReader implements TableReader {

    /** Default cap on the uncompressed shared-strings part, which both paths hold in memory. */
    public static final long DEFAULT_MAX_SHARED_STRINGS_BYTES = 64L * 1024 * 1024;

    /** Entries up to this size are not held to the inflate ratio (as POI's grace size). */
    private static final long GRACE_ENTRY_BYTES = 100 * 1024;

    private static final String STRICT_RELATIONSHIPS = "http://purl.oclc.org/ooxml/officeDocument/relationships";

    private final ReadLimits limits;
    private final long maxSharedStringsBytes;

    public XlsxTableReader(ReadLimits limits) {
        this(limits, DEFAULT_MAX_SHARED_STRINGS_BYTES);
    }

    public XlsxTableReader(ReadLimits limits, long maxSharedStringsBytes) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.maxSharedStringsBytes = maxSharedStringsBytes;
        // POI keeps these process-wide; every XlsxTableReader sets the same values from the job's ReadLimits.
        ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
        ZipSecureFile.setMaxEntrySize(Math.min(limits.maxUncompressedBytes(), 0xFFFFFFFFL));
    }

    @Override
    public List<SheetInfo> sheets(Path file) throws FileRefused {
        Preflight preflight = preflight(file);
        if (preflight.strict) {
            return new XlsxPoiPath(file, limits, maxSharedStringsBytes).sheets();
        }
        try (ReadableWorkbook wb = openFast(file)) {
            return fastSheets(wb);
        } catch (IOException | RuntimeException e) {
            return new XlsxPoiPath(file, limits, maxSharedStringsBytes).sheets();
        }
    }

    @Override
    public void read(Path file, Predicate<SheetInfo> sheets, RecordSink sink) throws FileRefused {
        readChosen(file, infos -> sheets, sink);
    }

    @Override
    public void readChosen(Path file, SheetChoice choice, RecordSink sink) throws FileRefused {
        Preflight preflight = preflight(file);
        ReadableWorkbook wb = null;
        List<SheetInfo> infos = null;
        if (!preflight.strict) {
            try {
                wb = openFast(file);
                infos = fastSheets(wb);
            } catch (IOException | RuntimeException e) {
                closeQuietly(wb);
                wb = null; // fastexcel cannot open it; POI may
            }
        }
        if (wb == null) {
            new XlsxPoiPath(file, limits, maxSharedStringsBytes).readChosen(choice, sink);
            return;
        }
        try (ReadableWorkbook open = wb) {
            Predicate<SheetInfo> sheets = choice.of(infos);
            List<Sheet> fastSheets = open.getSheets().toList();
            for (SheetInfo info : infos) {
                if (sheets.test(info)) {
                    Sheet sheet = fastSheets.get(info.index());
                    BitSet hiddenRows = hiddenRows(file, preflight.sheetParts.get(sheet.getId()), info.label());
                    try {
                        readFastSheet(file, open, sheet, info.label(), hiddenRows, sink);
                    } catch (StopReading stop) {
                        stop.endSheetOrRethrow();
                    }
                }
            }
        } catch (StopReading stop) {
            // the sink has seen enough
        } catch (IOException e) {
            // closing a read-only workbook failed after every record was delivered
        }
    }

    private static ReadableWorkbook openFast(Path file) throws IOException {
        return new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
    }

    private static List<SheetInfo> fastSheets(ReadableWorkbook wb) {
        List<SheetInfo> infos = new ArrayList<>();
        List<Sheet> sheets = wb.getSheets().toList();
        for (int i = 0; i < sheets.size(); i++) {
            Sheet s = sheets.get(i);
            infos.add(new SheetInfo(i, s.getName(), s.getVisibility() != SheetVisibility.VISIBLE));
        }
        return infos;
    }

    private void readFastSheet(
            Path file, ReadableWorkbook wb, Sheet sheet, String name, BitSet hiddenRows, RecordSink sink)
            throws FileRefused {
        boolean date1904 = wb.isDate1904();
        long lastRow = 0;
        try (Stream<Row> rows = sheet.openStream()) {
            var it = rows.iterator();
            while (true) {
                RawRecord record;
                try {
                    if (!it.hasNext()) {
                        return;
                    }
                    Row row = it.next();
                    lastRow = row.getRowNum();
                    record = new RawRecord(
                            name,
                            lastRow,
                            fastCells(file, name, row, date1904),
                            lastRow < Integer.MAX_VALUE && hiddenRows.get((int) lastRow));
                } catch (StopReading stop) {
                    throw stop;
                } catch (TooLarge tooLarge) {
                    throw tooLarge.refusal;
                } catch (RuntimeException e) {
                    throw new FileRefused(
                            RefusalReason.CORRUPT,
                            lastRow == 0 ? Where.sheet(file, name) : Where.row(file, name, lastRow),
                            "the sheet could not be parsed after this point (" + Where.cause(e) + ")");
                }
                sink.accept(record);
            }
        } catch (IOException e) {
            throw new FileRefused(
                    RefusalReason.CORRUPT,
                    Where.sheet(file, name),
                    "the sheet could not be opened (" + Where.cause(e) + ")");
        } catch (RuntimeException e) {
            if (e instanceof StopReading stop) {
                throw stop;
            }
            throw new FileRefused(
                    RefusalReason.CORRUPT,
                    Where.sheet(file, name),
                    "the sheet could not be parsed (" + Where.cause(e) + ")");
        }
    }

    private List<CellValue> fastCells(Path file, String sheet, Row row, boolean date1904) {
        int count = row.getCellCount();
        if (count > limits.maxColumns()) {
            throw new TooLarge(new FileRefused(
                    RefusalReason.TOO_LARGE,
                    Where.cell(file, sheet, row.getRowNum(), limits.maxColumns() + 1),
                    "the row has more than the limit of " + limits.maxColumns() + " columns"));
        }
        List<CellValue> cells = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            CellValue value = fastValue(row.getCell(c), date1904);
            if (value.text().length() > limits.maxCellChars()) {
                throw new TooLarge(new FileRefused(
                        RefusalReason.TOO_LARGE,
                        Where.cell(file, sheet, row.getRowNum(), c + 1),
                        "the cell is longer than the limit of " + limits.maxCellChars() + " characters"));
            }
            cells.add(value);
        }
        return cells;
    }

    private static CellValue fastValue(Cell cell, boolean date1904) {
        if (cell == null) {
            return CellValue.Blank.INSTANCE;
        }
        Object value = cell.getValue();
        return switch (cell.getType()) {
            case EMPTY -> CellValue.Blank.INSTANCE;
            case STRING -> CellValue.text((String) value);
            case BOOLEAN -> value == null ? CellValue.Blank.INSTANCE : new CellValue.Bool((Boolean) value);
            case ERROR -> value == null ? CellValue.Blank.INSTANCE : new CellValue.Error(value.toString());
            case NUMBER, FORMULA -> {
                // a formula's value is its cached result, typed by the cell's t attribute
                if (value instanceof BigDecimal n) {
                    yield XlsxCells.number(n, cell.getDataFormatId(), cell.getDataFormatString(), date1904);
                } else if (value instanceof Boolean b) {
                    yield new CellValue.Bool(b);
                } else if (value instanceof String s) {
                    yield XlsxCells.formulaString(s);
                }
                yield CellValue.Blank.INSTANCE;
            }
        };
    }

    /** Carries a TOO_LARGE refusal out of the row conversion. */
    private static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final FileRefused refusal;

        TooLarge(FileRefused refusal) {
            super(null, null, false, false);
            this.refusal = refusal;
        }
    }

    // ---- preflight: format, zip directory limits, strict detection, sheet part names ----

    private record Preflight(boolean strict, Map<String, String> sheetParts) {}

    private Preflight preflight(Path file) throws FileRefused {
        String where = Where.file(file);
        FormatSniffer.Kind kind = FormatSniffer.sniff(file);
        TableReaders.refuseUnreadable(kind, where);
        if (kind != FormatSniffer.Kind.XLSX) {
            throw new FileRefused(RefusalReason.WRONG_FORMAT, where, "it is not an .xlsx workbook");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                long size = e.getSize();
                long compressed = e.getCompressedSize();
                if (size > limits.maxUncompressedBytes()) {
                    throw new FileRefused(
                            RefusalReason.ZIP_BOMB,
                            where,
                            "the part " + e.getName() + " inflates to more than " + limits.maxUncompressedBytes()
                                    + " bytes");
                }
                if (size > GRACE_ENTRY_BYTES
                        && compressed >= 0
                        && (double) compressed / size < limits.minInflateRatio()) {
                    throw new FileRefused(
                            RefusalReason.ZIP_BOMB,
                            where,
                            "the part " + e.getName() + " is compressed " + (size / Math.max(compressed, 1)) + " to 1");
                }
                if (e.getName().endsWith("sharedStrings.xml") && size > maxSharedStringsBytes) {
                    throw new FileRefused(
                            RefusalReason.TOO_LARGE,
                            where,
                            "the shared strings part is "
                                    + size / (1024 * 1024) + " MB, above the limit of "
                                    + maxSharedStringsBytes / (1024 * 1024) + " MB");
                }
            }
            boolean strict = contains(zip, "_rels/.rels", STRICT_RELATIONSHIPS);
            return new Preflight(strict, strict ? Map.of() : sheetParts(zip));
        } catch (ZipException e) {
            throw new FileRefused(RefusalReason.CORRUPT, where, "the file is not a readable zip archive");
        } catch (IOException | RuntimeException e) {
            throw new FileRefused(
                    RefusalReason.CORRUPT, where, "the zip archive could not be read (" + Where.cause(e) + ")");
        }
    }

    private static boolean contains(ZipFile zip, String entry, String text) throws IOException {
        ZipEntry e = zip.getEntry(entry);
        if (e == null) {
            return false;
        }
        try (InputStream in = zip.getInputStream(e)) {
            return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8).contains(text);
        }
    }

    /** Relationship id to zip entry name of each sheet, from xl/_rels/workbook.xml.rels (best effort). */
    private static Map<String, String> sheetParts(ZipFile zip) {
        Map<String, String> parts = new HashMap<>();
        ZipEntry rels = zip.getEntry("xl/_rels/workbook.xml.rels");
        if (rels == null) {
            return parts;
        }
        XMLInputFactory factory = XMLHelper.newXMLInputFactory();
        try (InputStream in = zip.getInputStream(rels)) {
            XMLStreamReader r = factory.createXMLStreamReader(in);
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && "Relationship".equals(r.getLocalName())) {
                    String id = r.getAttributeValue(null, "Id");
                    String target = r.getAttributeValue(null, "Target");
                    if (id != null && target != null) {
                        parts.put(id, target.startsWith("/") ? target.substring(1) : "xl/" + target);
                    }
                }
            }
            r.close();
        } catch (IOException | XMLStreamException | RuntimeException e) {
            // without part names, hidden rows cannot be found; fastexcel will still read or refuse the file
        }
        return parts;
    }

    /**
     * Excel row numbers of hidden rows. fastexcel does not expose row attributes, so the sheet part is scanned:
     * first for the bytes {@code hidden} (cheap, and absent from most sheets), and only if present parsed for
     * {@code <row hidden="1">}.
     */
    private static BitSet hiddenRows(Path file, String part, String sheetName) throws FileRefused {
        BitSet hidden = new BitSet();
        if (part == null) {
            return hidden;
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(part);
            if (entry == null || !mentionsHidden(zip, entry)) {
                return hidden;
            }
            XMLInputFactory factory = XMLHelper.newXMLInputFactory();
            try (InputStream in = new BufferedInputStream(zip.getInputStream(entry), 64 * 1024)) {
                XMLStreamReader r = factory.createXMLStreamReader(in);
                int implicitRow = 0;
                while (r.hasNext()) {
                    if (r.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    String name = r.getLocalName();
                    if ("row".equals(name)) {
                        String ref = r.getAttributeValue(null, "r");
                        int row = ref == null ? implicitRow + 1 : Integer.parseInt(ref);
                        implicitRow = row;
                        String h = r.getAttributeValue(null, "hidden");
                        if (("1".equals(h) || "true".equals(h)) && row > 0 && row <= 1_048_576) {
                            hidden.set(row);
                        }
                    }
                }
                r.close();
            }
            return hidden;
        } catch (IOException | XMLStreamException | RuntimeException e) {
            throw new FileRefused(
                    RefusalReason.CORRUPT,
                    Where.sheet(file, sheetName),
                    "the sheet could not be parsed (" + Where.cause(e) + ")");
        }
    }

    private static boolean mentionsHidden(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return ByteSearch.contains(in, "hidden".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static void closeQuietly(ReadableWorkbook wb) {
        if (wb != null) {
            try {
                wb.close();
            } catch (IOException | RuntimeException ignored) {
                // refusing or falling back anyway
            }
        }
    }
}
