package org.feedbackharmonizer.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/** Tells what a file really is from its content, whatever its name says. */
public final class FormatSniffer {

    /** What a file's content is. */
    public enum Kind {
        /** 0 bytes. */
        EMPTY,
        /** A zip holding an Office Open XML workbook (XLSX, XLSM, XLTX), or a zip too damaged to look inside. */
        XLSX,
        /** A zip holding a binary workbook (xl/workbook.bin). */
        XLSB,
        /** An OpenDocument spreadsheet. */
        ODS,
        /** A zip that is none of the above. */
        OTHER_ZIP,
        /** An OLE2 container with a Workbook or Book stream (XLS, BIFF5 and later), or one too damaged to look inside. */
        XLS,
        /** An OLE2 container with an EncryptionInfo stream: a password-protected OOXML workbook. */
        ENCRYPTED_OOXML,
        /** An OLE2 container that is not a workbook (e.g. a Word document). */
        OTHER_OLE2,
        /** A bare BIFF2, BIFF3 or BIFF4 stream (Excel 2 to 4). */
        OLD_BIFF,
        /** Starts with '<' after an optional byte order mark and white space: HTML or XML (SpreadsheetML 2003). */
        MARKUP,
        /** Anything else with no NUL bytes in its first block. */
        TEXT,
        /** Anything else. */
        BINARY
    }

    private static final int PEEK = 4096;

    private FormatSniffer() {}

    public static Kind sniff(Path file) throws FileRefused {
        byte[] head = new byte[PEEK];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, PEEK);
        } catch (NoSuchFileException e) {
            throw new FileRefused(RefusalReason.UNREADABLE, Where.file(file), "it does not exist");
        } catch (IOException e) {
            throw new FileRefused(RefusalReason.UNREADABLE, Where.file(file), "it could not be opened");
        }
        if (n == 0) {
            return Kind.EMPTY;
        }
        if (startsWith(head, n, 0x50, 0x4B, 0x03, 0x04)) {
            return zipKind(file);
        }
        if (startsWith(head, n, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return ole2Kind(file);
        }
        // BOF record of BIFF2 (0x0009), BIFF3 (0x0209), BIFF4 (0x0409), followed by a small record length
        if (n >= 4 && head[0] == 0x09 && (head[1] == 0x00 || head[1] == 0x02 || head[1] == 0x04) && head[3] == 0) {
            return Kind.OLD_BIFF;
        }
        int i = 0;
        if (startsWith(head, n, 0xEF, 0xBB, 0xBF)) {
            i = 3;
        }
        while (i < n && Character.isWhitespace(head[i])) {
            i++;
        }
        if (i < n && head[i] == '<') {
            return Kind.MARKUP;
        }
        boolean utf16 = startsWith(head, n, 0xFF, 0xFE) || startsWith(head, n, 0xFE, 0xFF);
        for (int j = 0; j < n && !utf16; j++) {
            if (head[j] == 0) {
                return Kind.BINARY;
            }
        }
        return Kind.TEXT;
    }

    private static Kind zipKind(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null && mimetype.getSize() < 200) {
                try (InputStream in = zip.getInputStream(mimetype)) {
                    String type = new String(in.readNBytes(200), StandardCharsets.US_ASCII).trim();
                    if (type.startsWith("application/vnd.oasis.opendocument.spreadsheet")) {
                        return Kind.ODS;
                    }
                }
            }
            if (zip.getEntry("xl/workbook.bin") != null) {
                return Kind.XLSB;
            }
            if (zip.getEntry("[Content_Types].xml") != null) {
                return Kind.XLSX;
            }
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                if (e.nextElement().getName().startsWith("xl/")) {
                    return Kind.XLSX;
                }
            }
            return Kind.OTHER_ZIP;
        } catch (IOException | RuntimeException e) {
            return Kind.XLSX; // a damaged zip: the XLSX reader refuses it as corrupt with the right words
        }
    }

    private static Kind ole2Kind(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntryCaseInsensitive("EncryptionInfo")) {
                return Kind.ENCRYPTED_OOXML;
            }
            if (root.hasEntryCaseInsensitive("Workbook") || root.hasEntryCaseInsensitive("Book")) {
                return Kind.XLS;
            }
            return Kind.OTHER_OLE2;
        } catch (IOException | RuntimeException e) {
            return Kind.XLS; // a damaged container: the XLS reader refuses it as corrupt
        }
    }

    private static boolean startsWith(byte[] head, int n, int... magic) {
        if (n < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
