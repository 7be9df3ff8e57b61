package io.github.connectbylist.realclients;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A client's program as found on this machine, or the one line that says how to install it: what every client
 * that runs an installed program asks before it runs (is it here, where, which version).
 *
 * @param path where the program is, if installed
 * @param missing the line for a machine without it, naming the install command
 */
record Installed(Optional<Path> path, String missing) {

  /** Empty when installed, else the line that says how to install it. */
  Optional<String> unavailable() {
    return path.isPresent() ? Optional.empty() : Optional.of(missing);
  }

  /** The program, or the install line as an {@link IOException}. */
  Path need() throws IOException {
    return path.orElseThrow(() -> new IOException(missing));
  }

  /** The first line the program prints when run with {@code args}, such as its version. */
  String firstLine(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(need().toString()));
    command.addAll(List.of(args));
    return Programs.firstLine(command);
  }
}
