package io.github.connectbylist.internal;

import io.github.connectbylist.api.LocalAddress;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The local addresses of this host, from {@link NetworkInterface} (interfaces that are up), with the IPv6
 * flags that Java does not expose read from Linux's {@code /proc/net/if_inet6}. Enumerating interfaces
 * costs far more than a loopback connect, so the result is cached for a few seconds.
 */
public final class LocalAddresses {
  private static final Path IF_INET6 = Path.of("/proc/net/if_inet6");
  private static final long TTL_NANOS = 5_000_000_000L;

  // Address flags of include/uapi/linux/if_addr.h, as /proc/net/if_inet6 prints them.
  private static final int IFA_F_TEMPORARY = 0x01;
  private static final int IFA_F_DADFAILED = 0x08;
  private static final int IFA_F_HOMEADDRESS = 0x10;
  private static final int IFA_F_DEPRECATED = 0x20;
  private static final int IFA_F_TENTATIVE = 0x40;

  private static final Object LOCK = new Object();
  private static volatile Snapshot cached;

  private record Snapshot(List<LocalAddress> addresses, long expiresAt) {}

  private LocalAddresses() {}

  /** The host's usable addresses, cached for five seconds. */
  public static List<LocalAddress> current() {
    Snapshot s = cached;
    long now = System.nanoTime();
    if (s == null || now - s.expiresAt() >= 0) {
      synchronized (LOCK) {
        s = cached;
        if (s == null || now - s.expiresAt() >= 0) {
          s = new Snapshot(read(IF_INET6), System.nanoTime() + TTL_NANOS);
          cached = s;
        }
      }
    }
    return s.addresses();
  }

  static List<LocalAddress> read(Path ifInet6) {
    Map<String, Integer> flags = readIfInet6(ifInet6);
    List<LocalAddress> result = new ArrayList<>();
    try {
      for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!ni.isUp()) {
          continue;
        }
        for (InterfaceAddress ia : ni.getInterfaceAddresses()) {
          int f = ia.getAddress() instanceof Inet6Address
              ? flags.getOrDefault(HexFormat.of().formatHex(ia.getAddress().getAddress()), 0)
              : 0;
          if ((f & (IFA_F_TENTATIVE | IFA_F_DADFAILED)) != 0) {
            continue; // not usable as a source until duplicate address detection passes
          }
          result.add(new LocalAddress(ia.getAddress(), ia.getNetworkPrefixLength(), ni.getName(), flagsOf(f)));
        }
      }
    } catch (SocketException e) {
      throw new UncheckedIOException("cannot list the network interfaces", e);
    }
    return List.copyOf(result);
  }

  /**
   * Lines of {@code address ifindex prefixlen scope flags ifname}, all hexadecimal but the name. Read with a
   * plain {@link FileInputStream} and split by hand: {@code Files.readAllLines} and a regular expression
   * would load some thirty classes in the first connect of a JVM, for a file of a few lines.
   */
  static Map<String, Integer> readIfInet6(Path file) {
    String text;
    try (FileInputStream in = new FileInputStream(file.toFile())) {
      text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException | SecurityException e) {
      return Map.of(); // not Linux, or not readable: no flags
    }
    Map<String, Integer> flags = new HashMap<>();
    for (String line : text.split("\n")) {
      String[] fields = fields(line);
      if (fields.length >= 6 && fields[0].length() == 32) {
        try {
          flags.put(fields[0].toLowerCase(Locale.ROOT), Integer.parseInt(fields[4], 16));
        } catch (NumberFormatException e) {
          // a line we do not understand: skip it
        }
      }
    }
    return flags;
  }

  /** The fields of a line separated by spaces or tabs. */
  private static String[] fields(String line) {
    List<String> fields = new ArrayList<>(6);
    int i = 0;
    while (i < line.length()) {
      while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      if (i > start) {
        fields.add(line.substring(start, i));
      }
    }
    return fields.toArray(new String[0]);
  }

  static Set<LocalAddress.Flag> flagsOf(int f) {
    Set<LocalAddress.Flag> set = EnumSet.noneOf(LocalAddress.Flag.class);
    if ((f & IFA_F_TEMPORARY) != 0) {
      set.add(LocalAddress.Flag.TEMPORARY);
    }
    if ((f & IFA_F_DEPRECATED) != 0) {
      set.add(LocalAddress.Flag.DEPRECATED);
    }
    if ((f & IFA_F_HOMEADDRESS) != 0) {
      set.add(LocalAddress.Flag.HOME);
    }
    return set;
  }
}
