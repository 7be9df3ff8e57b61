package io.github.connectbylist.cli;

import io.github.connectbylist.api.TextFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The directory of {@code experiment --out DIR}, checked before the experiment runs, so that a path that cannot
 * be a directory ({@code --out EXISTING_FILE}, {@code --out /proc/nope/x}) is bad input in one line and exit
 * status 2 at once, not a Java exception's name after the run.
 */
final class ReportDirectory {
  private ReportDirectory() {}

  /** What writes the report: {@link io.github.connectbylist.lab.ResultsWriter}'s methods. */
  interface Writer {
    Path write() throws IOException;
  }

  /**
   * Creates the directory when it is missing.
   *
   * @throws BadInput naming the option and the path when it is not a directory or cannot be created
   */
  static void prepare(Path out) {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new BadInput("--out " + out + ": is a file, not a directory");
    }
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new BadInput("--out " + out + ": cannot create the directory: " + TextFiles.problem(out, e), e);
    }
    if (!Files.isWritable(out)) {
      throw new BadInput("--out " + out + ": the directory is not writable");
    }
  }

  /**
   * Writes the report.
   *
   * @return the report's path
   * @throws UncheckedIOException in words (the disk is full, ...), not an exception's name
   */
  static Path written(Path out, Writer writer) {
    try {
      return writer.write();
    } catch (IOException e) {
      throw new UncheckedIOException("--out " + out + ": cannot write the report: " + TextFiles.problem(out, e), e);
    }
  }
}
