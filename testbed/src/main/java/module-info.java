/**
 * Loopback endpoints that accept, refuse or black-hole connects, and a DNS server on loopback (UDP and TCP)
 * whose answers can be delayed, dropped, empty, failed or hostile, for tests, benchmarks and demos.
 */
module io.github.connectbylist.testbed {
  requires org.dnsjava;

  exports io.github.connectbylist.testbed;
}
