package io.github.connectbylist.resolver.dns;

import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.NameResolver;
import io.github.connectbylist.api.Origin;
import io.github.connectbylist.api.Query;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Resolver {@code dns}: sends the AAAA and the A query at once (RFC 8305 section 3: AAAA first) and reports
 * each answer the moment it arrives, so that a connect can start on the first family to answer instead of
 * waiting for both, as {@code InetAddress.getAllByName} does. dnsjava writes and reads the messages; sending
 * and receiving are this module's own, so that every rule below holds whatever a server or a path does.
 *
 * <ul>
 *   <li><b>Names</b>: ASCII host names only (an internationalized name in its {@code xn--} form); anything
 *       else is {@link FailureKind#NO_SUCH_NAME} without a query. Names are absolute: no search domains.
 *   <li><b>Hosts file</b> first, as the system's resolver does: a name it lists (matched case-insensitively,
 *       RFC 4343) is answered from it for both families, every address in file order, and no query is sent.
 *       It is read with bounds (a regular file, at most 16 MiB, lines of at most 64 KiB, ASCII addresses and
 *       names) in time linear in its size, when the resolver is built and again only when it changes: {@link
 *       #resolve} (on the caller's thread, a connect's event loop) only checks its attributes, and a changed
 *       file is read and parsed on this resolver's thread, whose answers then follow. One given with {@code
 *       hosts=PATH} that cannot be read is refused when the resolver is built, with one error naming the path
 *       and the limit, and fails the lookups if it later becomes unreadable; the system's unreadable one is
 *       skipped with a warning.
 *   <li><b>Each query has one timer</b>, {@code timeout}, kept by this resolver's own thread: when it
 *       passes the query fails as {@link FailureKind#RESOLUTION_FAILED}, however the server behaves (a
 *       TCP answer dripped a byte at a time or buried under endless empty messages, datagrams that do not
 *       match): each turn of the thread reads a bounded amount from each socket, then runs the timers. Servers
 *       are asked in order within that one timeout: the next when one fails or stays silent for its share of
 *       the time left. At most {@link #MAX_SERVERS} servers are taken.
 *   <li><b>Replies</b> count only when they answer the query: same ID, QR set, opcode QUERY, same question
 *       (RFC 5452 section 4.3). Others are ignored and the query keeps waiting, so one forged datagram cannot
 *       end it. Each query has a fresh UDP socket with a random port and a random ID (RFC 5452 section 9);
 *       a truncated reply is asked again over TCP, one connection per query (RFC 7766).
 *   <li><b>Records</b> count only when the query name leads to them: the CNAME chain from the query name
 *       (at most 16 links, a loop fails the query) and the address records of its last name (RFC 1034
 *       section 3.6.2); records of any other owner are ignored. NXDOMAIN is {@link FailureKind#NO_SUCH_NAME};
 *       SERVFAIL and other codes go to the next server, then fail the query.
 *   <li><b>Cache</b>: answers are kept for the smallest TTL of the records used, CNAMEs included, at most a
 *       week (RFC 8767 section 4), up to {@code cache} names and types; a TTL with the high bit set counts as
 *       0 (RFC 2181 section 8), and a TTL of 0, an empty or a failed answer is not kept. A lookup of a name
 *       and type already being asked joins that query rather than sending another (not with
 *       {@code cache=0}: then every lookup asks).
 * </ul>
 *
 * <p>Threads: one daemon thread per resolver, started by its first query, sends, receives, keeps the timers
 * and reports the answers; {@link #close()} fails what is pending, closes every socket and ends it. A
 * cancelled lookup reports nothing more, but its queries run on to their answer or timeout to fill the
 * cache. Nothing this resolver does throws an {@link Error} into a caller: a failure is an answer.
 */
public final class DnsResolver implements NameResolver {
  /**
   * The most servers taken: each query holds one UDP socket per server it has asked until it ends, so a long
   * list would multiply the sockets of every query in flight (file descriptors run out). glibc asks at most
   * 3 ({@code MAXNS}); 8 leaves room for a list of several providers and both families.
   */
  public static final int MAX_SERVERS = 8;
  /**
   * The most AliasMode records followed in a row (RFC 9460 section 3 asks for a limit, as for CNAME chains); the
   * chain of one alias at a zone's apex is what real zones use.
   */
  public static final int MAX_ALIASES = 8;
  /** The most target names whose addresses are asked for one lookup; each costs two queries. */
  public static final int MAX_TARGETS = 8;

  private final List<InetSocketAddress> servers;
  private final Duration timeout;
  private final HostsFile hosts;
  private final TtlCache cache;
  private final QueriesInFlight inFlight;
  private final DnsTransport transport = new DnsTransport();
  private volatile String lastHostsWarning;
  private volatile boolean closed;

  private DnsResolver(Builder b) {
    this.servers = b.servers != null ? b.servers : SystemServers.read();
    if (servers.isEmpty()) {
      throw new IllegalStateException("no DNS server is configured on this host; give servers=HOST:PORT");
    }
    this.timeout = b.timeout;
    if (b.hostsPath == null) {
      this.hosts = b.noHosts ? null : b.systemHosts != null ? HostsFile.system(b.systemHosts) : HostsFile.system();
      if (hosts != null) {
        hosts.readIfPossible(); // here rather than on a first lookup's hop to this resolver's thread
      }
    } else {
      try {
        this.hosts = HostsFile.given(b.hostsPath);
      } catch (IOException e) {
        throw new IllegalArgumentException("option hosts: " + e.getMessage(), e);
      }
    }
    this.cache = new TtlCache(b.cacheSize);
    this.inFlight = new QueriesInFlight(cache);
  }

  /**
   * Options, starting from the defaults of {@link DnsOptions}: the host's servers and hosts file.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Lookup resolve(String host, Answers answers) {
    return start(host, null, answers);
  }

  /**
   * {@inheritDoc} The service query goes out beside AAAA and A (RFC 9460 section 3, step 1; the Happy Eyeballs v3
   * draft's section 4.1): HTTPS for {@code https}, SVCB otherwise, at the name of {@link Origin#queryName()}.
   * AliasMode records are followed, at most {@value #MAX_ALIASES} of them (section 2.4.2; a loop ends the query);
   * a set with an AliasMode record is taken as that alias, its ServiceMode records ignored (section 2.4.2). Then
   * the ServiceMode records are reported, by priority with equal priorities shuffled (section 2.4.1), and the
   * AAAA and A of each target other than the host (at most {@value #MAX_TARGETS}) are asked and reported. A name
   * the hosts file lists has no service records.
   */
  @Override
  public Lookup resolve(Origin origin, Answers answers) {
    return start(origin.host(), origin, answers);
  }

  /** Reports HTTPS or SVCB records beside the addresses. */
  @Override
  public boolean resolvesServices() {
    return true;
  }

  /**
   * Answers a name the hosts file lists on the caller's thread, before anything of dnsjava is loaded (its {@code
   * Name} class starts its logging, milliseconds in a fresh JVM); asks DNS otherwise.
   */
  private Lookup start(String host, Origin origin, Answers answers) {
    Objects.requireNonNull(answers, "answers");
    PendingLookup pending = new PendingLookup(host, origin == null ? null : origin.query(), answers);
    try {
      if (host == null || !HostName.isValid(host)) {
        pending.failRemaining(FailureKind.NO_SUCH_NAME, new UnknownHostException(HostName.notAHostName(host)));
        return Lookup.DONE;
      }
      String key = HostName.key(host);
      Map<String, HostsFile.Entry> listed = hosts == null ? Map.of() : hosts.unchangedNames(); // a stat, no read
      if (listed != null) {
        HostsFile.Entry entry = listed.get(key);
        if (entry != null) {
          answerFromHosts(entry, origin, pending);
          return Lookup.DONE;
        }
      }
      Name name;
      try {
        name = HostName.parse(host);
      } catch (IllegalArgumentException e) {
        pending.failRemaining(FailureKind.NO_SUCH_NAME, new UnknownHostException(e.getMessage()));
        return Lookup.DONE;
      }
      if (listed == null) { // never read, or changed: read and parsed on this resolver's thread, not the caller's
        if (!transport.execute(() -> lookUp(name, key, origin, pending))) {
          pending.failRemaining(FailureKind.RESOLUTION_FAILED, new IOException("the resolver is closed"));
        }
        return pending;
      }
      askAll(name, origin, pending);
    } catch (Throwable e) { // never an Error into the caller's thread: what is not reported yet fails
      pending.failRemaining(e);
    }
    return pending;
  }

  /** The hosts file, read again when it changed, then DNS; on the transport's thread. */
  private void lookUp(Name name, String key, Origin origin, PendingLookup pending) {
    try {
      if (!answeredFromHosts(key, origin, pending)) {
        askAll(name, origin, pending);
      }
    } catch (Throwable e) { // an Error too: the lookup is reported whatever happened
      pending.failRemaining(e);
    }
  }

  /**
   * The host's service query when asked, then its AAAA and A, one right after the other (the Happy Eyeballs v3
   * draft's section 4.1: SVCB or HTTPS, AAAA, A; RFC 8305 section 3: AAAA before A).
   */
  private void askAll(Name name, Origin origin, PendingLookup pending) {
    if (origin != null) {
      Name serviceName;
      try {
        serviceName = HostName.parse(origin.queryName());
        new ServiceQuery(this, origin, pending).ask(serviceName);
      } catch (IllegalArgumentException tooLong) { // the port prefix can make a valid host name too long
        pending.failed(origin.query(), FailureKind.NO_SUCH_NAME, new UnknownHostException(tooLong.getMessage()));
      }
    }
    for (Query query : new Query[] {Query.AAAA, Query.A}) {
      ask(name, query, new QueriesInFlight.Waiter() {
        @Override
        @SuppressWarnings("unchecked") // A and AAAA answers hold addresses
        public void answered(List<?> addresses) {
          pending.answered(query, (List<InetAddress>) addresses);
        }

        @Override
        public void failed(FailureKind kind, Exception error) {
          pending.failed(query, kind, error);
        }
      });
    }
  }

  /** Asks {@code name}'s {@code query}, from the cache, by joining the same query in flight, or by sending it. */
  void ask(Name name, Query query, QueriesInFlight.Waiter waiter) {
    if (closed) {
      waiter.failed(FailureKind.RESOLUTION_FAILED, new IOException("the resolver is closed"));
      return;
    }
    int type = switch (query) {
      case AAAA -> Type.AAAA;
      case A -> Type.A;
      case HTTPS -> Type.HTTPS;
      case SVCB -> Type.SVCB;
      case BOTH -> throw new IllegalArgumentException("one query per type");
    };
    QueriesInFlight.Joined joined = inFlight.join(name, type, waiter, System.nanoTime());
    if (joined.cached() != null) {
      waiter.answered(joined.cached());
    } else if (joined.toSend() != null) {
      send(name, type, joined.toSend());
    }
  }

  /** Sends the query for {@code name} and {@code type}; its end is reported to everyone waiting for it. */
  private void send(Name name, int type, QueriesInFlight.Flight flight) {
    try {
      Message message = Message.newQuery(Record.newRecord(name, type, DClass.IN));
      message.getHeader().setID(QueryIds.RANDOM.nextInt(0x1_0000)); // RFC 5452 section 9.2: unpredictable
      Exchange exchange = new Exchange(transport, message, servers, timeout.toNanos(), new Exchange.Outcome() {
        @Override
        public void answered(Message reply) {
          handle(name, type, reply, flight);
        }

        @Override
        public void failed(Exception error) {
          fail(flight, FailureKind.RESOLUTION_FAILED, error);
        }
      });
      if (!exchange.submit()) {
        fail(flight, FailureKind.RESOLUTION_FAILED, new IOException("the resolver is closed"));
      }
    } catch (Throwable e) { // an Error too: who waits for this query is told, never left waiting
      fail(flight, FailureKind.RESOLUTION_FAILED, new IOException("sending " + name + " " + Type.string(type)
          + " failed: " + e, e));
    }
  }

  private void handle(Name name, int type, Message reply, QueriesInFlight.Flight flight) {
    try {
      if (reply.getRcode() == Rcode.NXDOMAIN) {
        fail(flight, FailureKind.NO_SUCH_NAME, new UnknownHostException(name + ": NXDOMAIN"));
        return;
      }
      AcceptedAnswer accepted = AcceptedAnswer.of(reply, name, type);
      for (QueriesInFlight.Waiter w : inFlight.answered(flight, accepted, System.nanoTime())) {
        try {
          w.answered(accepted.values());
        } catch (Throwable e) { // one waiter's trouble is its own: the others are told still
          Log.logger().log(Level.WARNING, "handling the answer of " + name + " " + Type.string(type) + " failed", e);
          w.failed(FailureKind.RESOLUTION_FAILED, new IOException(name + " " + Type.string(type) + ": " + e, e));
        }
      }
    } catch (Throwable e) { // an Error too: the query is reported whatever happened
      fail(flight, FailureKind.RESOLUTION_FAILED, e instanceof IOException io ? io
          : new IOException(name + " " + Type.string(type) + ": " + e, e));
    }
  }

  private void fail(QueriesInFlight.Flight flight, FailureKind kind, Exception error) {
    for (QueriesInFlight.Waiter w : inFlight.ended(flight)) {
      w.failed(kind, error);
    }
  }

  /**
   * A name the hosts file lists is answered from it, both families, and DNS is not asked. A given hosts
   * file that cannot be read fails the lookup; the system's is skipped with a warning, as glibc goes on.
   */
  private boolean answeredFromHosts(String key, Origin origin, PendingLookup pending) {
    if (hosts == null) {
      return false;
    }
    Optional<HostsFile.Entry> entry;
    try {
      entry = hosts.lookup(key);
    } catch (IOException e) {
      if (hosts.isSystem()) {
        if (!e.getMessage().equals(lastHostsWarning)) {
          lastHostsWarning = e.getMessage();
          Log.logger().log(Level.WARNING, e.getMessage() + "; asking DNS instead");
        }
        return false;
      }
      pending.failRemaining(FailureKind.RESOLUTION_FAILED, e);
      return true;
    }
    if (entry.isEmpty()) {
      return false;
    }
    answerFromHosts(entry.get(), origin, pending);
    return true;
  }

  /** Both families from the hosts file, and no service records: the file has none. */
  private static void answerFromHosts(HostsFile.Entry entry, Origin origin, PendingLookup pending) {
    pending.answered(Query.AAAA, entry.ipv6());
    pending.answered(Query.A, entry.ipv4());
    if (origin != null) {
      pending.servicesAnswered(origin.query(), List.of());
    }
  }

  /**
   * The servers asked.
   *
   * @return the servers, in the order tried
   */
  public List<InetSocketAddress> servers() {
    return servers;
  }

  /**
   * How long one query waits for its answer.
   *
   * @return the timeout
   */
  public Duration timeout() {
    return timeout;
  }

  /** The network side, for tests. */
  DnsTransport transport() {
    return transport;
  }

  /** Fails what is pending, closes every socket and ends this resolver's thread; idempotent. */
  @Override
  public void close() {
    closed = true;
    transport.close();
    cache.clear();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("dns(servers=");
    for (int i = 0; i < servers.size(); i++) {
      InetSocketAddress a = servers.get(i);
      String host = a.getAddress().getHostAddress();
      s.append(i == 0 ? "" : "+").append(host.indexOf(':') >= 0 ? "[" + host + "]" : host).append(':')
          .append(a.getPort()); // '+' as the option joins them
    }
    return s.append(", timeout=").append(timeout.toMillis()).append("ms, hosts=")
        .append(hosts == null ? "none" : hosts.toString()).append(", cache=").append(cache.capacity()).append(')')
        .toString();
  }

  /** The one error for a list of more than {@link #MAX_SERVERS} servers. */
  static IllegalArgumentException tooManyServers(int given) {
    return new IllegalArgumentException("servers: " + given + " given, at most " + MAX_SERVERS + " are taken (each "
        + "query holds a socket per server it asks)");
  }

  /** Typed options, with the defaults and checks of {@link DnsOptions}, the text options' declarations. */
  public static final class Builder {
    private List<InetSocketAddress> servers;
    private Duration timeout = DnsOptions.TIMEOUT.defaultValue();
    private Path hostsPath; // null: the system's, unless noHosts
    private boolean noHosts;
    private Path systemHosts; // tests: a file taken as the host's
    private int cacheSize = DnsOptions.CACHE.defaultValue();

    private Builder() {}

    /**
     * The servers to ask, in order; the host's by default.
     *
     * @param servers at least one, at most {@link #MAX_SERVERS}
     * @return this builder
     * @throws IllegalArgumentException naming the limit when there are more
     */
    public Builder servers(List<InetSocketAddress> servers) {
      if (servers.isEmpty()) {
        throw new IllegalArgumentException("servers must name at least one server");
      }
      if (servers.size() > MAX_SERVERS) {
        throw tooManyServers(servers.size());
      }
      for (InetSocketAddress s : servers) {
        if (s.isUnresolved()) {
          throw new IllegalArgumentException("server " + s + " must be an address, not a name");
        }
        if (s.getPort() == 0) {
          throw new IllegalArgumentException("server " + s + " must have a port from 1 to 65535");
        }
      }
      this.servers = List.copyOf(servers);
      return this;
    }

    /**
     * How long each query waits for its answer; see {@link DnsOptions#TIMEOUT} for the default and the range.
     *
     * @param timeout positive, at most 5 minutes
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = DnsOptions.TIMEOUT.check(timeout);
      return this;
    }

    /**
     * The hosts file consulted first; the system's by default. It is read when the resolver is built.
     *
     * @param path a regular file of at most 16 MiB
     * @return this builder
     */
    public Builder hostsFile(Path path) {
      this.hostsPath = Objects.requireNonNull(path, "path");
      this.noHosts = false;
      return this;
    }

    /** Tests: {@code path} stands for the host's hosts file, with its rules (skipped when unreadable). */
    Builder systemHostsFileAt(Path path) {
      this.hostsPath = null;
      this.noHosts = false;
      this.systemHosts = path;
      return this;
    }

    /**
     * Consult no hosts file.
     *
     * @return this builder
     */
    public Builder noHostsFile() {
      this.hostsPath = null;
      this.noHosts = true;
      return this;
    }

    /**
     * How many answers (name and type) are kept for their time to live; 0 keeps none.
     *
     * @param entries 0 to 1,048,576; see {@link DnsOptions#CACHE} for the default
     * @return this builder
     */
    public Builder cacheSize(int entries) {
      this.cacheSize = DnsOptions.CACHE.check(entries);
      return this;
    }

    /**
     * The resolver.
     *
     * @return a new resolver
     * @throws IllegalStateException when no server is given and the host has none configured
     * @throws IllegalArgumentException naming the path and the limit when the given hosts file cannot be read
     */
    public DnsResolver build() {
      return new DnsResolver(this);
    }
  }

  /** Query IDs (RFC 5452 section 9.2: unpredictable), made by the first query: a hosts-file answer needs none. */
  private static final class QueryIds {
    static final SecureRandom RANDOM = new SecureRandom();
  }
}
