package org.feedbackharmonizer.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One command run through {@link HarmonizerCommand#execute(PrintWriter, PrintWriter, String...)}. */
record CommandOutput(int exitCode, String out, String err) {

    static CommandOutput run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = HarmonizerCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CommandOutput(code, out.toString(), err.toString());
    }

    /** What follows the "---" line: the starter configuration. */
    String yaml() {
        int at = out.indexOf("\n---\n");
        return at < 0 ? "" : out.substring(at + 5);
    }
}
