package org.feedbackharmonizer.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code harmonizer}: the entry point of the jar. */
@Command(
        name = "harmonizer",
        mixinStandardHelpOptions = true,
        version = "Feedback Harmonizer 0.1.0 (schema version 1)",
        description = "Harmonizes agencies' outcome files on CyberTipline referrals into one de-identified table"
                + " and measures coverage per jurisdiction.",
        subcommands = {
            RunCommand.class,
            RerunCommand.class,
            RestartCommand.class,
            ValidateCommand.class,
            StatusCommand.class,
            HistoryCommand.class,
            InspectCommand.class,
            PreviewCommand.class,
            BenchCommand.class,
            ReferralKeyCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "Exit codes: 0 all files loaded; 2 finished, some files quarantined; 1 the job failed;"
                    + " 64 usage or configuration error; 75 another run is active."
        })
public final class HarmonizerCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** Runs a command with its output and errors going to the given writers (tests, embedding). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new HarmonizerCommand());
        cli.setExitCodeExceptionMapper(e -> ExitCodes.FAILED);
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("harmonizer: " + ex.getMessage());
            ex.getCommandLine()
                    .getErr()
                    .println("Try 'harmonizer " + ex.getCommandLine().getCommandName() + " --help'.");
            return ExitCodes.USAGE;
        });
        return cli;
    }
}
