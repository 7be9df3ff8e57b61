package io.github.connectbylist;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The options a {@link RacingSocket} is given before it connects: there is no socket yet to hold them (the
 * race opens one per attempt), so they wait here, read back as set, and go to the winner, in the order they
 * were set, before the caller sees it. Thread-safe: any thread may set an option while another connects.
 */
final class EarlyOptions {
  /** What a socket takes before its connect: {@code java.net.Socket}'s own options. */
  static final Set<SocketOption<?>> SUPPORTED = Set.of(StandardSocketOptions.TCP_NODELAY,
      StandardSocketOptions.SO_KEEPALIVE, StandardSocketOptions.SO_LINGER, StandardSocketOptions.SO_SNDBUF,
      StandardSocketOptions.SO_RCVBUF, StandardSocketOptions.SO_REUSEADDR, StandardSocketOptions.IP_TOS);

  private final Map<SocketOption<?>, Object> options = new LinkedHashMap<>();
  private int soTimeout;

  synchronized <T> void set(SocketOption<T> option, T value) {
    if (!SUPPORTED.contains(option)) {
      throw new UnsupportedOperationException("'" + option + "' not supported");
    }
    options.put(option, value);
  }

  /** The value set, else the system's default (read from a socket opened and closed for the purpose). */
  <T> T get(SocketOption<T> option) throws SocketException {
    synchronized (this) {
      if (options.containsKey(option)) {
        return option.type().cast(options.get(option));
      }
    }
    try (SocketChannel probe = SocketChannel.open()) {
      return probe.getOption(option);
    } catch (SocketException e) {
      throw e;
    } catch (IOException e) {
      throw new SocketException(e.getMessage());
    }
  }

  synchronized void soTimeout(int millis) {
    soTimeout = millis;
  }

  synchronized int soTimeout() {
    return soTimeout;
  }

  /** Gives the winner every option set, then the read timeout. */
  void applyTo(Socket winner) throws IOException {
    Map<SocketOption<?>, Object> set;
    int timeout;
    synchronized (this) {
      set = new LinkedHashMap<>(options);
      timeout = soTimeout;
    }
    for (Map.Entry<SocketOption<?>, Object> e : set.entrySet()) {
      setOn(winner, e.getKey(), e.getValue());
    }
    winner.setSoTimeout(timeout);
  }

  /** Sets {@code option} on a connected socket through its channel, which knows every standard option. */
  static <T> void setOn(Socket s, SocketOption<T> option, Object value) throws SocketException {
    try {
      s.getChannel().setOption(option, option.type().cast(value));
    } catch (SocketException e) {
      throw e;
    } catch (IOException e) {
      throw new SocketException(e.getMessage());
    }
  }
}
