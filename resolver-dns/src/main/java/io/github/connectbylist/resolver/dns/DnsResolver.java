package io.github.connectbylist.resolver.dns;

import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.NameResolver;
import io.github.connectbylist.api.Query;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.hosts.HostsFileParser;

/**
 * Resolver {@code dns}: sends the AAAA and the A query at once (RFC 8305 section 3: AAAA first) and reports
 * each answer the moment it arrives, so that a connect can start on the first family to answer instead of
 * waiting for both, as {@code InetAddress.getAllByName} does.
 *
 * <ul>
 *   <li>The hosts file comes first, as the system's resolver does: a name it lists is answered from it for
 *       both families and no query is sent (dnsjava's parser keeps one address per family and name).
 *   <li>Answers are kept for their time to live (the smallest TTL of the records), up to {@code cache}
 *       names and types; empty and failed answers are not kept.
 *   <li>Servers are the host's ({@code /etc/resolv.conf}, or the platform's configuration, read by
 *       dnsjava) unless {@code servers} names them; each query gives up after {@code timeout}, which is then
 *       a {@link FailureKind#RESOLUTION_FAILED} answer. NXDOMAIN is {@link FailureKind#NO_SUCH_NAME}.
 *   <li>Names are taken as absolute: no search domains are appended.
 * </ul>
 *
 * <p>Threads: dnsjava sends and receives on one daemon selector thread for the whole JVM, shared with any
 * other user of dnsjava, and answers are reported on it. Closing this resolver stops nothing of dnsjava's,
 * since other code may be using it; it only stops reporting.
 */
public final class DnsResolver implements NameResolver {
  /** How long a query waits for its answer by default: glibc's default {@code timeout:5}. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  /** Names and types kept by default. */
  public static final int DEFAULT_CACHE_SIZE = 256;

  private final Resolver resolver;
  private final List<InetSocketAddress> servers;
  private final Duration timeout;
  private final HostsFileParser hosts;
  private final String hostsText;
  private final TtlCache cache;
  private volatile boolean closed;

  private DnsResolver(Builder b) {
    this.servers = b.servers != null ? b.servers : ResolverConfig.getCurrentConfig().servers();
    if (servers.isEmpty()) {
      throw new IllegalStateException("no DNS server is configured on this host; give servers=HOST:PORT");
    }
    this.timeout = b.timeout;
    this.resolver = resolverFor(servers, timeout);
    this.hostsText = b.hosts == null ? "none" : b.hosts.map(Path::toString).orElse("system");
    this.hosts = b.hosts == null ? null : b.hosts.isPresent() ? new HostsFileParser(b.hosts.get()) : new HostsFileParser();
    this.cache = new TtlCache(b.cacheSize);
  }

  /**
   * Options, starting from the host's servers, a 5 s timeout, the system's hosts file and a cache of 256.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  private static Resolver resolverFor(List<InetSocketAddress> servers, Duration timeout) {
    List<Resolver> each = new ArrayList<>(servers.size());
    for (InetSocketAddress server : servers) {
      SimpleResolver r = new SimpleResolver(server);
      r.setTimeout(timeout);
      each.add(r);
    }
    if (each.size() == 1) {
      return each.get(0);
    }
    ExtendedResolver extended = new ExtendedResolver(each);
    extended.setTimeout(timeout);
    return extended;
  }

  @Override
  public Lookup resolve(String host, Answers answers) {
    Objects.requireNonNull(answers, "answers");
    Name name;
    try {
      name = Name.fromString(host.endsWith(".") ? host : host + ".");
    } catch (TextParseException e) {
      answers.failed(Query.AAAA, FailureKind.NO_SUCH_NAME, e);
      answers.failed(Query.A, FailureKind.NO_SUCH_NAME, e);
      answers.done();
      return Lookup.DONE;
    }
    if (answeredFromHosts(name, answers)) {
      return Lookup.DONE;
    }
    Pending pending = new Pending(host, answers);
    for (Query query : new Query[] {Query.AAAA, Query.A}) { // RFC 8305 section 3: AAAA first
      int type = query == Query.AAAA ? Type.AAAA : Type.A;
      Optional<List<InetAddress>> cached = cache.get(name, type, System.nanoTime());
      if (cached.isPresent()) {
        pending.answered(query, cached.get());
        continue;
      }
      if (closed) {
        pending.failed(query, FailureKind.RESOLUTION_FAILED, new IllegalStateException("the resolver is closed"));
        continue;
      }
      Message message = Message.newQuery(Record.newRecord(name, type, DClass.IN));
      try {
        resolver.sendAsync(message, Runnable::run).whenComplete((response, error) -> {
          if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            pending.failed(query, FailureKind.RESOLUTION_FAILED,
                cause instanceof Exception e ? e : new IOException(cause.toString(), cause));
          } else {
            handle(name, type, query, response, pending);
          }
        });
      } catch (RuntimeException e) {
        pending.failed(query, FailureKind.RESOLUTION_FAILED, e);
      }
    }
    return pending;
  }

  private void handle(Name name, int type, Query query, Message response, Pending pending) {
    int rcode = response.getRcode();
    if (rcode == Rcode.NXDOMAIN) {
      pending.failed(query, FailureKind.NO_SUCH_NAME, new UnknownHostException(name + ": NXDOMAIN"));
      return;
    }
    if (rcode != Rcode.NOERROR) {
      pending.failed(query, FailureKind.RESOLUTION_FAILED,
          new IOException(name + " " + Type.string(type) + ": " + Rcode.string(rcode)));
      return;
    }
    List<InetAddress> addresses = new ArrayList<>();
    long ttl = Long.MAX_VALUE;
    for (Record r : response.getSection(Section.ANSWER)) { // CNAMEs lead to these; the records are what counts
      if (r.getType() == type) {
        addresses.add(r instanceof AAAARecord v6 ? v6.getAddress() : ((ARecord) r).getAddress());
        ttl = Math.min(ttl, r.getTTL());
      }
    }
    if (!addresses.isEmpty()) {
      cache.put(name, type, addresses, ttl, System.nanoTime());
    }
    pending.answered(query, addresses);
  }

  /** A name the hosts file lists is answered from it, both families, and DNS is not asked. */
  private boolean answeredFromHosts(Name name, Answers answers) {
    if (hosts == null) {
      return false;
    }
    Optional<InetAddress> v6;
    Optional<InetAddress> v4;
    try {
      v6 = hosts.getAddressForHost(name, Type.AAAA);
      v4 = hosts.getAddressForHost(name, Type.A);
    } catch (IOException | RuntimeException e) {
      return false; // an unreadable hosts file: ask DNS, as glibc does
    }
    if (v6.isEmpty() && v4.isEmpty()) {
      return false;
    }
    answers.answered(Query.AAAA, v6.isPresent() ? List.of(v6.get()) : List.of());
    answers.answered(Query.A, v4.isPresent() ? List.of(v4.get()) : List.of());
    answers.done();
    return true;
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

  @Override
  public void close() {
    closed = true;
    cache.clear();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("dns(servers=");
    for (int i = 0; i < servers.size(); i++) {
      InetSocketAddress a = servers.get(i);
      String host = a.getAddress().getHostAddress();
      s.append(i == 0 ? "" : ",").append(host.indexOf(':') >= 0 ? "[" + host + "]" : host).append(':').append(a.getPort());
    }
    return s.append(", timeout=").append(timeout.toMillis()).append("ms, hosts=").append(hostsText)
        .append(", cache=").append(cache.capacity()).append(')').toString();
  }

  /**
   * The two queries of one name: reports each once, in the order they end, then {@code done}; calls never
   * overlap, and nothing is reported after a cancel.
   */
  private static final class Pending implements Lookup {
    private final String host;
    private final Answers answers;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private int left = 2;

    Pending(String host, Answers answers) {
      this.host = host;
      this.answers = answers;
    }

    synchronized void answered(Query query, List<InetAddress> addresses) {
      if (!cancelled.get()) {
        answers.answered(query, addresses);
      }
      ended();
    }

    synchronized void failed(Query query, FailureKind kind, Exception error) {
      if (!cancelled.get()) {
        answers.failed(query, kind, error);
      }
      ended();
    }

    private void ended() {
      if (--left == 0 && !cancelled.get()) {
        answers.done();
      }
    }

    @Override
    public void cancel() {
      cancelled.set(true);
    }

    @Override
    public String toString() {
      return "lookup of " + host;
    }
  }

  /** Typed options; the text options of {@link DnsResolverProvider} map onto these. */
  public static final class Builder {
    private List<InetSocketAddress> servers;
    private Duration timeout = DEFAULT_TIMEOUT;
    private Optional<Path> hosts = Optional.empty(); // empty: the system's; null: none
    private int cacheSize = DEFAULT_CACHE_SIZE;

    private Builder() {}

    /**
     * The servers to ask, in order; the host's by default.
     *
     * @param servers at least one
     * @return this builder
     */
    public Builder servers(List<InetSocketAddress> servers) {
      if (servers.isEmpty()) {
        throw new IllegalArgumentException("servers must name at least one server");
      }
      for (InetSocketAddress s : servers) {
        if (s.isUnresolved()) {
          throw new IllegalArgumentException("server " + s + " must be an address, not a name");
        }
      }
      this.servers = List.copyOf(servers);
      return this;
    }

    /**
     * How long each query waits for its answer; 5 s by default.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("timeout must be positive, was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * The hosts file consulted first; the system's by default.
     *
     * @param path a hosts file
     * @return this builder
     */
    public Builder hostsFile(Path path) {
      this.hosts = Optional.of(path);
      return this;
    }

    /**
     * Consult no hosts file.
     *
     * @return this builder
     */
    public Builder noHostsFile() {
      this.hosts = null;
      return this;
    }

    /**
     * How many answers (name and type) are kept for their time to live; 0 keeps none.
     *
     * @param entries not negative
     * @return this builder
     */
    public Builder cacheSize(int entries) {
      if (entries < 0) {
        throw new IllegalArgumentException("cache must not be negative, was " + entries);
      }
      this.cacheSize = entries;
      return this;
    }

    /**
     * The resolver.
     *
     * @return a new resolver
     * @throws IllegalStateException when no server is given and the host has none configured
     */
    public DnsResolver build() {
      return new DnsResolver(this);
    }
  }
}
