package io.github.connectbylist.benchmarks;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.testbed.Testbed;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** One accepting testbed endpoint and a default ConnectByList, shared by the benchmarks that connect to it. */
@State(Scope.Benchmark)
public class GoodLoopbackEndpoint {
  Testbed testbed;
  InetSocketAddress address;
  List<InetSocketAddress> addresses;
  ConnectByList cbl;

  @Setup
  public void setUp() throws IOException {
    testbed = new Testbed();
    address = testbed.accepting("127.0.0.1").address();
    addresses = List.of(address);
    cbl = ConnectByList.builder().build();
  }

  @TearDown
  public void tearDown() {
    cbl.close();
    testbed.close();
  }
}
