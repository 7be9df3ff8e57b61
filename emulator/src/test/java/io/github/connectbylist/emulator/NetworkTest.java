package io.github.connectbylist.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.emulator.linux.Commands;
import io.github.connectbylist.emulator.linux.Netns;
import io.github.connectbylist.testbed.LeakCheck;
import io.github.connectbylist.testbed.ThreadCheck;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A network comes up as written and leaves nothing behind: namespaces, devices, files, descriptors. */
class NetworkTest {

  @BeforeEach
  void available() {
    Networks.assumeAvailable();
  }

  @Test
  void aConnectCrossesTheNetworkAndCloseRemovesEveryNamespaceAndFile() throws Exception {
    LeakCheck leaks = LeakCheck.start();
    ThreadCheck threads = ThreadCheck.start();
    List<String> before = Netns.list();
    String client;
    try (Network net = Network.up(Networks.clientServer(List.of()))) {
      client = net.host("client").namespace();
      assertTrue(Netns.list().contains(client));
      assertTrue(Files.exists(Path.of("/etc/netns", client, "hosts")));
      try (var server = Networks.acceptingServer(net.host("server"), 80)) {
        double ms = net.host("client").call(() -> Networks.connectMillis(
            new InetSocketAddress(net.host("server").address(Family.IPV6), 80), 2_000));
        assertTrue(ms < 100, "a connect with no rule takes no time: " + ms + " ms");
      }
      assertTrue(net.count(Fate.FORWARDED) >= 3, "SYN, SYN-ACK, ACK crossed the relay");
    }
    assertEquals(before, Netns.list(), "every namespace of the network is gone");
    assertFalse(Files.exists(Path.of("/etc/netns", client)), "and its name files");
    leaks.assertNoneOpen();
    threads.assertNoneLeft();
  }

  @Test
  void aProgramRunsInAHostWithItsNames() throws Exception {
    try (Network net = Network.up(Networks.clientServer(List.of()))) {
      Process p = net.host("client").command(List.of("cat", "/etc/hosts")).start();
      String hosts = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      assertEquals(0, p.waitFor());
      assertTrue(hosts.contains("2001:db8:1::2 client"), hosts);
      String routes = Commands.run(List.of("ip", "-n", net.host("client").namespace(), "-6", "route", "show"));
      assertTrue(routes.contains("default dev eth0"), routes);
    }
  }

  @Test
  void aNetworkLeftByAProcessThatIsGoneIsRemovedByTheNextUp() throws Exception {
    String stale = Network.PREFIX + "999999999-1-client";
    Netns.create(stale);
    Files.createDirectories(Path.of("/etc/netns", stale));
    try (Network net = Network.up(Networks.clientServer(List.of()))) {
      assertFalse(Netns.list().contains(stale));
      assertFalse(Files.exists(Path.of("/etc/netns", stale)));
    }
  }
}
