package io.github.connectbylist.resolver.dns;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A hosts file (hosts(5)): {@code address name [aliases...]} per line, {@code #} to the end of a line a
 * comment. Names match case-insensitively (RFC 4343), as glibc matches them; a name keeps every address of
 * each family in file order (dnsjava's parser keeps one). Only ASCII is taken: a line whose address is not
 * an ASCII literal, and a name that is not an ASCII host name, are skipped. The file is read with bounds
 * ({@link #MAX_BYTES}, {@link #MAX_LINE}, a regular file only) and read again only when its modification
 * time, size or identity changes.
 */
final class HostsFile {
  /** The largest hosts file read: 16 MiB, far over any real one (ad-blocking lists run to a few MiB). */
  static final int MAX_BYTES = 16 << 20;
  /** The longest line read, in bytes. */
  static final int MAX_LINE = 64 << 10;

  /** The addresses a hosts file gives one name, each family in file order. */
  record Entry(List<InetAddress> ipv6, List<InetAddress> ipv4) {}

  private record Snapshot(Object fileKey, FileTime modified, long size, Map<String, Entry> names) {}

  private final Path path;
  private final boolean system;
  private Snapshot snapshot; // guarded by this

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

  private synchronized Snapshot current() throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes = BoundedFile.attributes("hosts file", path);
    } catch (IOException missing) {
      if (system && !java.nio.file.Files.exists(path)) {
        return new Snapshot(null, null, -1, Map.of()); // no hosts file: nothing listed, as glibc does
      }
      snapshot = null;
      throw missing;
    }
    Snapshot s = snapshot;
    if (s != null && Objects.equals(s.fileKey(), attributes.fileKey())
        && Objects.equals(s.modified(), attributes.lastModifiedTime()) && s.size() == attributes.size()) {
      return s;
    }
    snapshot = null;
    List<String> lines = BoundedFile.lines("hosts file", path, MAX_BYTES, MAX_LINE);
    s = new Snapshot(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size(), parse(lines));
    snapshot = s;
    return s;
  }

  private static Map<String, Entry> parse(List<String> lines) {
    Map<String, List<InetAddress>[]> found = new HashMap<>();
    for (String line : lines) {
      int hash = line.indexOf('#');
      String[] fields = (hash >= 0 ? line.substring(0, hash) : line).trim().split("[ \t]+");
      if (fields.length < 2) {
        continue;
      }
      InetAddress address = AddressLiteral.parse(fields[0]);
      if (address == null) {
        continue; // not an ASCII address literal (glibc skips the line too)
      }
      int family = address instanceof Inet4Address ? 1 : 0;
      for (int i = 1; i < fields.length; i++) {
        if (!HostName.isValid(fields[i])) {
          continue;
        }
        @SuppressWarnings("unchecked")
        List<InetAddress>[] lists = found.computeIfAbsent(HostName.key(fields[i]),
            k -> new List[] {new ArrayList<>(), new ArrayList<>()});
        if (!lists[family].contains(address)) {
          lists[family].add(address);
        }
      }
    }
    Map<String, Entry> names = new HashMap<>(found.size() * 2);
    found.forEach((name, lists) -> names.put(name, new Entry(List.copyOf(lists[0]), List.copyOf(lists[1]))));
    return names;
  }

  @Override
  public String toString() {
    return system ? "system" : path.toString();
  }
}
