package org.feedbackharmonizer.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The POI event-API path of {@link XlsxTableReader}, for what fastexcel cannot read: strict OOXML (other XML
 * namespaces and relationship types) and workbooks fastexcel fails to open. Streams each sheet through a SAX
 * handler of our own, since POI's XSSFSheetXMLHandler hands out formatted text and no row attributes.
 */
final class XlsxPoiPath {

    private record SheetRef(SheetInfo info, String relationshipId) {}

    private final Path file;
    private final ReadLimits limits;
    private final long maxSharedStringsChars;

    XlsxPoiPath(Path file, ReadLimits limits, long maxSharedStringsChars) {
        this.file = file;
        this.limits = limits;
        this.maxSharedStringsChars = maxSharedStringsChars;
    }

    List<SheetInfo> sheets() throws FileRefused {
        try (OPCPackage pkg = open()) {
            return workbook(new XSSFReader(pkg, true)).sheets.stream()
                    .map(SheetRef::info)
                    .toList();
        } catch (FileRefused e) {
            throw e;
        } catch (IOException | OpenXML4JException | RuntimeException e) {
            throw refusal(e);
        }
    }

    void read(Predicate<SheetInfo> accept, RecordSink sink) throws FileRefused {
        readChosen(infos -> accept, sink);
    }

    /** Lists the sheets, lets {@code choice} pick and streams the picked ones, from one opening of the file. */
    void readChosen(TableReader.SheetChoice choice, RecordSink sink) throws FileRefused {
        try (OPCPackage pkg = open()) {
            XSSFReader reader = new XSSFReader(pkg, true);
            Workbook wb = workbook(reader);
            Predicate<SheetInfo> accept =
                    choice.of(wb.sheets.stream().map(SheetRef::info).toList());
            List<String> strings = sharedStrings(pkg, maxSharedStringsChars);
            NumberFormats styles = NumberFormats.read(pkg);
            for (SheetRef ref : wb.sheets) {
                if (!accept.test(ref.info)) {
                    continue;
                }
                SheetHandler handler = new SheetHandler(ref.info.label(), strings, styles, wb.date1904, sink);
                try (InputStream in = reader.getSheet(ref.relationshipId)) {
                    XMLReader xml = XMLHelper.newXMLReader();
                    xml.setContentHandler(handler);
                    xml.parse(new InputSource(in));
                } catch (Refusal r) {
                    throw r.refusal;
                } catch (StopReading stop) {
                    stop.endSheetOrRethrow();
                } catch (SAXException e) {
                    if (e.getCause() instanceof Refusal r) {
                        throw r.refusal;
                    }
                    if (e.getCause() instanceof StopReading stop) {
                        stop.endSheetOrRethrow();
                        continue;
                    }
                    throw new FileRefused(
                            RefusalReason.CORRUPT,
                            handler.where(),
                            "the sheet XML is malformed (" + Where.cause(e) + ")");
                }
            }
        } catch (StopReading stop) {
            // the sink has seen enough
        } catch (FileRefused e) {
            throw e;
        } catch (IOException
                | OpenXML4JException
                | RuntimeException
                | javax.xml.parsers.ParserConfigurationException e) {
            throw refusal(e);
        }
    }

    private OPCPackage open() throws FileRefused {
        try {
            return OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (NotOfficeXmlFileException e) {
            throw new FileRefused(RefusalReason.WRONG_FORMAT, Where.file(file), "it is not an .xlsx workbook");
        } catch (OpenXML4JException | RuntimeException e) {
            throw refusal(e);
        }
    }

    private FileRefused refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("Zip bomb detected")
                    || m.contains("exceeds the max. entry size")
                    || m.contains("max file count")) {
                return new FileRefused(
                        RefusalReason.ZIP_BOMB, Where.file(file), "a part inflates beyond the configured limits");
            }
        }
        String what =
                e instanceof POIXMLException ? "the workbook structure is invalid" : "the workbook could not be parsed";
        return new FileRefused(RefusalReason.CORRUPT, Where.file(file), what + " (" + Where.cause(e) + ")");
    }

    /**
     * The shared strings, found by content type and read with StAX by local name: XSSFReader looks them up by the
     * transitional relationship type and its tables match the transitional namespace, so they find none in a strict
     * file. Text is capped at {@code maxChars} in total to bound memory.
     */
    private List<String> sharedStrings(OPCPackage pkg, long maxChars)
            throws IOException, OpenXML4JException, FileRefused {
        List<String> strings = new ArrayList<>();
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return strings;
        }
        long total = 0;
        try (InputStream in = parts.get(0).getInputStream()) {
            XMLStreamReader r = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
            StringBuilder item = new StringBuilder();
            int phonetic = 0;
            boolean inText = false;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "si" -> item.setLength(0);
                        case "rPh" -> phonetic++;
                        case "t" -> inText = phonetic == 0;
                        default -> {}
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "si" -> {
                            total += item.length();
                            if (total > maxChars) {
                                throw new FileRefused(
                                        RefusalReason.TOO_LARGE,
                                        Where.file(file),
                                        "the shared strings hold more than " + maxChars + " characters");
                            }
                            strings.add(item.toString());
                        }
                        case "rPh" -> phonetic--;
                        case "t" -> inText = false;
                        default -> {}
                    }
                } else if (inText
                        && (event == XMLStreamConstants.CHARACTERS
                                || event == XMLStreamConstants.CDATA
                                || event == XMLStreamConstants.SPACE)) {
                    item.append(r.getText());
                }
            }
            r.close();
        } catch (XMLStreamException e) {
            throw new FileRefused(
                    RefusalReason.CORRUPT,
                    Where.file(file),
                    "the shared strings part is malformed (" + Where.cause(e) + ")");
        }
        return strings;
    }

    /**
     * Number format of each cell style, read with StAX by local name (POI's StylesTable is XMLBeans-bound to the
     * transitional namespace and rejects strict files). Without it no cell could be recognised as a date.
     */
    private record NumberFormats(List<Integer> styleFormatIds, Map<Integer, String> formatCodes) {
        static NumberFormats read(OPCPackage pkg) {
            List<Integer> ids = new ArrayList<>();
            Map<Integer, String> codes = new HashMap<>();
            try {
                List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.STYLES.getContentType());
                if (parts.isEmpty()) {
                    return new NumberFormats(ids, codes);
                }
                try (InputStream in = parts.get(0).getInputStream()) {
                    XMLStreamReader r = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
                    boolean inCellXfs = false;
                    while (r.hasNext()) {
                        int event = r.next();
                        if (event == XMLStreamConstants.START_ELEMENT) {
                            switch (r.getLocalName()) {
                                case "numFmt" ->
                                    codes.put(Integer.parseInt(attribute(r, "numFmtId")), attribute(r, "formatCode"));
                                case "cellXfs" -> inCellXfs = true;
                                case "xf" -> {
                                    if (inCellXfs) {
                                        String id = attribute(r, "numFmtId");
                                        ids.add(id == null ? 0 : Integer.parseInt(id));
                                    }
                                }
                                default -> {}
                            }
                        } else if (event == XMLStreamConstants.END_ELEMENT && "cellXfs".equals(r.getLocalName())) {
                            inCellXfs = false;
                        }
                    }
                    r.close();
                }
            } catch (IOException | XMLStreamException | RuntimeException e) {
                // without styles no cell is date-formatted; the values are still read
            }
            return new NumberFormats(ids, codes);
        }

        CellValue number(double value, int style, boolean date1904) {
            int index = style < 0 ? 0 : style;
            if (index < styleFormatIds.size()) {
                int id = styleFormatIds.get(index);
                return XlsxCells.number(value, id, formatCodes.get(id), date1904);
            }
            return new CellValue.Number(value);
        }
    }

    // ---- workbook.xml: sheet names, visibility, relationship ids, date system ----

    private record Workbook(List<SheetRef> sheets, boolean date1904) {}

    private Workbook workbook(XSSFReader reader) throws IOException, OpenXML4JException, FileRefused {
        List<SheetRef> sheets = new ArrayList<>();
        boolean date1904 = false;
        try (InputStream in = reader.getWorkbookData()) {
            XMLStreamReader r = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if ("workbookPr".equals(r.getLocalName())) {
                    String v = attribute(r, "date1904");
                    date1904 = "1".equals(v) || "true".equals(v);
                } else if ("sheet".equals(r.getLocalName())) {
                    String state = attribute(r, "state");
                    boolean hidden = "hidden".equals(state) || "veryHidden".equals(state);
                    String name = String.valueOf(attribute(r, "name"));
                    sheets.add(new SheetRef(new SheetInfo(sheets.size(), name, hidden), attribute(r, "id")));
                }
            }
            r.close();
        } catch (XMLStreamException e) {
            throw new FileRefused(
                    RefusalReason.CORRUPT, Where.file(file), "the workbook part is malformed (" + Where.cause(e) + ")");
        }
        return new Workbook(sheets, date1904);
    }

    /** An attribute by local name in any namespace (strict and transitional OOXML use different ones). */
    private static String attribute(XMLStreamReader r, String localName) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (localName.equals(r.getAttributeLocalName(i))) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    /** Carries a refusal through the SAX parser. */
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final FileRefused refusal;

        Refusal(FileRefused refusal) {
            super(null, null, false, false);
            this.refusal = refusal;
        }
    }

    /** Turns {@code <row>}/{@code <c>} elements into records; matches local names, so both namespaces work. */
    private final class SheetHandler extends DefaultHandler {
        private final String sheet;
        private final List<String> strings;
        private final NumberFormats styles;
        private final boolean date1904;
        private final RecordSink sink;

        private long rowNumber;
        private boolean rowHidden;
        private List<CellValue> cells;
        private int column;
        private String type;
        private int style;
        private boolean inValue;
        private boolean inInlineText;
        private final StringBuilder text = new StringBuilder();

        SheetHandler(String sheet, List<String> strings, NumberFormats styles, boolean date1904, RecordSink sink) {
            this.sheet = sheet;
            this.strings = strings;
            this.styles = styles;
            this.date1904 = date1904;
            this.sink = sink;
        }

        String where() {
            return rowNumber == 0 ? Where.sheet(file, sheet) : Where.row(file, sheet, rowNumber);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            switch (localName) {
                case "row" -> {
                    String r = atts.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Long.parseLong(r);
                    String h = atts.getValue("hidden");
                    rowHidden = "1".equals(h) || "true".equals(h);
                    cells = new ArrayList<>();
                }
                case "c" -> {
                    String ref = atts.getValue("r");
                    column = ref == null ? (cells == null ? 0 : cells.size()) : new CellReference(ref).getCol();
                    if (column >= limits.maxColumns()) {
                        throw new Refusal(new FileRefused(
                                RefusalReason.TOO_LARGE,
                                Where.cell(file, sheet, rowNumber, limits.maxColumns() + 1),
                                "the row has more than the limit of " + limits.maxColumns() + " columns"));
                    }
                    type = atts.getValue("t");
                    String s = atts.getValue("s");
                    style = s == null ? -1 : Integer.parseInt(s);
                    text.setLength(0);
                }
                case "v" -> {
                    inValue = true;
                    text.setLength(0);
                }
                case "t" -> inInlineText = "inlineStr".equals(type);
                default -> {}
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue || inInlineText) {
                if (text.length() + length > limits.maxCellChars()) {
                    throw new Refusal(new FileRefused(
                            RefusalReason.TOO_LARGE,
                            Where.cell(file, sheet, rowNumber, column + 1),
                            "the cell is longer than the limit of " + limits.maxCellChars() + " characters"));
                }
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v" -> inValue = false;
                case "t" -> inInlineText = false;
                case "c" -> {
                    if (cells == null) {
                        cells = new ArrayList<>();
                    }
                    while (cells.size() <= column) {
                        cells.add(CellValue.Blank.INSTANCE);
                    }
                    cells.set(column, value(text.toString()));
                }
                case "row" -> {
                    RawRecord record = new RawRecord(sheet, rowNumber, List.copyOf(cells), rowHidden);
                    cells = null;
                    sink.accept(record);
                }
                default -> {}
            }
        }

        private CellValue value(String raw) {
            String t = type == null ? "n" : type;
            if (raw.isEmpty()) {
                return CellValue.Blank.INSTANCE;
            }
            return switch (t) {
                case "s" -> CellValue.text(strings.get(Integer.parseInt(raw.trim())));
                case "inlineStr", "str" -> "str".equals(t) ? XlsxCells.formulaString(raw) : CellValue.text(raw);
                case "b" -> new CellValue.Bool("1".equals(raw.trim()) || "true".equals(raw.trim()));
                case "e" -> new CellValue.Error(raw);
                case "d" -> XlsxCells.isoDate(raw);
                default -> number(raw);
            };
        }

        private CellValue number(String raw) {
            return styles.number(Double.parseDouble(raw.trim()), style, date1904);
        }
    }
}
