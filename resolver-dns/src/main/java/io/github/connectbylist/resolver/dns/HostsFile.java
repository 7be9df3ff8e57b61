package io.github.connectbylist.resolver.dns;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A hosts file (hosts(5)): {@code address name [aliases...]} per line, {@code #} to the end of a line a
 * comment. Names match case-insensitively (RFC 4343), as glibc matches them; a name keeps every address of
 * each family in file order (dnsjava's parser keeps one). Only ASCII is taken: a line whose address is not
 * an ASCII literal, and a name that is not an ASCII host name, are skipped. The file is read with bounds
 * ({@link #MAX_BYTES}, {@link #MAX_LINE}, a regular file only) and read again only when its modification
 * time, size or identity changes. Reading is linear in the file's size, however many addresses one name has
 * (each name keeps an ordered set per family), so the largest file takes well under a second.
 *
 * <p>Where it runs: {@link #unchangedNames()} only reads the file's attributes (one {@code stat}), which
 * {@link DnsResolver#resolve} does on the thread that starts a connect (the application's, or the event loop);
 * {@link #lookup}, which reads and parses the file when it changed, runs on the resolver's own thread, or on the
 * thread that builds the resolver.
 */
final class HostsFile {
  /** The largest hosts file read: 16 MiB, far over any real one (ad-blocking lists run to a few MiB). */
  static final int MAX_BYTES = 16 << 20;
  /** The longest line read, in bytes. */
  static final int MAX_LINE = 64 << 10;

  /** The addresses a hosts file gives one name, each family in file order. */
  record Entry(List<InetAddress> ipv6, List<InetAddress> ipv4) {}

  private record Snapshot(Object fileKey, FileTime modified, long size, Map<String, Entry> names) {
    /** Whether the file still has the identity, time and size it had when read. */
    boolean matches(BasicFileAttributes a) {
      return Objects.equals(fileKey, a.fileKey()) && Objects.equals(modified, a.lastModifiedTime()) && size == a.size();
    }
  }

  /** What the host's hosts file lists where it does not exist: nothing, as glibc has it. */
  private static final Snapshot MISSING = new Snapshot(null, null, -1, Map.of());

  private final Path path;
  private final boolean system;
  private volatile Snapshot snapshot; // written under this; read without it by unchangedNames

  private HostsFile(Path path, boolean system) {
    this.path = path;
    this.system = system;
  }

  /**
   * The host's hosts file, read on first use; where it does not exist, no name is listed.
   *
   * @return the file
   */
  static HostsFile system() {
    String root = System.getenv("SystemRoot");
    boolean windows = System.getProperty("os.name", "").startsWith("Windows") && root != null;
    return system(windows ? Path.of(root, "System32", "drivers", "etc", "hosts") : Path.of("/etc/hosts"));
  }

  /**
   * A file taken as the host's: read on first use, nothing listed where it does not exist, and an
   * unreadable one is the caller's to skip.
   *
   * @param path the file
   * @return the file
   */
  static HostsFile system(Path path) {
    return new HostsFile(path, true);
  }

  /**
   * A hosts file the user named, read now so that an unusable one is refused at once.
   *
   * @param path the file
   * @return the file
   * @throws IOException naming the path (and the limit) when it cannot be used
   */
  static HostsFile given(Path path) throws IOException {
    HostsFile file = new HostsFile(Objects.requireNonNull(path, "path"), false);
    file.current();
    return file;
  }

  /**
   * The path read.
   *
   * @return the path
   */
  Path path() {
    return path;
  }

  /**
   * Whether this is the host's hosts file rather than one the user named.
   *
   * @return {@code true} for the host's
   */
  boolean isSystem() {
    return system;
  }

  /**
   * The addresses listed for a name.
   *
   * @param key the name as {@link HostName#key} gives it
   * @return its entry, or empty when the file does not list it
   * @throws IOException naming the path and the limit when the file (changed since it was last read) cannot
   *     be read
   */
  Optional<Entry> lookup(String key) throws IOException {
    return Optional.ofNullable(current().names().get(key));
  }

  /** Reads the file now if it can, so that a first lookup need not; a failure is left for {@link #lookup}. */
  void readIfPossible() {
    try {
      current();
    } catch (IOException later) {
      // the lookup that reads it again reports it
    }
  }

  /**
   * The names as last read, when the file has not changed since; one {@code stat}, never a read.
   *
   * @return every name's entry, or {@code null} when the file must be read (by {@link #lookup}) first: never
   *     read, changed, or unreadable
   */
  Map<String, Entry> unchangedNames() { // not synchronized: never waits for a read in progress on another thread
    Snapshot s = snapshot;
    if (s == null) {
      return null;
    }
    try {
      return s.matches(Files.readAttributes(path, BasicFileAttributes.class)) ? s.names() : null;
    } catch (NoSuchFileException e) {
      return s == MISSING ? s.names() : null;
    } catch (IOException | SecurityException e) {
      return null;
    }
  }

  private synchronized Snapshot current() throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes = BoundedFile.attributes("hosts file", path);
    } catch (IOException missing) {
      if (system && !Files.exists(path)) {
        snapshot = MISSING; // no hosts file: nothing listed, as glibc does
        return MISSING;
      }
      snapshot = null;
      throw missing;
    }
    Snapshot s = snapshot;
    if (s != null && s.matches(attributes)) {
      return s;
    }
    snapshot = null;
    List<String> lines = BoundedFile.lines("hosts file", path, MAX_BYTES, MAX_LINE);
    s = new Snapshot(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size(), parse(lines));
    snapshot = s;
    return s;
  }

  /** The names of {@code lines} with their addresses; linear: each name has an ordered set per family. */
  static Map<String, Entry> parse(List<String> lines) {
    Map<String, Addresses> found = new HashMap<>();
    for (String line : lines) {
      int hash = line.indexOf('#');
      List<String> fields = Fields.of(hash >= 0 ? line.substring(0, hash) : line);
      if (fields.size() < 2) {
        continue;
      }
      InetAddress address = AddressLiteral.parse(fields.get(0));
      if (address == null) {
        continue; // not an ASCII address literal (glibc skips the line too)
      }
      for (int i = 1; i < fields.size(); i++) {
        String name = fields.get(i);
        if (HostName.isValid(name)) {
          String key = HostName.key(name);
          Addresses addresses = found.get(key);
          if (addresses == null) {
            addresses = new Addresses();
            found.put(key, addresses);
          }
          addresses.add(address);
        }
      }
    }
    Map<String, Entry> names = new HashMap<>(found.size() * 2);
    for (Map.Entry<String, Addresses> e : found.entrySet()) { // loops, not lambdas: this runs in a first connect
      names.put(e.getKey(), new Entry(List.copyOf(e.getValue().ipv6), List.copyOf(e.getValue().ipv4)));
    }
    return names;
  }

  /** One name's addresses while the file is parsed: each once, in file order. */
  private static final class Addresses {
    final Set<InetAddress> ipv6 = new LinkedHashSet<>(2);
    final Set<InetAddress> ipv4 = new LinkedHashSet<>(2);

    void add(InetAddress address) {
      (address instanceof Inet4Address ? ipv4 : ipv6).add(address);
    }
  }

  @Override
  public String toString() {
    return system ? "system" : path.toString();
  }
}
