package io.github.connectbylist.realclients;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.connectbylist.emulator.Network;
import io.github.connectbylist.emulator.Topology;
import io.github.connectbylist.emulator.TopologyFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/** What the tests share: the skip where no network can run, the topology files, DNS names from captured bytes. */
final class Networks {
  private Networks() {}

  /** Skips the test, saying why, where an emulated network cannot run (not root, no /dev/net/tun). */
  static void assumeAvailable() {
    Optional<String> why = Network.unavailable();
    assumeTrue(why.isEmpty(), () -> "skipped: " + why.orElse(""));
  }

  /** A topology file under docs/networks. */
  static Topology file(String name) throws IOException {
    return TopologyFile.read(Path.of("..", "docs", "networks", name));
  }

  /**
   * The question of a DNS message over UDP in a captured IP packet, as {@code query NAME TYPE} or {@code
   * answer NAME TYPE}; empty for any other packet.
   */
  static Optional<String> dnsQuestion(byte[] b) {
    if (b.length < 1) {
      return Optional.empty();
    }
    int version = (b[0] >> 4) & 0xf;
    int header;
    int protocol;
    if (version == 4 && b.length >= 20) {
      header = (b[0] & 0xf) * 4;
      protocol = b[9] & 0xff;
    } else if (version == 6 && b.length >= 40) {
      header = 40;
      protocol = b[6] & 0xff;
    } else {
      return Optional.empty();
    }
    if (protocol != 17 || b.length < header + 8 + 12) {
      return Optional.empty();
    }
    int sourcePort = (b[header] & 0xff) << 8 | b[header + 1] & 0xff;
    int destinationPort = (b[header + 2] & 0xff) << 8 | b[header + 3] & 0xff;
    if (sourcePort != 53 && destinationPort != 53) {
      return Optional.empty();
    }
    int at = header + 8 + 12;
    StringBuilder name = new StringBuilder();
    while (at < b.length && b[at] != 0) {
      int length = b[at] & 0xff;
      if (length > 63 || at + 1 + length > b.length) {
        return Optional.empty();
      }
      name.append(new String(b, at + 1, length, StandardCharsets.US_ASCII)).append('.');
      at += 1 + length;
    }
    if (at + 2 >= b.length) {
      return Optional.empty();
    }
    int type = (b[at + 1] & 0xff) << 8 | b[at + 2] & 0xff;
    String typeName = switch (type) {
      case 1 -> "A";
      case 28 -> "AAAA";
      case 65 -> "HTTPS";
      default -> "TYPE" + type;
    };
    return Optional.of((sourcePort == 53 ? "answer " : "query ") + name + " " + typeName);
  }
}
