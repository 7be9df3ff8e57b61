package io.github.connectbylist.examples;

// snippet:start emulator
import io.github.connectbylist.emulator.Action;
import io.github.connectbylist.emulator.Family;
import io.github.connectbylist.emulator.Network;
import io.github.connectbylist.emulator.PathRule;
import io.github.connectbylist.emulator.TopologyFile;
import io.github.connectbylist.emulator.capture.PacketLog;
// snippet:end emulator
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** An emulated network on this machine's kernel, a real curl in one of its hosts, and a rule changed while it runs. */
final class EmulatorExample {
  private EmulatorExample() {}

  /**
   * Brings up {@code topology} (such as {@code docs/networks/dual-stack-slow-ipv6.json}), fetches its server's
   * page with curl, then breaks IPv6; every packet goes to {@code pcap}. Needs root and network namespaces.
   *
   * @return the packet log at the end
   */
  @SuppressWarnings("try") // http is there to be closed
  static PacketLog run(Path topology, Path pcap) throws Exception {
    // snippet:start emulator
    try (Network net = Network.up(TopologyFile.read(topology),
            new Network.Options(Optional.of(pcap), 1));
         AutoCloseable http = net.host("server").serveHttp(80)) {
      Process curl = net.host("client").command(List.of("curl", "-sS", "-o", "/dev/null", "http://dual.test/"))
          .inheritIO().start();                                  // curl prints only its errors
      curl.waitFor();
      net.rule(PathRule.named("ipv6").family(Family.IPV6).action(Action.DROP));  // IPv6 breaks, from now on
      PacketLog log = net.packetLog();        // first SYN per family, DNS times; net.summary() for one screen
      return log;
    }
    // snippet:end emulator
  }
}
