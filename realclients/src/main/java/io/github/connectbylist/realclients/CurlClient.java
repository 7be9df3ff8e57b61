package io.github.connectbylist.realclients;

import io.github.connectbylist.emulator.EmulatedHost;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * curl fetching {@code http://NAME:PORT/} with its own Happy Eyeballs (200 ms), as a user runs it: {@code curl
 * -sS -o /dev/null http://NAME:PORT/}. No {@code --max-time}: curl gives each address a share of its overall
 * limit (half of what is left to all but the last, in 7.88), so a limit of ours would change which addresses it
 * tries; its own connect timeout (300 s) stands, and the run is killed at the timeout instead.
 *
 * <p>Its model follows its version: {@code curl-7.88/curl-7.88} (curl 7.88.1, Debian 12's, exact; the nearest
 * model for every curl before 8.16), {@code curl/curl} from curl 8.16 on, whose {@code cf-ip-happy.c} starts
 * a new attempt every 200 ms whichever family.
 */
final class CurlClient implements RealClient {
  private static final Pattern VERSION = Pattern.compile("curl (\\d+)\\.(\\d+)(?:\\.(\\d+))?.*");

  private final Installed program = new Installed(Programs.onPath("curl"),
      "curl is not installed: apt-get install curl");

  @Override
  public String name() {
    return "curl";
  }

  @Override
  public Optional<String> model() {
    try {
      Matcher m = VERSION.matcher(version());
      if (m.matches()) {
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        return Optional.of(major > 8 || major == 8 && minor >= 16 ? "curl/curl" : "curl-7.88/curl-7.88");
      }
    } catch (IOException e) {
      // not installed: the model of the newest curl
    }
    return Optional.of("curl/curl");
  }

  @Override
  public Optional<String> unavailable() {
    return program.unavailable();
  }

  /**
   * The first line of {@code curl --version} up to the platform: {@code curl 7.88.1}.
   *
   * @return the version
   * @throws IOException when curl cannot be asked
   */
  @Override
  public String version() throws IOException {
    String line = program.firstLine("--version");
    int platform = line.indexOf(" (");
    return platform > 0 ? line.substring(0, platform) : line;
  }

  @Override
  public Process start(EmulatedHost host, String name, int port, Duration timeout) throws IOException {
    Programs.check(name, port, timeout);
    return ClientProcess.start(host.command(List.of(need().toString(), "-sS", "-o", "/dev/null",
        Programs.url(name, port))), timeout, Optional.empty());
  }

  private Path need() throws IOException {
    return program.need();
  }

  @Override
  public String toString() {
    return name();
  }
}
