package io.github.connectbylist.internal;

/**
 * The library's logger, made on first use. {@link System#getLogger} loads the logging backend at once for
 * an application class (about 20 ms in a fresh JVM), which a connect that has nothing to report should not
 * pay.
 */
public final class Log {
  private Log() {}

  /** Holds the logger; initialised by the first message. */
  private static final class Holder {
    static final System.Logger LOGGER = System.getLogger("io.github.connectbylist");
  }

  public static void error(String message, Throwable error) {
    Holder.LOGGER.log(System.Logger.Level.ERROR, message, error);
  }

  public static void warning(String message, Throwable error) {
    Holder.LOGGER.log(System.Logger.Level.WARNING, message, error);
  }

  public static void warning(String message) {
    Holder.LOGGER.log(System.Logger.Level.WARNING, message);
  }

  public static void debug(String message, Throwable error) {
    Holder.LOGGER.log(System.Logger.Level.DEBUG, message, error);
  }
}
