package io.github.connectbylist.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The query name and type of an origin: RFC 9460 sections 2.3, 9.1 and 9.5. */
class OriginTest {

  @Test
  void httpsOnItsDefaultPortAsksTheHostItself() {
    assertEquals("example.test", new Origin("https", "example.test", 443).queryName());
    assertEquals(Query.HTTPS, new Origin("https", "example.test", 443).query());
  }

  @Test
  void anotherPortIsAPortPrefix() {
    assertEquals("_8443._https.example.test", new Origin("https", "example.test.", 8443).queryName());
  }

  @Test
  void httpIsAskedAsTheHttpsItWouldBecome() {
    assertEquals("example.test", new Origin("http", "example.test", 80).queryName(), "port 80 is https's 443");
    assertEquals("_8080._https.example.test", new Origin("HTTP", "example.test", 8080).queryName());
    assertEquals(Query.HTTPS, new Origin("http", "example.test", 80).query(), "never SVCB for http (section 9)");
  }

  @Test
  void otherSchemesUseSvcbWithTheirPortAndScheme() {
    Origin dns = new Origin("dns", "resolver.test", 853);
    assertEquals("_853._dns.resolver.test", dns.queryName());
    assertEquals(Query.SVCB, dns.query());
  }

  @Test
  void badSchemesAndPortsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Origin("1http", "h", 443));
    assertThrows(IllegalArgumentException.class, () -> new Origin("https", "h", 0));
  }
}
