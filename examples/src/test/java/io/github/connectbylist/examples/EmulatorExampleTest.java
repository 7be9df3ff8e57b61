package io.github.connectbylist.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.connectbylist.emulator.Family;
import io.github.connectbylist.emulator.Network;
import io.github.connectbylist.emulator.capture.PacketLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The emulator example on the README's network: curl's SYNs and DNS cross it, the pcap holds them. Skipped, with
 * the reason, where emulated networks cannot run (not root, no /dev/net/tun), as the emulator's own tests are.
 */
class EmulatorExampleTest {

  @Test
  void curlFetchesThePageAcrossTheEmulatedNetwork() throws Exception {
    Optional<String> why = Network.unavailable();
    assumeTrue(why.isEmpty(), () -> "skipped: " + why.orElse(""));
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "skipped: curl is not installed");
    Path pcap = Files.createTempFile("examples", ".pcap");
    try {
      PacketLog log = EmulatorExample.run(Path.of("..", "docs", "networks", "dual-stack-slow-ipv6.json"), pcap);
      assertTrue(log.firstSyn(Family.IPV4, 80).isPresent(), log.summary());
      assertTrue(log.dnsAnswers().size() >= 2, "AAAA and A answered: " + log.summary());
      assertTrue(PacketLog.read(pcap).firstSyn(Family.IPV4, 80).isPresent(), "the pcap file holds it too");
    } finally {
      Files.deleteIfExists(pcap);
    }
  }
}
