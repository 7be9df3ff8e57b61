/** Loopback endpoints that accept, refuse or black-hole connects, for tests, benchmarks and demos. */
module io.github.connectbylist.testbed {
  exports io.github.connectbylist.testbed;
}
