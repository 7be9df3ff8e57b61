package io.github.connectbylist.realclients;

import io.github.connectbylist.emulator.EmulatedHost;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Node.js connecting with {@code net.connect({host, port})} and its defaults: since Node 20, {@code
 * autoSelectFamily} is on, each attempt but the last aborted after {@code autoSelectFamilyAttemptTimeout} (250
 * ms), families alternating from the first address {@code dns.lookup} gives. Run as {@code node -e SCRIPT NAME
 * PORT}; it prints {@code connected ADDRESS} and closes, or the error and exits with 1. Node has no connect
 * timeout of its own: the run is killed at the timeout. An older Node (18, Debian 12's {@code nodejs}) does not
 * select a family by default, so it is reported unavailable rather than measured as something else.
 */
final class NodeClient implements RealClient {
  /** The first Node whose {@code net.connect} selects a family by default. */
  static final int FIRST_MAJOR = 20;
  /** The program: one {@code net.connect}, nothing tuned. */
  static final String SCRIPT = String.join("\n",
      "const net = require('net');",
      "const socket = net.connect({host: process.argv[1], port: Number(process.argv[2])});",
      "socket.on('connect', () => { console.log('connected ' + socket.remoteAddress); socket.destroy(); });",
      "socket.on('error', (e) => { console.log('failed ' + e.message); process.exitCode = 1; });");

  private final Installed program = new Installed(Programs.onPath("node"), "node is not installed: install "
      + "Node.js 20 or later (apt-get install nodejs gives 20 only from Debian 13 or NodeSource)");

  @Override
  public String name() {
    return "node";
  }

  @Override
  public Optional<String> model() {
    return Optional.of("node/node");
  }

  @Override
  public Optional<String> unavailable() {
    if (program.unavailable().isPresent()) {
      return program.unavailable();
    }
    String version;
    try {
      version = program.firstLine("--version");
    } catch (IOException e) {
      return Optional.of("node cannot run: " + e.getMessage());
    }
    if (major(version) < FIRST_MAJOR) {
      return Optional.of("node " + version + " does not select a family by default (Node " + FIRST_MAJOR
          + " does): install Node.js " + FIRST_MAJOR + " or later");
    }
    return Optional.empty();
  }

  /**
   * The major version of what {@code node --version} prints.
   *
   * @param version such as {@code v20.1.0}
   * @return such as 20; 0 when it is not a version
   */
  static int major(String version) {
    String v = version.startsWith("v") ? version.substring(1) : version;
    int dot = v.indexOf('.');
    try {
      return Integer.parseInt(dot < 0 ? v : v.substring(0, dot));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * {@code node --version} after the name: {@code Node.js v20.20.2}.
   *
   * @return the version
   * @throws IOException when node cannot be asked
   */
  @Override
  public String version() throws IOException {
    return "Node.js " + program.firstLine("--version");
  }

  @Override
  public Process start(EmulatedHost host, String name, int port, Duration timeout) throws IOException {
    Programs.check(name, port, timeout);
    return ClientProcess.start(host.command(List.of(need().toString(), "-e", SCRIPT, Programs.bare(name),
        Integer.toString(port))), timeout, Optional.empty());
  }

  private Path need() throws IOException {
    return program.need();
  }

  @Override
  public String toString() {
    return name();
  }
}
