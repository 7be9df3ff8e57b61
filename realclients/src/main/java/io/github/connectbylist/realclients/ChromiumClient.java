package io.github.connectbylist.realclients;

import io.github.connectbylist.emulator.EmulatedHost;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Headless Chromium loading {@code http://NAME:PORT/} once and printing the page ({@code --dump-dom}), then
 * exiting by itself; its own resolver (which reads the host's {@code resolv.conf}) and its own connect path,
 * {@code TransportConnectJob} with its IPv6 fallback (300 ms). Run as:
 *
 * <pre>
 * chromium --headless --disable-gpu --disable-quic --no-first-run --disable-background-networking
 *     --disable-component-update --disable-sync "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE NAME"
 *     --user-data-dir=DIR [--no-sandbox, as root] --dump-dom http://NAME:PORT/
 * </pre>
 *
 * <p>With {@code HOME} and the XDG folders in {@code DIR} too, so that nothing it writes is left anywhere else;
 * {@code DIR} is new for each run and deleted after it. The resolver rule makes every other name fail inside
 * the browser, before any query: the background requests that {@code --disable-background-networking} leaves
 * (the network time, the Google account list, the search engine's eligibility checks) reach neither the
 * network's name server nor any address, while {@code NAME} is resolved as ever. The binary itself is run
 * (Debian's {@code /usr/lib/chromium/chromium}) rather than Debian's wrapper script, which adds flags of its
 * own (remote extensions). The run is killed with all its processes at the timeout.
 */
final class ChromiumClient implements RealClient {
  private final Installed program = new Installed(Programs.find(List.of(Path.of("/usr/lib/chromium/chromium")),
      List.of("chromium", "chromium-browser", "google-chrome-stable", "google-chrome")),
      "chromium is not installed: apt-get install chromium");

  @Override
  public String name() {
    return "chromium";
  }

  @Override
  public Optional<String> model() {
    return Optional.of("chrome/chrome");
  }

  @Override
  public Optional<String> unavailable() {
    return program.unavailable();
  }

  /**
   * {@code chromium --version}: {@code Chromium 150.0.7871.100}.
   *
   * @return the version
   * @throws IOException when Chromium cannot be asked
   */
  @Override
  public String version() throws IOException {
    return program.firstLine("--version");
  }

  /**
   * The command line of one run.
   *
   * @param name the name
   * @param port the port
   * @param dir the run's folder
   * @return the program and its arguments
   * @throws IOException when Chromium is not installed
   */
  List<String> command(String name, int port, Path dir) throws IOException {
    List<String> command = new ArrayList<>(List.of(need().toString(), "--headless", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE " + Programs.bare(name),
        "--user-data-dir=" + dir.resolve("profile")));
    if (Programs.root()) {
      command.add("--no-sandbox"); // its sandbox refuses to run as root
    }
    command.add("--dump-dom");
    command.add(Programs.url(name, port));
    return command;
  }

  @Override
  public Process start(EmulatedHost host, String name, int port, Duration timeout) throws IOException {
    Programs.check(name, port, timeout);
    Path dir = Programs.tempDir("connectbylist-chromium-");
    ProcessBuilder builder;
    try {
      builder = host.command(command(name, port, dir));
      Programs.home(builder.environment(), dir);
    } catch (IOException | RuntimeException e) {
      Programs.deleteTree(dir);
      throw e;
    }
    return ClientProcess.start(builder, timeout, Optional.of(dir));
  }

  private Path need() throws IOException {
    return program.need();
  }

  @Override
  public String toString() {
    return name();
  }
}
