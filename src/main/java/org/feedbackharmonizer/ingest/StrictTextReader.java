package org.feedbackharmonizer.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes bytes strictly: an invalid byte sequence fails with {@link InvalidText} naming the text line. Unlike
 * {@link java.io.InputStreamReader}, which throws as soon as a buffer holding a bad byte is decoded (losing the
 * good text before it), this reader first hands out every good character, so the CSV parser fails on the record
 * that really holds the bad byte. Drops a leading UTF-8 byte order mark.
 *
 * <p>Also guards memory: a CSV record may not run for more than {@code maxCharsPerRecord} characters between two
 * calls of {@link #recordDone()}; a parser stuck in an unterminated quote fails with {@link RecordTooLong} instead
 * of buffering the rest of the file.
 */
final class StrictTextReader extends Reader {

    /** Bytes that are not valid in the charset. */
    static final class InvalidText extends IOException {
        private static final long serialVersionUID = 1L;
        final long line;

        InvalidText(long line) {
            super("invalid byte sequence at line " + line);
            this.line = line;
        }
    }

    /** A record running past the memory guard. */
    static final class RecordTooLong extends IOException {
        private static final long serialVersionUID = 1L;

        RecordTooLong() {
            super("record too long");
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(8192);
    private final long maxCharsPerRecord;
    private boolean eof;
    private boolean bomChecked;
    private boolean flushed;
    private IOException pending;
    private long line = 1;
    private boolean lastWasCr;
    private long charsSinceRecord;

    StrictTextReader(InputStream in, Charset charset, long maxCharsPerRecord) {
        this.in = in;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.maxCharsPerRecord = maxCharsPerRecord;
        bytes.flip();
    }

    /** The caller finished a record: the length guard starts again. */
    void recordDone() {
        charsSinceRecord = 0;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pending != null) {
            throw pending;
        }
        if (charsSinceRecord > maxCharsPerRecord) {
            throw new RecordTooLong();
        }
        CharBuffer out = CharBuffer.wrap(buf, off, len);
        while (out.position() == off) {
            if (!fill()) {
                if (!flushed) {
                    decoder.decode(bytes, out, true);
                    decoder.flush(out);
                    flushed = true;
                    if (bytes.hasRemaining()) {
                        pending = new InvalidText(line); // a truncated multi-byte sequence at the end
                    }
                    if (out.position() > off) {
                        break;
                    }
                    if (pending != null) {
                        throw pending;
                    }
                }
                return -1;
            }
            CoderResult result = decoder.decode(bytes, out, false);
            if (result.isError()) {
                countLines(buf, off, out.position() - off);
                pending = new InvalidText(line);
                int n = out.position() - off;
                if (n == 0) {
                    throw pending;
                }
                charsSinceRecord += n;
                return n;
            }
        }
        int n = out.position() - off;
        countLines(buf, off, n);
        charsSinceRecord += n;
        return n;
    }

    /** Makes bytes available; false at end of input with nothing left to decode but a possible remainder. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
            bytes.flip();
            return false;
        }
        bytes.position(bytes.position() + n);
        bytes.flip();
        if (!bomChecked && (bytes.remaining() >= 3 || n == 0)) {
            bomChecked = true;
            if (bytes.remaining() >= 3
                    && (bytes.get(0) & 0xFF) == 0xEF
                    && (bytes.get(1) & 0xFF) == 0xBB
                    && (bytes.get(2) & 0xFF) == 0xBF) {
                bytes.position(3);
            }
        }
        return true;
    }

    private void countLines(char[] buf, int off, int n) {
        for (int i = off; i < off + n; i++) {
            char c = buf[i];
            if (c == '\n') {
                if (!lastWasCr) {
                    line++;
                }
                lastWasCr = false;
            } else if (c == '\r') {
                line++;
                lastWasCr = true;
            } else {
                lastWasCr = false;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
