package io.github.connectbylist.emulator;

/** A transport protocol a rule matches, by its IP protocol number (ICMP covers ICMPv6). */
public enum Protocol {
  /** TCP, protocol 6. */
  TCP,
  /** UDP, protocol 17. */
  UDP,
  /** ICMP (1) or ICMPv6 (58). */
  ICMP;

  /**
   * The protocol of an IP protocol number.
   *
   * @param number the IPv4 protocol or IPv6 next header
   * @return the protocol, or {@code null} for any other
   */
  public static Protocol of(int number) {
    return switch (number) {
      case 6 -> TCP;
      case 17 -> UDP;
      case 1, 58 -> ICMP;
      default -> null;
    };
  }

  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
