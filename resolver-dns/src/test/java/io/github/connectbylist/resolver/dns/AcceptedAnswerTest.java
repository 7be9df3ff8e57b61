package io.github.connectbylist.resolver.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** RFC 1034 section 3.6.2: only the records the query name leads to are used. */
class AcceptedAnswerTest {

  private static Name name(String text) {
    try {
      return Name.fromString(text + ".");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InetAddress ip(String literal) {
    return AddressLiteral.parse(literal);
  }

  private static Message answer(Record... records) {
    Message m = new Message(1);
    m.addRecord(Record.newRecord(name("x.test"), Type.A, DClass.IN), Section.QUESTION);
    for (Record r : records) {
      m.addRecord(r, Section.ANSWER);
    }
    return m;
  }

  private static List<String> literals(AcceptedAnswer a) {
    return a.values().stream().map(v -> ((InetAddress) v).getHostAddress()).toList();
  }

  @Test
  void onlyRecordsOfTheQueryNameCount() throws IOException {
    AcceptedAnswer a = AcceptedAnswer.of(answer(
        new ARecord(name("x.test"), DClass.IN, 60, ip("127.0.0.1")),
        new ARecord(name("evil.test"), DClass.IN, 60, ip("127.0.0.66")),
        new ARecord(name("X.TEST"), DClass.IN, 30, ip("127.0.0.2")),
        new ARecord(name("x.test"), DClass.IN, 60, ip("127.0.0.1")),
        new AAAARecord(name("x.test"), DClass.IN, 60, ip("::1")),
        new ARecord(name("x.test"), DClass.CH, 60, ip("127.0.0.67"))), name("x.test"), Type.A);
    assertEquals(List.of("127.0.0.1", "127.0.0.2"), literals(a), "owner, type and class; no repeats");
    assertEquals(30, a.ttlSeconds());
  }

  @Test
  void theChainIsFollowedWhateverTheOrderOfItsRecords() throws IOException {
    AcceptedAnswer a = AcceptedAnswer.of(answer(
        new ARecord(name("z.test"), DClass.IN, 60, ip("127.0.0.3")),
        new ARecord(name("y.test"), DClass.IN, 60, ip("127.0.0.66")),
        new CNAMERecord(name("y.test"), DClass.IN, 20, name("z.test")),
        new CNAMERecord(name("x.test"), DClass.IN, 60, name("Y.test"))), name("x.test"), Type.A);
    assertEquals(List.of("127.0.0.3"), literals(a), "the last name's records only");
    assertEquals(20, a.ttlSeconds(), "the smallest TTL, CNAMEs included");
    assertEquals(name("z.test"), a.canonicalName());
  }

  @Test
  void aHighBitTtlCountsAsZero() throws IOException {
    Message m = answer(new ARecord(name("x.test"), DClass.IN, 60, ip("127.0.0.1")));
    byte[] wire = m.toWire();
    wire[wire.length - 10] = (byte) 0x80; // the TTL's first byte: 4 TTL, 2 rdlength, 4 rdata from the end
    assertEquals(0, AcceptedAnswer.of(new Message(wire), name("x.test"), Type.A).ttlSeconds());
  }

  @Test
  void loopsForksAndLongChainsAreRefused() {
    IOException loop = assertThrows(IOException.class, () -> AcceptedAnswer.of(answer(
        new CNAMERecord(name("x.test"), DClass.IN, 60, name("y.test")),
        new CNAMERecord(name("y.test"), DClass.IN, 60, name("X.test"))), name("x.test"), Type.A));
    assertTrue(loop.getMessage().contains("loop"), loop.getMessage());
    IOException fork = assertThrows(IOException.class, () -> AcceptedAnswer.of(answer(
        new CNAMERecord(name("x.test"), DClass.IN, 60, name("y.test")),
        new CNAMERecord(name("x.test"), DClass.IN, 60, name("z.test"))), name("x.test"), Type.A));
    assertTrue(fork.getMessage().contains("two CNAMEs"), fork.getMessage());
    Record[] chain = new Record[AcceptedAnswer.MAX_CNAMES + 1];
    for (int i = 0; i < chain.length; i++) {
      Name owner = name(i == 0 ? "x.test" : "c" + i + ".test");
      chain[i] = new CNAMERecord(owner, DClass.IN, 60, name("c" + (i + 1) + ".test"));
    }
    assertThrows(IOException.class, () -> AcceptedAnswer.of(answer(chain), name("x.test"), Type.A));
    Record[] longest = java.util.Arrays.copyOf(chain, AcceptedAnswer.MAX_CNAMES);
    assertEquals(List.of(), assertDoesNotThrowOf(longest).values(), "16 links: followed, to nothing");
  }

  private static AcceptedAnswer assertDoesNotThrowOf(Record[] records) {
    try {
      return AcceptedAnswer.of(answer(records), name("x.test"), Type.A);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void serviceRecordsAreFoundThroughACnameAndOnlyForTheChainsLastName() throws IOException {
    AcceptedAnswer a = AcceptedAnswer.of(answer(
        new org.xbill.DNS.CNAMERecord(name("x.test"), DClass.IN, 60, name("cdn.test")),
        new org.xbill.DNS.HTTPSRecord(name("cdn.test"), DClass.IN, 40, 1, name("pool.test"), List.of()),
        new org.xbill.DNS.HTTPSRecord(name("evil.test"), DClass.IN, 60, 1, name("evil.test"), List.of())),
        name("x.test"), Type.HTTPS);
    assertEquals(1, a.values().size(), "RFC 9460 section 2.4.2: CNAMEs are followed as usual; other owners ignored");
    ServiceRecords.Record r = (ServiceRecords.Record) a.values().get(0);
    assertEquals("pool.test", r.binding().target());
    assertEquals(40, a.ttlSeconds());
  }
}
