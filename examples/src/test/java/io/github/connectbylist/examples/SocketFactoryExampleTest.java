package io.github.connectbylist.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.HashMap;
import io.github.connectbylist.testbed.Testbed;
import java.util.Map;
import javax.net.SocketFactory;
import org.junit.jupiter.api.Test;

/** By instance, a socket connected through the race; by class name, the factory a JNDI client would make. */
class SocketFactoryExampleTest {

  private final Map<String, Object> env = new HashMap<>();

  @Test
  void byInstance() throws Exception {
    try (Loopback loopback = new Loopback()) {
      InetSocketAddress good = loopback.testbed.accepting("127.0.0.1").address();
      try (SocketFactoryExample connected = SocketFactoryExample.connect("127.0.0.1", good.getPort(), env)) {
        assertTrue(connected.socket().isConnected());
        assertEquals(good, connected.socket().getRemoteSocketAddress());
      }
    }
  }

  /**
   * What the JDK's LDAP client does with the class name: its static {@code getDefault()}, then {@code createSocket}.
   * That default factory's instance lives as long as the process, as it would in an application, so this case has
   * no leak check.
   */
  @Test
  void byClassName() throws Exception {
    try (Testbed testbed = new Testbed()) {
      InetSocketAddress good = testbed.accepting("127.0.0.1").address();
      SocketFactoryExample.connect("127.0.0.1", good.getPort(), env).close();
      Class<?> named = Class.forName((String) env.get("java.naming.ldap.factory.socket"));
      SocketFactory factory = (SocketFactory) named.getMethod("getDefault").invoke(null);
      try (Socket s = factory.createSocket("127.0.0.1", good.getPort())) {
        assertEquals(good, s.getRemoteSocketAddress());
      }
    }
  }
}
