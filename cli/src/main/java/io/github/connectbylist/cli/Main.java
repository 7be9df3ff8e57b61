package io.github.connectbylist.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code connectbylist} command: connect, demo, emulate, experiment, strategies. */
@Command(
    name = "connectbylist",
    mixinStandardHelpOptions = true,
    version = "connectbylist 0.1.0-SNAPSHOT",
    description = "Connect to the best one of many addresses, with a strategy chosen at run time.",
    subcommands = {ConnectCommand.class, DemoCommand.class, EmulateCommand.class, ExperimentCommand.class,
        StrategiesCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
      description = "print the stack trace of an error, not just its line")
  boolean verbose;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code; tests call this instead of {@link #main}. */
  public static int run(String... args) {
    return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs the command line with its output and errors going to the given writers. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    Main main = new Main();
    OneLineErrors errors = new OneLineErrors(main);
    try {
      return new CommandLine(main).setOut(out).setErr(err).setParameterExceptionHandler(errors)
          .setExecutionExceptionHandler(errors).execute(args);
    } catch (Error e) { // picocli hands its handlers exceptions only; an Error would reach the user as a trace
      return errors.handleError(e, err);
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
