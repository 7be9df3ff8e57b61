package io.github.connectbylist.cli;

/**
 * Input the command cannot use, said in one line that names it and what is wrong with it. The command line
 * prints the message alone (the stack trace only with {@code --verbose}) and exits with status 2.
 */
final class BadInput extends RuntimeException {
  BadInput(String message, Throwable cause) {
    super(message, cause);
  }

  BadInput(String message) {
    super(message);
  }
}
