package io.github.connectbylist.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.ConnectFailedException;
import io.github.connectbylist.Connection;
import io.github.connectbylist.api.FailureKind;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Loopback is private: the first two policies deny it before a socket opens, the third lets it through. */
class DestinationPoliciesTest {

  @Test
  void loopbackIsDeniedByTheFirstTwoAndAllowedByTheThird() throws Exception {
    try (Loopback loopback = new Loopback()) {
      InetSocketAddress good = loopback.testbed.accepting("127.0.0.1").address();
      DestinationPolicies policies = DestinationPolicies.builders();
      for (ConnectByList.Builder denying : List.of(policies.publicOnly(), policies.publicAndOneSubnet())) {
        try (ConnectByList cbl = denying.build()) {
          ConnectFailedException e = assertThrows(ConnectFailedException.class, () -> cbl.connect(List.of(good)));
          assertEquals(FailureKind.DENIED, e.kind(), e.getMessage());
        }
      }
      try (ConnectByList cbl = policies.allButOneRange().build(); Connection c = cbl.connect(List.of(good))) {
        assertEquals(good, c.remoteAddress());
      }
    }
  }
}
