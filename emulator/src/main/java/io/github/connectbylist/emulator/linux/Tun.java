package io.github.connectbylist.emulator.linux;

import com.sun.jna.Memory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A TUN device made inside a namespace: the kernel of that namespace sees an interface, and every IP packet it
 * sends there is read from our descriptor, every packet we write is received on it. No link header
 * ({@code IFF_NO_PI}): a read or a write is one IPv4 or IPv6 packet. The descriptor is non-blocking, for the
 * relay's {@code ppoll}.
 */
public final class Tun implements AutoCloseable {
  private static final long TUNSETIFF = 0x400454caL;
  private static final short IFF_TUN = 0x0001;
  private static final short IFF_NO_PI = 0x1000;
  private static final int IFREQ_SIZE = 40;

  private final String name;
  private final int fd;
  private boolean closed;

  private Tun(String name, int fd) {
    this.name = name;
    this.fd = fd;
  }

  /**
   * Makes the device {@code name} inside {@code ns}: it is never in the root namespace, not even for a moment.
   *
   * @param ns the namespace
   * @param name the interface's name there, at most 15 characters
   * @return the device, down and without addresses
   * @throws IOException when {@code /dev/net/tun} is missing or the kernel refuses
   */
  public static Tun open(Netns ns, String name) throws IOException {
    return ns.call(() -> {
      int fd = LibC.open("/dev/net/tun", LibC.O_RDWR | LibC.O_NONBLOCK | LibC.O_CLOEXEC);
      if (fd < 0) {
        throw new IOException("cannot open /dev/net/tun: " + LibC.lastError());
      }
      Memory ifreq = new Memory(IFREQ_SIZE);
      ifreq.clear();
      byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
      ifreq.write(0, bytes, 0, bytes.length);
      ifreq.setShort(16, (short) (IFF_TUN | IFF_NO_PI));
      if (LibC.ioctl(fd, TUNSETIFF, ifreq) != 0) {
        String why = LibC.lastError();
        LibC.close(fd);
        throw new IOException("cannot make TUN device " + name + " in " + ns + ": " + why);
      }
      return new Tun(name, fd);
    });
  }

  /**
   * The interface's name.
   *
   * @return the name inside its namespace
   */
  public String name() {
    return name;
  }

  /**
   * The descriptor the relay reads and writes.
   *
   * @return the descriptor
   */
  public int fd() {
    return fd;
  }

  /** Closes the descriptor; the device goes with it (or with its namespace). */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      LibC.close(fd);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
