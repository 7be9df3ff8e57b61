package io.github.connectbylist.resolver.dns;

/**
 * This resolver's logger, made on first use: {@link System#getLogger} starts the logging backend (several
 * milliseconds in a fresh JVM), which a lookup that has nothing to report, such as a first connect to a name the
 * hosts file lists, should not pay.
 */
final class Log {
  private Log() {}

  /** Holds the logger; initialised by the first message. */
  private static final class Holder {
    static final System.Logger LOGGER = System.getLogger(DnsResolver.class.getName());
  }

  /** The logger, made now if it is not yet. */
  static System.Logger logger() {
    return Holder.LOGGER;
  }
}
