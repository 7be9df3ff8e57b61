package io.github.connectbylist.examples;

// snippet:start https
import io.github.connectbylist.api.ServiceBinding;
// snippet:end https
import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.Connection;
import java.io.IOException;

/** A connect that asks for the service's HTTPS record (RFC 9460) and races what it says. */
final class ServiceRecords {
  private ServiceRecords() {}

  /**
   * Connects to {@code host} as an HTTPS origin on {@code port} and closes.
   *
   * @param resolver {@code "dns"} in an application; the tests name the testbed's DNS server on loopback
   */
  static void connect(String resolver, String host, int port) throws IOException {
    // snippet:start https
    try (ConnectByList cbl = ConnectByList.builder()
            .resolver(resolver)                                  // "dns": only it answers service records
            .service("https")                                    // or per call: ConnectRequest.to(host, port).service("https")
            .build();
         Connection c = cbl.connect(host, port)) {
      c.service();        // Optional<ServiceBinding>: the record the winner came from (priority, target, port, hints)
      c.alpn();           // [h2, http/1.1]: the protocols to offer in the TLS handshake, in the server's order
      c.service().map(ServiceBinding::ech);  // the ECHConfigList to send, when the record has one
      c.remoteAddress();  // the record's port when it moved the service
      c.answers();        // HTTPS, AAAA and A answers, and the targets' answers, each with its time
    }
    // snippet:end https
  }
}
