package io.github.connectbylist.resolver.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hosts and resolv.conf lines are split where glibc splits them (isspace: ' ', \t, \n, \v, \f, \r): a name
 * with another control character inside is one field, not a valid name, and skipped.
 */
class FieldsTest {

  @Test
  void aControlCharacterInsideANameDoesNotMakeTwoNames() {
    Map<String, HostsFile.Entry> names = HostsFile.parse(List.of("127.0.0.1 bad\u0001name.test", "127.0.0.2 a\u001bb.test"));
    assertFalse(names.containsKey("name.test"), names.toString());
    assertFalse(names.containsKey("b.test"), names.toString());
    assertFalse(names.containsKey("bad"), names.toString());
  }

  @Test
  void aControlCharacterAfterTheServerDoesNotMakeItValid() {
    assertEquals(List.of(), SystemServers.fromResolvConf(List.of("nameserver 127.0.0.9\u0001x")).stream()
        .map(InetSocketAddress::toString).filter(s -> s.contains("127.0.0.9")).toList());
  }

  @Test
  void blanksAsGlibcHasThemSplitAndNeverMakeEmptyFields() {
    assertEquals(List.of("127.0.0.1", "a.test", "b"), Fields.of(" \t127.0.0.1\ta.test \u000b\f b\r"));
    assertEquals(List.of(), Fields.of(" \t "));
    assertEquals(List.of("x\u0001y"), Fields.of("x\u0001y"));
  }
}
