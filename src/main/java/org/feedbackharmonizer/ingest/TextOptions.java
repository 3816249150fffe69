package org.feedbackharmonizer.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How a delimited text file is written.
 *
 * @param charset the file's charset; a UTF-8 byte order mark is always accepted and dropped
 * @param delimiter field delimiter, e.g. ',', '\t', '|', ';'
 * @param quote quote character, or null for none
 */
public record TextOptions(Charset charset, char delimiter, Character quote) {
    public static final TextOptions CSV = new TextOptions(StandardCharsets.UTF_8, ',', '"');
    public static final TextOptions TSV = new TextOptions(StandardCharsets.UTF_8, '\t', null);
}
