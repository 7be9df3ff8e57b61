package io.github.connectbylist.internal;

/**
 * Which module of this project provides a strategy or resolver, by name: what an error says when the name is not
 * on the class path, so that a missing dependency is named rather than guessed. A name another project provides
 * is not known here.
 */
public final class KnownModules {
  /** The Maven group of every module of this project. */
  public static final String GROUP = "io.github.connectbylist";

  private KnownModules() {}

  /**
   * The artifact that provides {@code name}, whether or not it is on the class path.
   *
   * @param name a ranker's, scheduler's or resolver's name
   * @return such as {@code connectbylist-strategy-sequential}, or {@code null} for a name of no module here
   */
  public static String artifactOf(String name) {
    return switch (name) {
      case "sequential" -> "connectbylist-strategy-sequential";
      case "rfc6724" -> "connectbylist-strategy-rfc6724";
      case "happy-eyeballs", "history" -> "connectbylist-strategy-happy-eyeballs";
      case "okhttp5", "go", "node", "asyncio", "curl", "curl-7.88", "chrome", "firefox" ->
          "connectbylist-strategy-clients";
      case "dns" -> "connectbylist-resolver-dns";
      default -> null;
    };
  }

  /**
   * What to add for {@code name}, to follow an error that says it was not found: empty when no module here has it.
   *
   * @param name the name not found
   * @return such as {@code "; 'sequential' comes with io.github.connectbylist:connectbylist-strategy-sequential,
   *     which is not on the class path"}
   */
  public static String hint(String name) {
    String artifact = artifactOf(name);
    return artifact == null ? "" : "; '" + name + "' comes with " + GROUP + ":" + artifact
        + ", which is not on the class path: add it to the dependencies";
  }
}
