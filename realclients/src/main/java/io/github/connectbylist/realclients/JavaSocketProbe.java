package io.github.connectbylist.realclients;

import io.github.connectbylist.api.Addresses;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

/**
 * The plain-JDK client's program, run in a JVM of its own in the client host: a {@code java.net.Socket}
 * connect to each address of {@code InetAddress.getAllByName(NAME)} in turn, no timeout, until one connects.
 * Prints {@code connected ADDRESS} and exits with 0, or {@code failed ...} and exits with 1.
 */
final class JavaSocketProbe {
  private JavaSocketProbe() {}

  /**
   * Connects once.
   *
   * @param args the name and the port
   */
  public static void main(String[] args) {
    int port = Integer.parseInt(args[1]);
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(args[0]);
    } catch (IOException e) {
      System.out.println("failed " + e);
      System.exit(1);
      return;
    }
    for (InetAddress a : addresses) {
      boolean connected = false;
      try (Socket s = new Socket(a, port)) {
        System.out.println("connected " + Addresses.text(s.getInetAddress()));
        connected = true;
      } catch (IOException e) {
        System.out.println("failed " + Addresses.text(a) + ": " + e.getMessage());
      }
      if (connected) {
        System.exit(0);
      }
    }
    System.exit(1);
  }
}
