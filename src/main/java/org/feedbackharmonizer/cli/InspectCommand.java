package org.feedbackharmonizer.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.feedbackharmonizer.ingest.FileFormat;
import org.feedbackharmonizer.ingest.FileRefused;
import org.feedbackharmonizer.steward.FileInspector;
import org.feedbackharmonizer.steward.InspectionReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description = {
            "Look at a new agency's file without any configuration: its sheets, each sheet's header row and why,"
                    + " each column's type, fill rate and (for coded, non-personal columns) its labels.",
            "Then prints a starter agency configuration after a '---' line. Reads nothing but the file, writes"
                    + " nothing."
        })
final class InspectCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The agency's file (xlsx, xls, csv or tsv).")
    Path file;

    @Option(names = "--format", description = "xlsx, xls, csv or tsv (default: from the extension, else the content).")
    String format;

    @Option(names = "--charset", description = "Charset of a text file (default: UTF-8, else windows-1252).")
    String charset;

    @Option(names = "--delimiter", description = "Delimiter of a CSV file, or 'tab' (default: guessed from line 1).")
    String delimiter;

    @Option(
            names = "--rows",
            defaultValue = "10000",
            description = "Read at most this many data rows per sheet (default: ${DEFAULT-VALUE}).")
    int rows;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FileFormat fileFormat = null;
        Charset cs = null;
        Character delim = null;
        try {
            if (format != null) {
                fileFormat = FileFormat.valueOf(format.trim().toUpperCase(Locale.ROOT));
            }
        } catch (IllegalArgumentException e) {
            err.println("harmonizer: --format must be xlsx, xls, csv or tsv");
            return ExitCodes.USAGE;
        }
        try {
            if (charset != null) {
                cs = Charset.forName(charset.trim());
            }
        } catch (RuntimeException e) {
            err.println("harmonizer: --charset '" + charset + "' is not a charset this Java knows (e.g. UTF-8,"
                    + " windows-1252)");
            return ExitCodes.USAGE;
        }
        if (delimiter != null) {
            String d = delimiter.equalsIgnoreCase("tab") || delimiter.equals("\\t") ? "\t" : delimiter;
            if (d.length() != 1) {
                err.println("harmonizer: --delimiter must be one character, or 'tab'");
                return ExitCodes.USAGE;
            }
            delim = d.charAt(0);
        }
        if (rows < 1) {
            err.println("harmonizer: --rows must be at least 1");
            return ExitCodes.USAGE;
        }
        try {
            var inspection = new FileInspector().inspect(file, new FileInspector.Options(fileFormat, cs, delim, rows));
            InspectionReport.print(inspection, out);
            return ExitCodes.OK;
        } catch (FileRefused refused) {
            err.println("harmonizer: " + refused.getMessage());
            return ExitCodes.QUARANTINED;
        }
    }
}
