package io.github.connectbylist.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What an example prints, for the tests to read: examples print as the docs show, to {@code System.out}. */
final class StandardOutput {
  private StandardOutput() {}

  /** Something to run that may throw. */
  interface Action {
    void run() throws Exception;
  }

  /** Runs {@code action} with {@code System.out} captured, and returns what it printed. */
  static String of(Action action) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setOut(original);
    }
    String printed = bytes.toString(StandardCharsets.UTF_8);
    original.print(printed);
    return printed;
  }
}
