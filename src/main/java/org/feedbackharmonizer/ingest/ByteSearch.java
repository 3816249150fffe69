package org.feedbackharmonizer.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Whether a stream holds a byte string, read in chunks with a Horspool skip table: the XLSX reader asks a whole
 * sheet's XML (150 MB for 200,000 rows) whether it mentions {@code hidden} before it parses it, and comparing at
 * every byte took longer than inflating the sheet.
 */
final class ByteSearch {
    private ByteSearch() {}

    static boolean contains(InputStream in, byte[] needle) throws IOException {
        int m = needle.length;
        if (m == 0) {
            return true;
        }
        int[] shift = new int[256];
        Arrays.fill(shift, m);
        for (int i = 0; i < m - 1; i++) {
            shift[needle[i] & 0xFF] = m - 1 - i;
        }
        byte[] buf = new byte[Math.max(64 * 1024, 2 * m)];
        int kept = 0; // the last m - 1 bytes of the chunk before, where a match may start
        int n;
        while ((n = in.read(buf, kept, buf.length - kept)) >= 0) {
            int end = kept + n;
            for (int i = 0; i + m <= end; i += shift[buf[i + m - 1] & 0xFF]) {
                if (matchesAt(buf, i, needle)) {
                    return true;
                }
            }
            kept = Math.min(m - 1, end);
            System.arraycopy(buf, end - kept, buf, 0, kept);
        }
        return false;
    }

    private static boolean matchesAt(byte[] buf, int at, byte[] needle) {
        for (int j = needle.length - 1; j >= 0; j--) {
            if (buf[at + j] != needle[j]) {
                return false;
            }
        }
        return true;
    }
}
