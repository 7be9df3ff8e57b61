package io.github.connectbylist.cli;

import io.github.connectbylist.emulator.EmulatedHost;
import io.github.connectbylist.emulator.Network;
import io.github.connectbylist.emulator.Topology;
import io.github.connectbylist.emulator.TopologyFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code emulate FILE [--pcap OUT] [--host NAME] [--serve HOST:PORT] -- COMMAND...}: brings up an emulated
 * network, runs a command in one of its hosts with that host's names, prints what crossed the network, tears
 * it all down, and exits with the command's status. {@code emulate FILE --print} shows the network as it would
 * be built.
 */
@Command(name = "emulate", mixinStandardHelpOptions = true,
    description = {"Run a command in a host of an emulated network (network namespaces on this kernel, links "
        + "through a relay with per-path delay, loss and black holes), then print the packets that crossed it: "
        + "SYNs per family with their times, DNS, what was dropped. Needs root and /dev/net/tun.",
        "Exits with the command's status. Example: emulate docs/networks/dual-stack-slow-ipv6.json --serve "
            + "server:80 -- curl http://dual.test/"})
final class EmulateCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the network: a topology file (docs/networks/)")
  private Path file;

  @Parameters(index = "1..*", paramLabel = "COMMAND", description = "the program to run in the host, and its "
      + "arguments (after --)")
  private List<String> command = new ArrayList<>();

  @Option(names = "--host", paramLabel = "NAME", description = "the host to run it in (default: the first)")
  private String host;

  @Option(names = "--pcap", paramLabel = "OUT", description = "write every packet there (tcpdump -r and Wireshark "
      + "read it)")
  private Path pcap;

  @Option(names = "--serve", paramLabel = "HOST:PORT", description = "serve HTTP ('hello from HOST') on that host's "
      + "port, every address; repeatable")
  private List<String> serve = new ArrayList<>();

  @Option(names = "--print", description = "print the network as it would be built, and build nothing")
  private boolean print;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Topology topology;
    try {
      topology = TopologyFile.read(file);
    } catch (IOException | IllegalArgumentException e) {
      throw new BadInput(e.getMessage(), e);
    }
    if (print) {
      out.print(TopologyFile.print(topology));
      out.flush();
      return 0;
    }
    if (command.isEmpty()) {
      throw new BadInput("give the command to run after --, or --print to see the network");
    }
    String where = host != null ? host : topology.hosts().get(0).name();
    try {
      topology.host(where);
    } catch (IllegalArgumentException e) {
      throw new BadInput(e.getMessage(), e);
    }
    List<String[]> servers = new ArrayList<>();
    for (String s : serve) {
      int colon = s.lastIndexOf(':');
      if (colon < 0) {
        throw new BadInput("--serve " + s + ": give HOST:PORT, such as server:80");
      }
      int port = (int) WholeOption.read("--serve " + s.substring(0, colon) + ":", s.substring(colon + 1), 1, 65_535);
      try {
        topology.host(s.substring(0, colon));
      } catch (IllegalArgumentException e) {
        throw new BadInput("--serve " + s + ": " + e.getMessage(), e);
      }
      servers.add(new String[] {s.substring(0, colon), Integer.toString(port)});
    }
    Optional<String> unavailable = Network.unavailable();
    if (unavailable.isPresent()) {
      throw new IOException("cannot emulate here: " + unavailable.get());
    }
    int status;
    try (Network net = Network.up(topology, new Network.Options(Optional.ofNullable(pcap), 1))) {
      List<AutoCloseable> running = new ArrayList<>();
      try {
        for (String[] s : servers) {
          running.add(net.host(s[0]).serveHttp(Integer.parseInt(s[1])));
        }
        EmulatedHost h = net.host(where);
        out.flush();
        Process p = h.command(command).inheritIO().start();
        status = p.waitFor();
      } finally {
        for (AutoCloseable r : running) {
          r.close();
        }
      }
      out.println();
      out.println("emulated network " + topology.name() + ": '" + String.join(" ", command) + "' ran in " + where
          + " and exited with " + status);
      out.print(net.summary());
    }
    if (pcap != null) {
      out.println("pcap: " + pcap + " (tcpdump -nn -r " + pcap + ", or Wireshark)");
    }
    out.flush();
    return status;
  }
}
