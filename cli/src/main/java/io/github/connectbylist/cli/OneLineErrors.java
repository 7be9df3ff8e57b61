package io.github.connectbylist.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns what goes wrong into one line on standard error: {@code connectbylist connect: '0.0.0.0:80' is the
 * unspecified address ...}. Bad input (a malformed argument, a missing file, JSON that does not parse) exits
 * with 2, anything else with 1; {@code --verbose} adds the stack trace.
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
    print(command, "failed: " + e, e);
    return 1;
  }

  private void print(CommandLine command, String line, Exception e) {
    PrintWriter err = command.getErr();
    err.println(command.getCommandSpec().qualifiedName() + ": " + line.replace('\n', ' '));
    if (main.verbose) {
      e.printStackTrace(err);
    }
    err.flush();
  }
}
