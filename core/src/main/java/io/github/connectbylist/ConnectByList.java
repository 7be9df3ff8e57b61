package io.github.connectbylist;

import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.api.ConnectListener;
import io.github.connectbylist.api.Deadline;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.LocalAddress;
import io.github.connectbylist.api.NameResolver;
import io.github.connectbylist.api.Origin;
import io.github.connectbylist.engine.Delivery;
import io.github.connectbylist.engine.Driver;
import io.github.connectbylist.engine.Engine;
import io.github.connectbylist.engine.Host;
import io.github.connectbylist.engine.Transport;
import io.github.connectbylist.internal.Call;
import io.github.connectbylist.internal.ConnectCall;
import io.github.connectbylist.internal.ConnectionDelivery;
import io.github.connectbylist.internal.EventLoop;
import io.github.connectbylist.internal.GuardedListener;
import io.github.connectbylist.internal.LazyResolver;
import io.github.connectbylist.internal.Nat64Prefixes;
import io.github.connectbylist.internal.PairPlanner;
import io.github.connectbylist.internal.Settings;
import io.github.connectbylist.internal.SocketTransport;
import io.github.connectbylist.internal.SystemHost;
import io.github.connectbylist.internal.Warmup;
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
 *   Connection d = cbl.connect(ConnectRequest.to("db.example", 5432).timeout(Duration.ofSeconds(2)));
 * }
 * }</pre>
 *
 * <p>Every connect is one {@link ConnectRequest}; the shorthands {@link #connect(List)} and {@link
 * #connect(String, int)} make one. Each call makes its own deadline once, from its request's timeout or
 * else the instance's, and everything that runs for it (the planner, the schedule) reads that one.
 */
public final class ConnectByList implements AutoCloseable {
  /** The longest deadline a connect can have: a hundred years, which nanoseconds count without overflow. */
  public static final Duration MAX_TIMEOUT = Duration.ofDays(36_500);

  private final Settings settings;
  private final Optional<Duration> timeout;
  private final Deadline deadline;
  private final History history;
  private final EventLoop loop;
  private final Engine<SocketChannel, Connection> sockets;
  private final LazyResolver resolver;
  private final boolean ownsResolver;

  private ConnectByList(Builder b, AddressPairRanker ranker, AttemptScheduler scheduler, NameResolver resolver) {
    this.history = b.history != null ? b.history : History.create();
    this.settings = new Settings(ranker, scheduler, GuardedListener.wrap(b.listener), history.table(), b.policy,
        b.osPicksSource, b.service, b.nat64 ? new Nat64Prefixes() : null);
    this.timeout = b.timeout;
    this.deadline = Deadline.of(b.timeout);
    this.loop = new EventLoop();
    this.ownsResolver = b.resolverInstance == null;
    this.resolver = new LazyResolver(resolver, b.strategies);
    this.sockets = new Engine<>(loop, new SocketTransport(loop, b.socketOptions, b.blocking),
        ConnectionDelivery.INSTANCE, this.resolver, b.host);
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
   * connects, every attempt has failed, or the deadline passes; {@code connect(ConnectRequest.to(addresses))}.
   *
   * @param addresses the destinations, IPv4 and IPv6 mixed, in the order a resolver gave them
   * @return the connected socket and how it was reached
   * @throws IllegalArgumentException naming a bad address (NullPointerException for a null one), before any socket opens
   * @throws IllegalStateException when this instance is closed
   * @throws ConnectFailedException carrying every attempt when none connected
   */
  public Connection connect(List<? extends InetSocketAddress> addresses) throws ConnectFailedException {
    return connect(ConnectRequest.to(addresses));
  }

  /**
   * Connects to {@code host} by name, blocking; {@code connect(ConnectRequest.to(host, port))}.
   *
   * @param host a host name, or an IP address literal (an IPv6 one with or without brackets)
   * @param port the port, 1 to 65535
   * @return the connected socket and how it was reached
   * @throws IllegalArgumentException when the host is empty or a bad literal, or the port out of range
   * @throws IllegalStateException when this instance is closed
   * @throws ConnectFailedException carrying every answer and attempt when none connected; {@link
   *     FailureKind#NO_SUCH_NAME} or {@link FailureKind#RESOLUTION_FAILED} when the name gave no address
   */
  public Connection connect(String host, int port) throws ConnectFailedException {
    return connect(ConnectRequest.to(host, port));
  }

  /**
   * Connects as {@code request} asks, blocking until an attempt connects, every attempt has failed, or the
   * deadline passes. A connect to a list plans on the calling thread (local addresses, ranking) and makes the
   * attempts that complete at once; only one that has to wait moves to the event loop. A connect by name asks
   * its resolver on the calling thread too and races the answers as RFC 8305 section 3 describes (with {@code
   * happy-eyeballs}: AAAA answered first, start at once; A first, wait the resolution delay for AAAA; late
   * addresses join the race); the deadline covers resolution, and the trace has the answers. An interrupt
   * ends the connect, closes every socket it opened, and throws with kind {@code CANCELLED}; the interrupt flag
   * stays set.
   *
   * @param request what to connect to, with this call's own timeout and sources if any
   * @return the connected socket and how it was reached
   * @throws IllegalStateException when this instance is closed
   * @throws ConnectFailedException carrying every attempt (and answer) when none connected
   */
  public Connection connect(ConnectRequest request) throws ConnectFailedException {
    return newCall(request, sockets).connectBlocking();
  }

  /**
   * Starts connecting to one of {@code addresses} and returns at once; {@code
   * connectAsync(ConnectRequest.to(addresses))}.
   *
   * @param addresses the destinations, IPv4 and IPv6 mixed, in the order a resolver gave them
   * @return the connection to come; cancelling it ends the connect
   * @throws IllegalArgumentException naming a bad address (NullPointerException for a null one)
   */
  public CompletableFuture<Connection> connectAsync(List<? extends InetSocketAddress> addresses) {
    return connectAsync(ConnectRequest.to(addresses));
  }

  /**
   * Starts connecting to {@code host} by name and returns at once; {@code
   * connectAsync(ConnectRequest.to(host, port))}.
   *
   * @param host a host name, or an IP address literal
   * @param port the port, 1 to 65535
   * @return the connection to come; cancelling it ends the connect and its resolution
   * @throws IllegalArgumentException when the host is empty or a bad literal, or the port out of range
   */
  public CompletableFuture<Connection> connectAsync(String host, int port) {
    return connectAsync(ConnectRequest.to(host, port));
  }

  /**
   * Starts connecting as {@code request} asks and returns at once: the calling thread only queues the
   * connect; the event loop plans it (local addresses, the operating system's source choices, ranking) and
   * runs it. The future completes on the event loop thread; cancelling it ends the connect and closes every
   * socket it opened. A failed connect completes it with a {@link ConnectFailedException}.
   *
   * @param request what to connect to, with this call's own timeout and sources if any
   * @return the connection to come; cancelling it ends the connect
   * @throws IllegalStateException when this instance is closed
   */
  public CompletableFuture<Connection> connectAsync(ConnectRequest request) {
    return newCall(request, sockets).connectAsync();
  }

  /**
   * Runs a connect with this instance's strategies, deadline, listener and policy on another {@link Engine}:
   * a simulated network under a virtual clock (the lab), or an adapter's event loop and channels ({@link
   * #engine} makes one with this instance's resolver and host). Everything runs on the engine's driver.
   * {@link #close()} ends only the connects of this instance's own event loop; those of another engine end
   * with its driver.
   *
   * @param <C> what the engine's transport yields for a connected attempt
   * @param <R> what the caller gets
   * @param request what to connect to
   * @param engine the driver, transport, delivery, resolver and host to run on
   * @return the engine's result to come; cancelling it ends the connect
   * @throws IllegalStateException when this instance is closed
   */
  public <C, R> CompletableFuture<R> connectAsync(ConnectRequest request, Engine<C, R> engine) {
    return newCall(request, Objects.requireNonNull(engine, "engine")).connectAsync();
  }

  /**
   * An engine of another driver, transport and delivery (an adapter's event loop and channels) with this
   * instance's resolver and host, for {@link #connectAsync(ConnectRequest, Engine)}.
   *
   * @param <C> what the transport yields for a connected attempt
   * @param <R> what the caller gets
   * @param driver the clock, timers and thread
   * @param transport opens and watches attempts
   * @param delivery makes the caller's result
   * @return the engine
   */
  public <C, R> Engine<C, R> engine(Driver driver, Transport<C> transport, Delivery<C, R> delivery) {
    return new Engine<>(driver, transport, delivery, resolver, sockets.host());
  }

  /**
   * The resolver of connects by name: the one given to the builder, or made from its name, or (when none
   * was named) the discovered one of highest priority, made on first use.
   *
   * @return the resolver
   */
  public NameResolver resolver() {
    return resolver.get();
  }

  /**
   * Which destinations this instance may connect to.
   *
   * @return the policy; {@link DestinationPolicy#allowAll()} unless the builder said otherwise
   */
  public DestinationPolicy destinations() {
    return settings.policy();
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
    return settings.ranker();
  }

  /**
   * The scheduler in use.
   *
   * @return the scheduler this instance paces attempts with
   */
  public AttemptScheduler scheduler() {
    return settings.scheduler();
  }

  /**
   * The deadline of a connect whose request has no timeout of its own.
   *
   * @return the instance's timeout, if any
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
    if (ownsResolver) {
      resolver.close();
    }
  }

  /**
   * The one place a connect is wired, for every engine: its deadline made once (the request's timeout,
   * else the instance's), its sources (the request's, else the engine's host's), its planner, the call.
   */
  private <C, R> ConnectCall<C, R> newCall(ConnectRequest request, Engine<C, R> engine) {
    Objects.requireNonNull(request, "request");
    long start = engine.driver().nanoTime();
    checkOpen();
    Deadline callDeadline = request.timeout().isPresent() ? Deadline.after(request.timeout().get()) : deadline;
    Engine<C, R> onSources = request.sources().isPresent()
        ? engine.withHost(engine.host().withSources(request.sources().get())) : engine;
    Call<C, R> call = new Call<>(request, callDeadline, start, onSources, settings);
    return new ConnectCall<>(call, new PairPlanner(call));
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

  @Override
  public String toString() {
    return "ConnectByList[ranker=" + settings.ranker() + ", scheduler=" + settings.scheduler() + ", timeout="
        + deadline + "]";
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
    private String service;
    private boolean nat64 = true;
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
      this.timeout = Optional.of(ConnectRequest.checkTimeout(timeout));
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
      this.host = SystemHost.INSTANCE.withSources(addresses);
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
     * Connects by name ask for the service records of {@code scheme} beside the addresses (RFC 9460; the Happy
     * Eyeballs v3 draft's section 4): HTTPS records for {@code https}, SVCB under {@code _PORT._SCHEME} for another.
     * The endpoints of usable records come first, by priority, at their own port, hints standing in for
     * addresses until those come; records a TCP client cannot use ({@code alpn=h3 no-default-alpn}, an unknown
     * mandatory key) are skipped; the host's addresses are the fallback. {@link Connection#service()} tells which
     * record won. Only resolvers that report service records (resolver {@code dns}) ask; with others nothing
     * changes. Off by default: a plain TCP user has no scheme. A request can ask for its own
     * ({@link ConnectRequest#service}).
     *
     * @param scheme a URI scheme, such as {@code https}
     * @return this builder
     * @throws IllegalArgumentException when {@code scheme} is not a URI scheme
     */
    public Builder service(String scheme) {
      this.service = new Origin(scheme, "check", 1).scheme();
      return this;
    }

    /**
     * Whether, on a host with IPv6 only, connects discover the network's NAT64 prefix (RFC 7050) and reach IPv4
     * destinations through it (the Happy Eyeballs v3 draft's section 8); on by default. Off, IPv4 answers and
     * literals are tried as they are, as a client that relies on the network's DNS64 does.
     *
     * @param synthesize whether to synthesize IPv4 destinations behind a discovered prefix
     * @return this builder
     */
    public Builder nat64(boolean synthesize) {
      this.nat64 = synthesize;
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
     * Resolves the strategies and checks the options. The first build of a JVM also starts a daemon thread that
     * loads, meanwhile, the classes a first connect needs, then ends (the system property {@code
     * connectbylist.warmup=false} turns it off).
     *
     * @return the instance; close it when done
     * @throws IllegalArgumentException naming an unknown strategy or option, with what exists
     */
    public ConnectByList build() {
      Warmup.start(); // the first build of a JVM: what the first connect needs is loaded meanwhile
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
