package io.github.connectbylist.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns what goes wrong into one line on standard error: {@code connectbylist connect: '0.0.0.0:80' is the
 * unspecified address ...}. Bad input (a malformed argument, a value out of its range, a missing file, JSON
 * that does not parse) exits with 2, anything else with 1, never with an exception's name for bad input;
 * {@code --verbose} adds the stack trace.
 */
final class OneLineErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {
  private final Main main;

  OneLineErrors(Main main) {
    this.main = main;
  }

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    print(command, e.getMessage() + " (see '" + command.getCommandSpec().qualifiedName() + " --help')", e);
    return 2;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
    if (e instanceof BadInput) {
      print(command, e.getMessage(), e);
      return 2;
    }
    print(command, "failed: " + describe(e), e);
    return 1;
  }

  /**
   * An {@link Error} that escaped a command (picocli passes only exceptions to the handlers): one line, exit
   * status 1. Bad input never gets here (every input is bounded before it is used); this is the net under
   * that, so that not even an {@link OutOfMemoryError} reaches the user as a JVM stack trace.
   */
  int handleError(Error e, PrintWriter err) {
    String line = e instanceof OutOfMemoryError
        ? "out of memory: the Java heap's limit is " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB; give "
            + "the JVM more with -Xmx, or ask for less"
        : "failed: internal error: " + describe(e) + " (--verbose prints the stack trace)";
    err.println("connectbylist: " + oneLine(line));
    if (main.verbose) {
      e.printStackTrace(err);
    }
    err.flush();
    return 1;
  }

  /** What went wrong in words: the message, or the kind of problem when there is none. */
  static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  private void print(CommandLine command, String line, Exception e) {
    PrintWriter err = command.getErr();
    err.println(command.getCommandSpec().qualifiedName() + ": " + oneLine(line));
    if (main.verbose) {
      e.printStackTrace(err);
    }
    err.flush();
  }

  /**
   * The line as one line that cannot drive the terminal: line breaks and tabs become spaces, other control
   * characters (an escape sequence in a file name) question marks.
   */
  static String oneLine(String line) {
    StringBuilder s = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      s.append(c == '\n' || c == '\r' || c == '\t' ? ' ' : Character.isISOControl(c) ? '?' : c);
    }
    return s.toString();
  }
}
