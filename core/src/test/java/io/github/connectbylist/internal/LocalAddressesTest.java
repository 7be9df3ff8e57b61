package io.github.connectbylist.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.api.LocalAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalAddressesTest {

  @Test
  void readsTheFlagsOfProcNetIfInet6() throws Exception {
    Path file = Files.createTempFile("if_inet6", "");
    try {
      Files.writeString(file, String.join("\n",
          "fd000000000000000000000000000002 04 40 00 82     eth0",
          "20010db8000000000000000000000021 04 40 00 21     eth0",
          "00000000000000000000000000000001 01 80 10 80       lo",
          "garbage"));
      Map<String, Integer> flags = LocalAddresses.readIfInet6(file);
      assertEquals(3, flags.size());
      assertEquals(0x21, flags.get("20010db8000000000000000000000021"));
      assertEquals(Set.of(LocalAddress.Flag.TEMPORARY, LocalAddress.Flag.DEPRECATED), LocalAddresses.flagsOf(0x21));
      assertEquals(Set.of(LocalAddress.Flag.HOME), LocalAddresses.flagsOf(0x10));
      assertEquals(Set.of(), LocalAddresses.flagsOf(0x80));
    } finally {
      Files.delete(file);
    }
  }

  @Test
  void aMissingFileMeansNoFlags(@TempDir Path dir) {
    assertEquals(Map.of(), LocalAddresses.readIfInet6(dir.resolve("absent")));
  }

  @Test
  void thisHostHasItsLoopbackAddress() {
    List<LocalAddress> addresses = LocalAddresses.current();
    assertTrue(addresses.stream().anyMatch(a -> a.address().isLoopbackAddress()), addresses.toString());
    assertFalse(addresses.stream().anyMatch(a -> a.interfaceName().isEmpty()));
    assertTrue(addresses == LocalAddresses.current(), "cached");
  }
}
