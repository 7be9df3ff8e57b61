package io.github.connectbylist;

import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.api.ConnectListener;
import io.github.connectbylist.api.Deadline;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.Addresses;
import io.github.connectbylist.api.LocalAddress;
import io.github.connectbylist.api.NameResolver;
import io.github.connectbylist.api.StrategyOptions;
import io.github.connectbylist.engine.Engine;
import io.github.connectbylist.engine.Host;
import io.github.connectbylist.internal.ConnectCall;
import io.github.connectbylist.internal.ConnectionDelivery;
import io.github.connectbylist.internal.Destinations;
import io.github.connectbylist.internal.EventLoop;
import io.github.connectbylist.internal.GuardedListener;
import io.github.connectbylist.internal.PairPlanner;
import io.github.connectbylist.internal.SocketTransport;
import io.github.connectbylist.internal.SystemHost;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketOption;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Connects to the best one of many candidate addresses: the JVM's {@code WSAConnectByList}. Each
 * destination is paired with the local addresses that can reach it; a {@link AddressPairRanker} orders the
 * pairs and an {@link AttemptScheduler} paces the attempts, both chosen at run time by name. One event loop
 * thread, started by the first connect that has to wait, drives the pending attempts of every connect of
 * an instance; {@link #close()} ends it.
 *
 * <pre>{@code
 * try (ConnectByList cbl = ConnectByList.builder().strategy("sequential").timeout(Duration.ofSeconds(5)).build()) {
 *   Connection c = cbl.connect(List.of(new InetSocketAddress("::1", 8080), new InetSocketAddress("127.0.0.1", 8080)));
 * }
 * }</pre>
 */
public final class ConnectByList implements AutoCloseable {
  /** The longest deadline a connect can have: a hundred years, which nanoseconds count without overflow. */
  public static final Duration MAX_TIMEOUT = Duration.ofDays(36_500);

  private final AddressPairRanker ranker;
  private final AttemptScheduler scheduler;
  private final Optional<Duration> timeout;
  private final Deadline deadline;
  private final Host host;
  private final History history;
  private final boolean osPicksSource;
  private final ConnectListener listener;
  private final EventLoop loop;
  private final Engine<SocketChannel, Connection> sockets;
  private final DestinationPolicy policy;
  private final Strategies strategies;
  private final boolean ownsResolver;
  private NameResolver resolver; // made on the first connect by name when none was given; guarded by this

  private ConnectByList(Builder b, AddressPairRanker ranker, AttemptScheduler scheduler, NameResolver resolver) {
    this.ranker = ranker;
    this.scheduler = scheduler;
    this.timeout = b.timeout;
    this.deadline = Deadline.of(b.timeout);
    this.host = b.host;
    this.history = b.history != null ? b.history : History.create();
    this.osPicksSource = b.osPicksSource;
    this.listener = GuardedListener.wrap(b.listener);
    this.loop = new EventLoop();
    this.sockets = new Engine<>(loop, new SocketTransport(loop, b.socketOptions, b.blocking), ConnectionDelivery.INSTANCE);
    this.policy = b.policy;
    this.strategies = b.strategies;
    this.resolver = resolver;
    this.ownsResolver = b.resolverInstance == null;
  }

  /**
   * Starts configuring an instance.
   *
   * @return a builder with the defaults: the discovered strategy, no deadline, the system's sources
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Connects to one of {@code addresses} and returns the connected socket, blocking until an attempt
   * connects, every attempt has failed, or the deadline passes. The calling thread plans the connect (local
   * addresses, ranking) and makes the attempts that complete at once; only a connect that has to wait
   * moves to the event loop. An interrupt ends the connect, closes every socket it opened, and throws with
   * kind {@code CANCELLED}; the interrupt flag stays set.
   *
   * @param addresses the destinations, IPv4 and IPv6 mixed, in the order a resolver gave them
   * @return the connected socket and how it was reached
   * @throws IllegalArgumentException naming a bad address (NullPointerException for a null one), before any socket opens
   * @throws IllegalStateException when this instance is closed
   * @throws ConnectFailedException carrying every attempt when none connected
   */
  public Connection connect(List<? extends InetSocketAddress> addresses) throws ConnectFailedException {
    return newCall(addresses, sockets).connectBlocking();
  }

  /**
   * Starts connecting to one of {@code addresses} and returns at once: the calling thread only checks the
   * addresses and queues the connect; the event loop plans it (local addresses, the operating system's
   * source choices, ranking) and runs it. The future completes on the event loop thread; cancelling it
   * ends the connect and closes every socket it opened. Bad addresses throw here, as in {@link #connect};
   * a failed connect completes the future with a {@link ConnectFailedException}.
   *
   * @param addresses the destinations, IPv4 and IPv6 mixed, in the order a resolver gave them
   * @return the connection to come; cancelling it ends the connect
   */
  public CompletableFuture<Connection> connectAsync(List<? extends InetSocketAddress> addresses) {
    return newCall(addresses, sockets).connectAsync();
  }

  /**
   * Runs a connect with this instance's strategies, deadline, listener and sources on another {@link
   * Engine}: a simulated network under a virtual clock (the lab), or an adapter's event loop and channels.
   * Everything but the argument checks runs on the engine's driver. {@link #close()} ends only the connects
   * of this instance's own event loop; those of another engine end with its driver.
   *
   * @param <C> what the engine's transport yields for a connected attempt
   * @param <R> what the caller gets
   * @param addresses the destinations
   * @param engine the driver, transport and delivery to run on
   * @return the engine's result to come; cancelling it ends the connect
   * @throws IllegalArgumentException naming a bad address, before anything is opened
   * @throws IllegalStateException when this instance is closed
   */
  public <C, R> CompletableFuture<R> connectAsync(List<? extends InetSocketAddress> addresses, Engine<C, R> engine) {
    Objects.requireNonNull(engine, "engine");
    return newCall(addresses, engine).connectAsync();
  }

  /**
   * Connects to {@code host} by name, blocking: resolves it with this instance's resolver and races the
   * answers as they arrive, as RFC 8305 section 3 describes (with {@code happy-eyeballs}: AAAA answered
   * first, start at once; A first, wait the resolution delay for AAAA; late addresses join the race). An
   * address literal connects without resolving. The deadline covers resolution; the trace has the answers
   * ({@link Connection#answers()}). The connect runs on the event loop, where the answers arrive; the
   * calling thread waits, and an interrupt ends the connect as {@link #connect(List)} says.
   *
   * @param host a host name, or an IP address literal (an IPv6 one with or without brackets)
   * @param port the port, 1 to 65535
   * @return the connected socket and how it was reached
   * @throws IllegalArgumentException when the host is empty or the port out of range
   * @throws IllegalStateException when this instance is closed
   * @throws ConnectFailedException carrying every answer and attempt when none connected; {@link
   *     FailureKind#NO_SUCH_NAME} or {@link FailureKind#RESOLUTION_FAILED} when the name gave no address
   */
  public Connection connect(String host, int port) throws ConnectFailedException {
    return newCall(host, port, sockets).connectBlocking();
  }

  /**
   * Connects to one of {@code addresses} as {@link #connect(List)} does, with this deadline instead of the
   * instance's: for callers whose API takes a timeout per connect, such as {@code Socket.connect(endpoint,
   * timeout)}.
   *
   * @param addresses the destinations
   * @param timeout this connect's overall deadline, positive
   * @return the connected socket and how it was reached
   * @throws IllegalArgumentException naming a bad address, or a timeout that is not positive
   * @throws IllegalStateException when this instance is closed
   * @throws ConnectFailedException carrying every attempt when none connected
   */
  public Connection connect(List<? extends InetSocketAddress> addresses, Duration timeout) throws ConnectFailedException {
    return newCall(addresses, sockets, positive(timeout)).connectBlocking();
  }

  /**
   * Starts connecting to one of {@code addresses} as {@link #connectAsync(List)} does, with this deadline
   * instead of the instance's.
   *
   * @param addresses the destinations
   * @param timeout this connect's overall deadline, positive
   * @return the connection to come; cancelling it ends the connect
   * @throws IllegalArgumentException naming a bad address, or a timeout that is not positive
   * @throws IllegalStateException when this instance is closed
   */
  public CompletableFuture<Connection> connectAsync(List<? extends InetSocketAddress> addresses, Duration timeout) {
    return newCall(addresses, sockets, positive(timeout)).connectAsync();
  }

  /**
   * Connects to {@code host} by name as {@link #connect(String, int)} does, with this deadline instead of
   * the instance's.
   *
   * @param host a host name, or an IP address literal
   * @param port the port, 1 to 65535
   * @param timeout this connect's overall deadline, resolution included, positive
   * @return the connected socket and how it was reached
   * @throws IllegalArgumentException when the host is empty, the port out of range or the timeout not positive
   * @throws IllegalStateException when this instance is closed
   * @throws ConnectFailedException carrying every answer and attempt when none connected
   */
  public Connection connect(String host, int port, Duration timeout) throws ConnectFailedException {
    return newCall(host, port, sockets, positive(timeout)).connectBlocking();
  }

  /**
   * Starts connecting to {@code host} by name as {@link #connectAsync(String, int)} does, with this deadline
   * instead of the instance's.
   *
   * @param host a host name, or an IP address literal
   * @param port the port, 1 to 65535
   * @param timeout this connect's overall deadline, resolution included, positive
   * @return the connection to come; cancelling it ends the connect and its resolution
   * @throws IllegalArgumentException when the host is empty, the port out of range or the timeout not positive
   * @throws IllegalStateException when this instance is closed
   */
  public CompletableFuture<Connection> connectAsync(String host, int port, Duration timeout) {
    return newCall(host, port, sockets, positive(timeout)).connectAsync();
  }

  private static Deadline positive(Duration timeout) {
    return Deadline.after(checkTimeout(timeout));
  }

  /** A deadline is positive and at most {@link #MAX_TIMEOUT}, which nanoseconds can count with room to spare. */
  private static Duration checkTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException("timeout must be positive and at most " + MAX_TIMEOUT.toDays()
          + " days (leave it unset for none), was " + StrategyOptions.formatDuration(timeout));
    }
    return timeout;
  }

  /**
   * Starts connecting to {@code host} by name and returns at once; see {@link #connect(String, int)}.
   *
   * @param host a host name, or an IP address literal
   * @param port the port, 1 to 65535
   * @return the connection to come; cancelling it ends the connect and its resolution
   * @throws IllegalArgumentException when the host is empty or the port out of range
   * @throws IllegalStateException when this instance is closed
   */
  public CompletableFuture<Connection> connectAsync(String host, int port) {
    return newCall(host, port, sockets).connectAsync();
  }

  /**
   * Connects by name on another {@link Engine}, as {@link #connectAsync(List, Engine)} does for a list.
   *
   * @param <C> what the engine's transport yields for a connected attempt
   * @param <R> what the caller gets
   * @param host a host name, or an IP address literal
   * @param port the port, 1 to 65535
   * @param engine the driver, transport and delivery to run on
   * @return the engine's result to come; cancelling it ends the connect
   * @throws IllegalArgumentException when the host is empty or the port out of range
   * @throws IllegalStateException when this instance is closed
   */
  public <C, R> CompletableFuture<R> connectAsync(String host, int port, Engine<C, R> engine) {
    Objects.requireNonNull(engine, "engine");
    return newCall(host, port, engine).connectAsync();
  }

  /**
   * The resolver of connects by name: the one given to the builder, or made from its name, or (when none
   * was named) the discovered one of highest priority, made on first use.
   *
   * @return the resolver
   */
  public synchronized NameResolver resolver() {
    if (resolver == null) {
      resolver = (strategies != null ? strategies : Strategies.discovered()).defaultResolver();
    }
    return resolver;
  }

  /**
   * Which destinations this instance may connect to.
   *
   * @return the policy; {@link DestinationPolicy#allowAll()} unless the builder said otherwise
   */
  public DestinationPolicy destinations() {
    return policy;
  }

  /**
   * What this instance remembers of its connects.
   *
   * @return the history, shared or its own
   */
  public History history() {
    return history;
  }

  /**
   * The ranker in use.
   *
   * @return the ranker this instance orders pairs with
   */
  public AddressPairRanker ranker() {
    return ranker;
  }

  /**
   * The scheduler in use.
   *
   * @return the scheduler this instance paces attempts with
   */
  public AttemptScheduler scheduler() {
    return scheduler;
  }

  /**
   * The deadline in use.
   *
   * @return the overall deadline of each connect, if any
   */
  public Optional<Duration> timeout() {
    return timeout;
  }

  /**
   * Ends every connect in progress on this instance's event loop (they fail as {@code CANCELLED}) and
   * stops its thread; later connects throw {@link IllegalStateException}. Safe to call from any thread and
   * more than once; it returns when those connects have ended.
   */
  @Override
  public void close() {
    loop.close();
    NameResolver made;
    synchronized (this) {
      made = ownsResolver ? resolver : null;
    }
    if (made != null) {
      made.close();
    }
  }

  /** The one place a connect is wired, for every engine: checked destinations, a plan made later, the call. */
  private <C, R> ConnectCall<C, R> newCall(List<? extends InetSocketAddress> addresses, Engine<C, R> engine) {
    return newCall(addresses, engine, deadline);
  }

  private <C, R> ConnectCall<C, R> newCall(
      List<? extends InetSocketAddress> addresses, Engine<C, R> engine, Deadline deadline) {
    long start = engine.driver().nanoTime();
    checkOpen();
    return new ConnectCall<>(engine, listener, planner(Destinations.check(addresses), false, deadline), start,
        deadline.nanos());
  }

  /** The same for a connect by name; a literal is a list of one. */
  private <C, R> ConnectCall<C, R> newCall(String name, int port, Engine<C, R> engine) {
    return newCall(name, port, engine, deadline);
  }

  private <C, R> ConnectCall<C, R> newCall(String name, int port, Engine<C, R> engine, Deadline deadline) {
    Objects.requireNonNull(name, "host");
    String host = name.trim();
    if (host.isEmpty()) {
      throw new IllegalArgumentException("host is empty");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " of " + host + " is out of range: 1 to 65535");
    }
    if (Addresses.looksLiteral(host)) { // ASCII only: anything else is a name, for the configured resolver
      String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
      return newCall(List.of(new InetSocketAddress(Addresses.parseLiteral(bare), port)), engine, deadline);
    }
    if (host.startsWith("[") || host.endsWith("]")) {
      throw new IllegalArgumentException("host '" + host + "' is in brackets but is not an IPv6 literal");
    }
    long start = engine.driver().nanoTime();
    checkOpen();
    return new ConnectCall<>(engine, listener, planner(List.of(), true, deadline), host, port, resolver(), start,
        deadline.nanos());
  }

  /** Refuses a connect once closed, or once the event loop stopped on a fatal error (named as the cause). */
  private void checkOpen() {
    if (loop.isClosing()) {
      Throwable stoppedBy = loop.stoppedBy();
      throw stoppedBy == null ? new IllegalStateException("this ConnectByList is closed")
          : new IllegalStateException("the event loop of this ConnectByList stopped on " + stoppedBy
              + "; it connects no more: build a new one", stoppedBy);
    }
  }

  private PairPlanner planner(List<InetSocketAddress> destinations, boolean byName, Deadline deadline) {
    boolean bindEverySource = host != SystemHost.INSTANCE; // the caller's sources are bound as given
    return new PairPlanner(destinations, byName, host, bindEverySource, osPicksSource, ranker, scheduler, deadline,
        history.table(), policy);
  }

  @Override
  public String toString() {
    return "ConnectByList[ranker=" + ranker + ", scheduler=" + scheduler + ", timeout="
        + timeout.map(StrategyOptions::formatDuration).orElse("none") + "]";
  }

  /** Options of a {@link ConnectByList}; every setter checks its argument at once. */
  public static final class Builder {
    private String strategy;
    private String rankerSpec;
    private String schedulerSpec;
    private AddressPairRanker rankerInstance;
    private AttemptScheduler schedulerInstance;
    private Optional<Duration> timeout = Optional.empty();
    private ConnectListener listener = ConnectListener.NONE;
    private Host host = SystemHost.INSTANCE;
    private History history;
    private boolean osPicksSource;
    private final Map<SocketOption<?>, Object> socketOptions = new LinkedHashMap<>();
    private boolean blocking = true;
    private Strategies strategies;
    private String resolverSpec;
    private NameResolver resolverInstance;
    private DestinationPolicy policy = DestinationPolicy.allowAll();

    private Builder() {}

    /**
     * Sets the ranker and the scheduler of that name, with options: {@code happy-eyeballs(...)}.
     *
     * @param spec a name, with options if any
     * @return this builder
     */
    public Builder strategy(String spec) {
      this.strategy = Objects.requireNonNull(spec, "strategy");
      return this;
    }

    /**
     * The ranker by name and options, such as {@code sequential}; wins over {@link #strategy}.
     *
     * @param spec a name, with options if any
     * @return this builder
     */
    public Builder ranker(String spec) {
      this.rankerSpec = Objects.requireNonNull(spec, "ranker");
      this.rankerInstance = null;
      return this;
    }

    /**
     * The scheduler by name and options, such as {@code sequential(attempt-timeout=250ms)}.
     *
     * @param spec a name, with options if any
     * @return this builder
     */
    public Builder scheduler(String spec) {
      this.schedulerSpec = Objects.requireNonNull(spec, "scheduler");
      this.schedulerInstance = null;
      return this;
    }

    /**
     * A ranker made in code, such as one built with a strategy module's typed builder.
     *
     * @param ranker the ranker
     * @return this builder
     */
    public Builder ranker(AddressPairRanker ranker) {
      this.rankerInstance = Objects.requireNonNull(ranker, "ranker");
      this.rankerSpec = null;
      return this;
    }

    /**
     * A scheduler made in code, such as {@code SequentialScheduler.builder()...build()}.
     *
     * @param scheduler the scheduler
     * @return this builder
     */
    public Builder scheduler(AttemptScheduler scheduler) {
      this.schedulerInstance = Objects.requireNonNull(scheduler, "scheduler");
      this.schedulerSpec = null;
      return this;
    }

    /**
     * Where strategies are looked up by name; {@link Strategies#discovered()} by default.
     *
     * @param strategies the strategies to choose from
     * @return this builder
     */
    public Builder strategies(Strategies strategies) {
      this.strategies = Objects.requireNonNull(strategies, "strategies");
      return this;
    }

    /**
     * The overall deadline of each connect, exact: when it passes every attempt is closed. None by default.
     *
     * @param timeout positive, at most {@link ConnectByList#MAX_TIMEOUT}
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Optional.of(checkTimeout(timeout));
      return this;
    }

    /**
     * Hears every attempt; called on the thread that drives the connect, so it must be quick.
     *
     * @param listener the listener; what it throws is logged and ignored
     * @return this builder
     */
    public Builder listener(ConnectListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Use these source addresses instead of the host's; each pair's source is then always bound.
     *
     * @param addresses the sources to pair destinations with
     * @return this builder
     */
    public Builder localAddresses(List<LocalAddress> addresses) {
      Objects.requireNonNull(addresses, "localAddresses");
      for (int i = 0; i < addresses.size(); i++) {
        Objects.requireNonNull(addresses.get(i), "localAddresses[" + i + "]");
      }
      this.host = SystemHost.withAddresses(addresses);
      return this;
    }

    /**
     * What this instance remembers of its connects: a {@link History} of its own by default; pass one to
     * share it between instances, or {@link History#none()} to keep nothing.
     *
     * @param history the history
     * @return this builder
     */
    public Builder history(History history) {
      this.history = Objects.requireNonNull(history, "history");
      return this;
    }

    /**
     * Where local addresses and the operating system's source choices come from; the system's own by
     * default. The lab gives a simulated host; every source of a host given here is bound.
     *
     * @param host the host's addresses and the OS's choice of source
     * @return this builder
     */
    public Builder host(Host host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /**
     * One pair per destination with the source left to the operating system, as a plain connect does.
     *
     * @param osPicks one pair per destination, source left to the OS
     * @return this builder
     */
    public Builder osPicksSource(boolean osPicks) {
      this.osPicksSource = osPicks;
      return this;
    }

    /**
     * A socket option set on every attempt's socket before it connects.
     *
     * @param <T> the option's type
     * @param option a socket option the platform supports
     * @param value its value
     * @return this builder
     */
    public <T> Builder socketOption(SocketOption<T> option, T value) {
      Objects.requireNonNull(option, "option");
      Objects.requireNonNull(value, "value of " + option.name());
      if (!option.type().isInstance(value)) {
        throw new IllegalArgumentException(
            "socket option " + option.name() + " takes a " + option.type().getSimpleName() + ", not " + value);
      }
      socketOptions.put(option, value);
      return this;
    }

    /**
     * Whether the connected channel is handed over in blocking mode (the default) or non-blocking.
     *
     * @param blocking blocking mode for the connected channel
     * @return this builder
     */
    public Builder blocking(boolean blocking) {
      this.blocking = blocking;
      return this;
    }

    /**
     * The resolver of connects by name, by name and options, such as {@code system} or {@code
     * dns(servers=127.0.0.1:5353)}; made by {@link #build()} and closed with the instance. By default the
     * system property {@value Strategies#RESOLVER_PROPERTY}, else the discovered resolver of highest priority.
     *
     * @param spec a name, with options if any
     * @return this builder
     */
    public Builder resolver(String spec) {
      this.resolverSpec = Objects.requireNonNull(spec, "resolver");
      this.resolverInstance = null;
      return this;
    }

    /**
     * A resolver made in code; the caller keeps it, and closes it after the instance.
     *
     * @param resolver the resolver
     * @return this builder
     */
    public Builder resolver(NameResolver resolver) {
      this.resolverInstance = Objects.requireNonNull(resolver, "resolver");
      this.resolverSpec = null;
      return this;
    }

    /**
     * Which destinations may be connected: every address is checked, those of late answers too, before any
     * socket opens for it. Everything is allowed by default.
     *
     * @param policy such as {@link DestinationPolicy#denyPrivate()}
     * @return this builder
     */
    public Builder destinations(DestinationPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Resolves the strategies and checks the options.
     *
     * @return the instance; close it when done
     * @throws IllegalArgumentException naming an unknown strategy or option, with what exists
     */
    public ConnectByList build() {
      checkSocketOptions();
      AddressPairRanker ranker = rankerInstance;
      AttemptScheduler scheduler = schedulerInstance;
      if (ranker == null || scheduler == null) { // discovery scans the class path: only when a name is needed
        Strategies found = strategies != null ? strategies : Strategies.discovered();
        if (ranker == null && rankerSpec != null) {
          ranker = found.ranker(rankerSpec);
        }
        if (scheduler == null && schedulerSpec != null) {
          scheduler = found.scheduler(schedulerSpec);
        }
        if (ranker == null || scheduler == null) {
          Strategies.Choice choice = strategy != null ? found.strategy(strategy) : found.defaults();
          ranker = ranker != null ? ranker : choice.ranker();
          scheduler = scheduler != null ? scheduler : choice.scheduler();
        }
      }
      NameResolver resolver = resolverInstance;
      if (resolver == null && resolverSpec != null) {
        resolver = (strategies != null ? strategies : Strategies.discovered()).resolver(resolverSpec);
      }
      return new ConnectByList(this, ranker, scheduler, resolver);
    }

    private void checkSocketOptions() {
      if (socketOptions.isEmpty()) {
        return;
      }
      try (SocketChannel probe = SocketChannel.open()) {
        for (SocketOption<?> option : socketOptions.keySet()) {
          if (!probe.supportedOptions().contains(option)) {
            throw new IllegalArgumentException("socket option " + option.name() + " is not supported; supported: "
                + probe.supportedOptions());
          }
        }
      } catch (IOException e) {
        throw new IllegalStateException("cannot open a socket to check the socket options", e);
      }
    }
  }
}
