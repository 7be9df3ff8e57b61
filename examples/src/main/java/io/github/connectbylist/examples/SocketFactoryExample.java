package io.github.connectbylist.examples;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.ConnectByListSocketFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import javax.net.SocketFactory;

/**
 * ConnectByList behind {@code javax.net.SocketFactory}, for the blocking clients that take one. Closing it
 * closes the socket and the instance.
 *
 * @param socket connected, every address of the name raced
 * @param cbl the instance behind the factory
 */
record SocketFactoryExample(Socket socket, ConnectByList cbl) implements AutoCloseable {

  /**
   * Connects to {@code host} through a factory, and names the factory class in {@code env}, the environment of
   * a JNDI LDAP client.
   */
  static SocketFactoryExample connect(String host, int port, Map<String, Object> env) throws IOException {
    // snippet:start socket-factory
    ConnectByList cbl = ConnectByList.builder().build();                                     // close it when done
    SocketFactory f = new ConnectByListSocketFactory(cbl);                                     // by instance
    env.put("java.naming.ldap.factory.socket", ConnectByListSocketFactory.class.getName());   // by class name
    // snippet:end socket-factory
    Socket socket = f.createSocket();
    try {
      socket.connect(InetSocketAddress.createUnresolved(host, port), 10_000);
      return new SocketFactoryExample(socket, cbl);
    } catch (IOException | RuntimeException e) {
      socket.close();
      cbl.close();
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      socket.close();
    } finally {
      cbl.close();
    }
  }
}
