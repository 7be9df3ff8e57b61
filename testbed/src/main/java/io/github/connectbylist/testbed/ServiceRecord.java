package io.github.connectbylist.testbed;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.xbill.DNS.Address;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * One SVCB or HTTPS record (RFC 9460) that the testbed's {@link DnsServer} answers with, through {@link
 * DnsReply#services(ServiceRecord...)}: its SvcPriority, its TargetName and its SvcParams. Made with {@link
 * #alias} or {@link #service} and the withers, each of which returns a new record and replaces what it sets:
 *
 * <pre>{@code
 * ServiceRecord.service(1, ".").alpn("h3", "h2").port(8443).ipv4Hints("127.0.0.1").ipv6Hints("::1")
 * }</pre>
 *
 * <p>An AliasMode record carries no SvcParams: RFC 9460 section 2.4.2 does not forbid them, but has recipients
 * ignore any that are present (and lets zone-file parsers warn of them), so here a wither that would add one to
 * an alias throws {@link IllegalArgumentException}.
 *
 * <p>On the wire the SvcParams come in strictly increasing key order, as RFC 9460 section 2.2 requires (dnsjava
 * keeps them in a sorted map), and the keys of {@code mandatory} in increasing order too (section 8), whatever
 * order they were given in. A record whose {@code mandatory} lists a key it does not carry is not
 * self-consistent (sections 2.4.3 and 8), and dnsjava's own parser refuses the whole message that holds one:
 * {@link DnsReply#services(ServiceRecord...)} refuses it. Other inconsistencies, such as {@code no-default-alpn}
 * without {@code alpn} (section 7.1.1), are sent as they are, for tests of clients that must reject such a
 * record.
 *
 * @param priority the SvcPriority: 0 for AliasMode (section 2.4.2), 1 to 65535 for ServiceMode (section 2.4.3),
 *     lower values preferred
 * @param target the TargetName, absolute with its trailing dot ({@code svc.example.test.}); {@code "."} is the
 *     root name, which for ServiceMode means the owner name of the record itself (section 2.5.2) and for AliasMode
 *     that the service does not exist (section 2.5.1)
 * @param alpn the {@code alpn} key (1): ALPN protocol identifiers, each 1 to 255 octets in UTF-8 (section 7.1);
 *     empty for no {@code alpn} key
 * @param noDefaultAlpn whether the record has the {@code no-default-alpn} key (2, section 7.1)
 * @param port the {@code port} key (3, section 7.2), 0 to 65535, or -1 for no {@code port} key
 * @param ipv4Hints the {@code ipv4hint} key (4, section 7.3): IPv4 addresses, empty for no key
 * @param ipv6Hints the {@code ipv6hint} key (6, section 7.3): IPv6 addresses, empty for no key
 * @param ech the {@code ech} key (5, section 14.3.2): an ECHConfigList as the TLS Encrypted Client Hello
 *     specification encodes it, sent as given; {@code null} for no {@code ech} key
 * @param mandatory the {@code mandatory} key (0, section 8): the names of the keys a client must understand to
 *     use the record ({@code alpn}, {@code no-default-alpn}, {@code port}, {@code ipv4hint}, {@code ech}, {@code
 *     ipv6hint} or {@code keyNNNNN}, section 2.1); empty for no {@code mandatory} key
 * @param otherKeys further keys, 7 to 65535, by number, with their wire-format values: keys that the other
 *     components do not cover, such as {@code dohpath} (key7, RFC 9461), an unassigned key such as key65001, or
 *     one of the private-use range 65280 to 65534 (section 14.3.2), for tests of a client's handling of unknown
 *     mandatory keys
 */
public record ServiceRecord(int priority, String target, List<String> alpn, boolean noDefaultAlpn, int port,
    List<InetAddress> ipv4Hints, List<InetAddress> ipv6Hints, byte[] ech, List<String> mandatory,
    Map<Integer, byte[]> otherKeys) {

  /** The registered names of the keys 0 to 6 (RFC 9460 section 14.3.2), by number. */
  private static final List<String> KEY_NAMES =
      List.of("mandatory", "alpn", "no-default-alpn", "port", "ipv4hint", "ech", "ipv6hint");
  /** The first key that has no component of its own. */
  private static final int FIRST_OTHER_KEY = KEY_NAMES.size();

  /**
   * Checks the record and copies its lists, map and arrays.
   *
   * @param priority 0 to 65535
   * @param target a name, with or without its trailing dot, or {@code "."}
   * @param alpn protocol identifiers of 1 to 255 octets each, possibly none
   * @param noDefaultAlpn whether to send {@code no-default-alpn}
   * @param port 0 to 65535, or -1 for none
   * @param ipv4Hints IPv4 addresses only ({@link Inet4Address})
   * @param ipv6Hints IPv6 addresses only ({@link Inet6Address})
   * @param ech the ECHConfigList, or {@code null}
   * @param mandatory key names, each at most once, not {@code mandatory} itself (section 8)
   * @param otherKeys keys 7 to 65535 with values of at most 65535 octets
   * @throws IllegalArgumentException when a value is out of range, or an AliasMode record has SvcParams
   */
  public ServiceRecord {
    if (priority < 0 || priority > 0xFFFF) {
      throw new IllegalArgumentException("SvcPriority must be 0 to 65535: " + priority);
    }
    target = absolute(Objects.requireNonNull(target, "target"));
    alpn = List.copyOf(alpn);
    for (String id : alpn) {
      int octets = id.getBytes(StandardCharsets.UTF_8).length;
      if (octets < 1 || octets > 255) {
        throw new IllegalArgumentException("an ALPN identifier has 1 to 255 octets (RFC 9460 section 7.1.1): '" + id
            + "'");
      }
    }
    if (port < -1 || port > 0xFFFF) {
      throw new IllegalArgumentException("port must be 0 to 65535, or -1 for none: " + port);
    }
    ipv4Hints = List.copyOf(ipv4Hints);
    ipv6Hints = List.copyOf(ipv6Hints);
    for (InetAddress a : ipv4Hints) {
      if (!(a instanceof Inet4Address)) {
        throw new IllegalArgumentException("ipv4hint takes IPv4 addresses: " + a.getHostAddress());
      }
    }
    for (InetAddress a : ipv6Hints) {
      if (!(a instanceof Inet6Address)) {
        throw new IllegalArgumentException("ipv6hint takes IPv6 addresses: " + a.getHostAddress());
      }
    }
    ech = ech == null ? null : ech.clone();
    mandatory = List.copyOf(mandatory);
    TreeSet<Integer> listed = new TreeSet<>();
    for (String key : mandatory) {
      int number = keyNumber(key);
      if (number == 0) {
        throw new IllegalArgumentException("mandatory must not list itself (RFC 9460 section 8)");
      }
      if (!listed.add(number)) {
        throw new IllegalArgumentException("mandatory lists " + key + " twice (RFC 9460 section 8): " + mandatory);
      }
    }
    TreeMap<Integer, byte[]> others = new TreeMap<>();
    for (Map.Entry<Integer, byte[]> e : otherKeys.entrySet()) {
      int key = Objects.requireNonNull(e.getKey(), "key");
      byte[] value = Objects.requireNonNull(e.getValue(), "value");
      if (key < FIRST_OTHER_KEY || key > 0xFFFF) {
        throw new IllegalArgumentException("other keys are 7 to 65535; keys 0 to 6 have their own methods: " + key);
      }
      if (value.length > 0xFFFF) {
        throw new IllegalArgumentException("a SvcParamValue has at most 65535 octets (RFC 9460 section 2.2): key"
            + key + " has " + value.length);
      }
      others.put(key, value.clone());
    }
    otherKeys = Collections.unmodifiableMap(others);
    if (priority == 0 && (!alpn.isEmpty() || noDefaultAlpn || port != -1 || !ipv4Hints.isEmpty()
        || !ipv6Hints.isEmpty() || ech != null || !mandatory.isEmpty() || !otherKeys.isEmpty())) {
      throw new IllegalArgumentException("an AliasMode record (priority 0) carries no SvcParams here: RFC 9460"
          + " section 2.4.2 has recipients ignore them; " + target);
    }
  }

  /**
   * An AliasMode record (priority 0, RFC 9460 section 2.4.2): the service is at {@code target}, whose own
   * records of the same type a client queries next (section 6). It takes no SvcParams.
   *
   * @param target a name such as {@code svc.example.test}, with or without its trailing dot; {@code "."} says the
   *     service does not exist (section 2.5.1)
   * @return the record
   * @throws IllegalArgumentException when {@code target} is not a name
   */
  public static ServiceRecord alias(String target) {
    return new ServiceRecord(0, target, List.of(), false, -1, List.of(), List.of(), null, List.of(), Map.of());
  }

  /**
   * A ServiceMode record (RFC 9460 section 2.4.3) without SvcParams: the withers add them.
   *
   * @param priority 1 to 65535; a client tries lower values first
   * @param target a name such as {@code svc.example.test}, with or without its trailing dot, or {@code "."} for
   *     the record's owner name (section 2.5.2)
   * @return the record
   * @throws IllegalArgumentException when {@code priority} is out of range or {@code target} is not a name
   */
  public static ServiceRecord service(int priority, String target) {
    if (priority < 1 || priority > 0xFFFF) {
      throw new IllegalArgumentException("a ServiceMode priority is 1 to 65535: " + priority);
    }
    return new ServiceRecord(priority, target, List.of(), false, -1, List.of(), List.of(), null, List.of(),
        Map.of());
  }

  /**
   * The same record with an {@code alpn} key (RFC 9460 section 7.1).
   *
   * @param protocols ALPN protocol identifiers in order, such as {@code h3} and {@code h2}; an empty array for no
   *     key (without arguments, {@code alpn()} is the component's accessor)
   * @return the record
   * @throws IllegalArgumentException for an AliasMode record, or an identifier that is empty or longer than 255
   *     octets
   */
  public ServiceRecord alpn(String... protocols) {
    return new ServiceRecord(priority, target, List.of(protocols), noDefaultAlpn, port, ipv4Hints, ipv6Hints, ech,
        mandatory, otherKeys);
  }

  /**
   * The same record with or without the {@code no-default-alpn} key (RFC 9460 section 7.1): with it, the
   * endpoint offers the protocols of {@link #alpn(String...)} only, not the scheme's default ({@code http/1.1}
   * for HTTPS). It takes an argument because {@code noDefaultAlpn()} is the component's accessor.
   *
   * @param present whether the record has the key
   * @return the record
   * @throws IllegalArgumentException for an AliasMode record and {@code true}
   */
  public ServiceRecord noDefaultAlpn(boolean present) {
    return new ServiceRecord(priority, target, alpn, present, port, ipv4Hints, ipv6Hints, ech, mandatory,
        otherKeys);
  }

  /**
   * The same record with a {@code port} key (RFC 9460 section 7.2).
   *
   * @param port 0 to 65535
   * @return the record
   * @throws IllegalArgumentException for an AliasMode record, or a port out of range
   */
  public ServiceRecord port(int port) {
    if (port < 0 || port > 0xFFFF) {
      throw new IllegalArgumentException("port must be 0 to 65535: " + port);
    }
    return new ServiceRecord(priority, target, alpn, noDefaultAlpn, port, ipv4Hints, ipv6Hints, ech, mandatory,
        otherKeys);
  }

  /**
   * The same record with an {@code ipv4hint} key (RFC 9460 section 7.3).
   *
   * @param literals IPv4 address literals, never looked up; an empty array for no key
   * @return the record
   * @throws IllegalArgumentException for an AliasMode record, or a literal that is not an IPv4 address
   */
  public ServiceRecord ipv4Hints(String... literals) {
    return new ServiceRecord(priority, target, alpn, noDefaultAlpn, port, addresses(literals, Address.IPv4),
        ipv6Hints, ech, mandatory, otherKeys);
  }

  /**
   * The same record with an {@code ipv6hint} key (RFC 9460 section 7.3).
   *
   * @param literals IPv6 address literals, never looked up; an empty array for no key
   * @return the record
   * @throws IllegalArgumentException for an AliasMode record, or a literal that is not an IPv6 address
   */
  public ServiceRecord ipv6Hints(String... literals) {
    return new ServiceRecord(priority, target, alpn, noDefaultAlpn, port, ipv4Hints,
        addresses(literals, Address.IPv6), ech, mandatory, otherKeys);
  }

  /**
   * The same record with an {@code ech} key (RFC 9460 section 14.3.2): an ECHConfigList, sent as given, for
   * Encrypted Client Hello.
   *
   * @param config the ECHConfigList's octets (copied), or {@code null} for no key
   * @return the record
   * @throws IllegalArgumentException for an AliasMode record
   */
  public ServiceRecord ech(byte[] config) {
    return new ServiceRecord(priority, target, alpn, noDefaultAlpn, port, ipv4Hints, ipv6Hints, config, mandatory,
        otherKeys);
  }

  /**
   * The same record with a {@code mandatory} key (RFC 9460 section 8): the keys a client must understand to use
   * the record. Each key listed must be in the record by the time it goes into {@link
   * DnsReply#services(ServiceRecord...)}.
   *
   * @param keys {@code alpn}, {@code no-default-alpn}, {@code port}, {@code ipv4hint}, {@code ech}, {@code
   *     ipv6hint} or {@code keyNNNNN} (the number without leading zeros, section 2.1), each at most once; an empty
   *     array for no key
   * @return the record
   * @throws IllegalArgumentException for an AliasMode record, an unknown name, a key listed twice, or {@code
   *     mandatory} itself
   */
  public ServiceRecord mandatory(String... keys) {
    return new ServiceRecord(priority, target, alpn, noDefaultAlpn, port, ipv4Hints, ipv6Hints, ech,
        List.of(keys), otherKeys);
  }

  /**
   * The same record with one more SvcParam of a key that has no method of its own, replacing one of the same key:
   * for instance key65001, which IANA has not assigned (RFC 9460 section 14.3.2), so that no client knows it, to
   * test that a client ignores a record that lists it in {@link #mandatory(String...)} (section 8).
   *
   * @param key 7 to 65535
   * @param value its wire-format SvcParamValue (copied), at most 65535 octets
   * @return the record
   * @throws IllegalArgumentException for an AliasMode record, a key out of range or a value too long
   */
  public ServiceRecord otherKey(int key, byte[] value) {
    TreeMap<Integer, byte[]> others = new TreeMap<>(otherKeys);
    others.put(key, Objects.requireNonNull(value, "value"));
    return new ServiceRecord(priority, target, alpn, noDefaultAlpn, port, ipv4Hints, ipv6Hints, ech, mandatory,
        others);
  }

  /**
   * The {@code ech} key's value.
   *
   * @return a copy of the ECHConfigList, or {@code null} when the record has no {@code ech} key
   */
  @Override
  public byte[] ech() {
    return ech == null ? null : ech.clone();
  }

  /**
   * The keys without components of their own.
   *
   * @return an unmodifiable map, by increasing key, of copies of the values
   */
  @Override
  public Map<Integer, byte[]> otherKeys() {
    TreeMap<Integer, byte[]> copy = new TreeMap<>();
    otherKeys.forEach((k, v) -> copy.put(k, v.clone()));
    return Collections.unmodifiableMap(copy);
  }

  /** The numbers of the {@code mandatory} keys, in increasing order as the wire carries them. */
  List<Integer> mandatoryKeys() {
    return List.copyOf(new TreeSet<>(mandatory.stream().map(ServiceRecord::keyNumber).toList()));
  }

  /**
   * Throws unless every key of {@code mandatory} is in the record (RFC 9460 section 8: "listed keys MUST also
   * appear in the SvcParams").
   */
  void checkMandatoryPresent() {
    for (int key : mandatoryKeys()) {
      boolean present = switch (key) {
        case 1 -> !alpn.isEmpty();
        case 2 -> noDefaultAlpn;
        case 3 -> port != -1;
        case 4 -> !ipv4Hints.isEmpty();
        case 5 -> ech != null;
        case 6 -> !ipv6Hints.isEmpty();
        default -> otherKeys.containsKey(key);
      };
      if (!present) {
        throw new IllegalArgumentException("mandatory lists " + keyName(key) + " but the record does not carry it"
            + " (RFC 9460 section 8): " + this);
      }
    }
  }

  /** The number of a key name: a registered name, or {@code keyNNNNN} without leading zeros (section 2.1). */
  private static int keyNumber(String name) {
    int known = KEY_NAMES.indexOf(name);
    if (known >= 0) {
      return known;
    }
    if (name.matches("key(0|[1-9][0-9]{0,4})")) {
      int number = Integer.parseInt(name.substring(3));
      if (number <= 0xFFFF) {
        return number;
      }
    }
    throw new IllegalArgumentException("not a SvcParamKey: '" + name + "'; one of " + KEY_NAMES.subList(1,
        KEY_NAMES.size()) + " or keyNNNNN (0 to 65535, RFC 9460 section 2.1)");
  }

  private static String keyName(int key) {
    return key < FIRST_OTHER_KEY ? KEY_NAMES.get(key) : "key" + key;
  }

  private static String absolute(String name) {
    String text = name.endsWith(".") ? name : name + ".";
    try {
      return Name.fromString(text).toString();
    } catch (TextParseException e) {
      throw new IllegalArgumentException("'" + name + "' is not a name", e);
    }
  }

  private static List<InetAddress> addresses(String[] literals, int family) {
    List<InetAddress> list = new ArrayList<>(literals.length);
    for (String literal : literals) {
      byte[] bytes = Address.toByteArray(literal, family); // a literal only: never a lookup
      if (bytes == null) {
        throw new IllegalArgumentException("'" + literal + "' is not an IPv" + (family == Address.IPv4 ? 4 : 6)
            + " address literal");
      }
      try {
        // An IPv4-mapped IPv6 literal stays an IPv6 address, as the ipv6hint key carries it.
        list.add(family == Address.IPv4 ? InetAddress.getByAddress(bytes) : Inet6Address.getByAddress(null, bytes,
            -1));
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("'" + literal + "' is not an address literal", e);
      }
    }
    return list;
  }

  /**
   * Compares the arrays by content.
   *
   * @param o another object
   * @return whether it is a record with equal values
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof ServiceRecord r && priority == r.priority && target.equals(r.target) && alpn.equals(r.alpn)
        && noDefaultAlpn == r.noDefaultAlpn && port == r.port && ipv4Hints.equals(r.ipv4Hints)
        && ipv6Hints.equals(r.ipv6Hints) && Arrays.equals(ech, r.ech) && mandatory.equals(r.mandatory)
        && sameOtherKeys(otherKeys, r.otherKeys);
  }

  private static boolean sameOtherKeys(Map<Integer, byte[]> a, Map<Integer, byte[]> b) {
    if (!a.keySet().equals(b.keySet())) {
      return false;
    }
    for (Map.Entry<Integer, byte[]> e : a.entrySet()) {
      if (!Arrays.equals(e.getValue(), b.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Hashes the arrays by content.
   *
   * @return the hash
   */
  @Override
  public int hashCode() {
    int h = Objects.hash(priority, target, alpn, noDefaultAlpn, port, ipv4Hints, ipv6Hints, mandatory);
    h = 31 * h + Arrays.hashCode(ech);
    for (Map.Entry<Integer, byte[]> e : otherKeys.entrySet()) {
      h = 31 * h + e.getKey() * 31 + Arrays.hashCode(e.getValue());
    }
    return h;
  }

  /**
   * The record in the zone-file presentation format of RFC 9460 section 2.1, keys in increasing order: {@code 1
   * . alpn=h3,h2 port=8443 ipv4hint=127.0.0.1}; the values of {@code ech} in Base64, of other keys as
   * {@code \DDD} escapes where not printable.
   *
   * @return the text
   */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder().append(priority).append(' ').append(target);
    if (!mandatory.isEmpty()) {
      s.append(" mandatory=");
      List<String> names = new ArrayList<>();
      mandatoryKeys().forEach(k -> names.add(keyName(k)));
      s.append(String.join(",", names));
    }
    if (!alpn.isEmpty()) {
      s.append(" alpn=").append(String.join(",", alpn));
    }
    if (noDefaultAlpn) {
      s.append(" no-default-alpn");
    }
    if (port != -1) {
      s.append(" port=").append(port);
    }
    if (!ipv4Hints.isEmpty()) {
      s.append(" ipv4hint=").append(String.join(",", ipv4Hints.stream().map(InetAddress::getHostAddress).toList()));
    }
    if (ech != null) {
      s.append(" ech=").append(Base64.getEncoder().encodeToString(ech));
    }
    if (!ipv6Hints.isEmpty()) {
      s.append(" ipv6hint=").append(String.join(",", ipv6Hints.stream().map(InetAddress::getHostAddress).toList()));
    }
    otherKeys.forEach((k, v) -> {
      s.append(" key").append(k).append("=\"");
      for (byte b : v) {
        int c = b & 0xFF;
        if (c >= 0x21 && c <= 0x7E && c != '"' && c != '\\') {
          s.append((char) c);
        } else {
          s.append('\\').append(String.format(Locale.ROOT, "%03d", c));
        }
      }
      s.append('"');
    });
    return s.toString();
  }
}
