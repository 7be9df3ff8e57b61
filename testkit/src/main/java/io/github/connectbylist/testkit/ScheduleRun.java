package io.github.connectbylist.testkit;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.ConnectFailedException;
import io.github.connectbylist.ConnectRequest;
import io.github.connectbylist.History;
import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.Answer;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.api.LocalAddress;
import io.github.connectbylist.engine.Delivery;
import io.github.connectbylist.engine.Engine;
import io.github.connectbylist.engine.Host;
import io.github.connectbylist.simulation.SimulatedResolver;
import io.github.connectbylist.simulation.SimulatedTransport;
import io.github.connectbylist.simulation.VirtualDriver;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs a scheduler through core's real orchestrator, under a virtual clock, against scripted attempts, and
 * returns the exact timeline. The schedule is called exactly as on real sockets (the protocol written on
 * {@link AttemptScheduler.Schedule}), because it is the same code; nothing sleeps and no socket opens.
 *
 * <pre>{@code
 * Result r = ScheduleRun.of(scheduler).run(hangs(), connectsAfter(10));
 * assertEquals(List.of(new Span(0, 0, 260, "CANCELLED"), new Span(1, 250, 260, "CONNECTED")), r.spans());
 * }</pre>
 *
 * <p>The destinations are {@code 192.0.2.1}, {@code 192.0.2.2}, ... (a documentation range, as data) in
 * input order, each with the source left to the OS, unless {@link #destinations} says otherwise. With
 * {@link #resolving}, the run is a connect by name to {@value #NAME}, whose answers come as scripted.
 */
public final class ScheduleRun {
  private static final AddressPairRanker INPUT_ORDER = new AddressPairRanker() {
    @Override
    public List<AddressPair> rank(List<AddressPair> pairs, io.github.connectbylist.api.RankingContext context) {
      return pairs;
    }

    @Override
    public String toString() {
      return "input order";
    }
  };

  /** The name a run {@linkplain #resolving resolves}. */
  public static final String NAME = "name.test";
  /** The port of a run that resolves. */
  public static final int PORT = 443;

  private final AttemptScheduler scheduler;
  private List<SimulatedResolver.Reply> replies;
  private String service;
  private int port = PORT;
  private List<LocalAddress> locals = List.of();
  private io.github.connectbylist.DestinationPolicy policy;
  private final Map<String, List<SimulatedResolver.Reply>> others = new java.util.HashMap<>();
  private AddressPairRanker ranker = INPUT_ORDER;
  private Optional<Duration> deadline = Optional.empty();
  private List<InetSocketAddress> destinations;
  private History history = History.none();

  private ScheduleRun(AttemptScheduler scheduler) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
  }

  /**
   * A run of {@code scheduler}; each {@link #run} makes a new schedule, so a scheduler that learns learns.
   *
   * @param scheduler the scheduler under test
   * @return the run
   */
  public static ScheduleRun of(AttemptScheduler scheduler) {
    return new ScheduleRun(scheduler);
  }

  /**
   * Orders the pairs with {@code ranker} first; the input order by default.
   *
   * @param ranker the ranker
   * @return this run
   */
  public ScheduleRun ranker(AddressPairRanker ranker) {
    this.ranker = Objects.requireNonNull(ranker, "ranker");
    return this;
  }

  /**
   * The connect's overall deadline; none by default.
   *
   * @param deadline positive
   * @return this run
   */
  public ScheduleRun deadline(Duration deadline) {
    this.deadline = Optional.of(deadline);
    return this;
  }

  /**
   * What the connects of this run remember: none by default, so that each run starts from nothing; pass one
   * {@link History} to several runs for a scheduler that learns across connects.
   *
   * @param history the history
   * @return this run
   */
  public ScheduleRun history(History history) {
    this.history = Objects.requireNonNull(history, "history");
    return this;
  }

  /**
   * The destinations, in the order given to the connect; one per script by default.
   *
   * @param destinations the destinations
   * @return this run
   */
  public ScheduleRun destinations(List<InetSocketAddress> destinations) {
    this.destinations = List.copyOf(destinations);
    return this;
  }

  /**
   * Makes the run a connect by name to {@value #NAME}:{@value #PORT} whose queries reply as given, in
   * virtual time from the start of the connect.
   *
   * @param replies each query's reply
   * @return this run
   */
  public ScheduleRun resolving(SimulatedResolver.Reply... replies) {
    this.replies = List.of(replies);
    return this;
  }

  /**
   * The connect by name asks for the service records of {@code scheme} (an HTTPS reply of the script then
   * counts); at port {@value #PORT} unless {@link #port} says otherwise.
   *
   * @param scheme a URI scheme, such as {@code https}
   * @return this run
   */
  public ScheduleRun service(String scheme) {
    this.service = Objects.requireNonNull(scheme, "scheme");
    return this;
  }

  /**
   * The run's host has these addresses (by default none: the operating system picks every source).
   *
   * @param addresses the host's addresses
   * @return this run
   */
  public ScheduleRun localAddresses(List<LocalAddress> addresses) {
    this.locals = List.copyOf(addresses);
    return this;
  }

  /**
   * Another name the resolver answers, such as RFC 7050's {@code ipv4only.arpa}.
   *
   * @param name the name
   * @param replies its replies
   * @return this run
   */
  public ScheduleRun alsoResolving(String name, SimulatedResolver.Reply... replies) {
    this.others.put(name, List.of(replies));
    return this;
  }

  /**
   * The destination policy of the run's instance.
   *
   * @param policy which destinations may be connected
   * @return this run
   */
  public ScheduleRun destinations(io.github.connectbylist.DestinationPolicy policy) {
    this.policy = policy;
    return this;
  }

  /**
   * The port of the connect by name.
   *
   * @param port 1 to 65535
   * @return this run
   */
  public ScheduleRun port(int port) {
    this.port = port;
    return this;
  }

  /**
   * Connects once: the n-th attempt started does what the n-th script says.
   *
   * @param scripts what each attempt does, in start order
   * @return how the connect ran
   * @throws AssertionError when more attempts start than there are scripts
   */
  public Result run(Script... scripts) {
    List<Script> script = List.of(scripts);
    VirtualDriver driver = new VirtualDriver();
    List<AssertionError> unscripted = new ArrayList<>(1);
    SimulatedTransport transport = new SimulatedTransport(driver, new java.util.function.Function<>() {
      private int opened;

      @Override
      public SimulatedTransport.Fate apply(AddressPair pair) {
        if (opened == script.size()) { // the orchestrator fails the connect on it; the run reports it below
          unscripted.add(new AssertionError("attempt #" + opened + " started, but only " + script.size() + " are scripted"));
          throw unscripted.get(0);
        }
        return script.get(opened++).fate();
      }
    });
    ConnectByList.Builder builder = ConnectByList.builder().ranker(ranker).scheduler(scheduler).osPicksSource(true)
        .history(history);
    deadline.ifPresent(builder::timeout);
    if (policy != null) {
      builder.destinations(policy);
    }
    Map<String, List<SimulatedResolver.Reply>> names = new java.util.HashMap<>(others);
    if (replies != null) {
      names.put(NAME, replies);
    }
    SimulatedResolver resolver = new SimulatedResolver(driver, names);
    try (ConnectByList cbl = builder.build()) {
      Engine<AddressPair, Result> engine = new Engine<>(driver, transport, new Traced(), resolver,
          Host.of(locals, Map.of()));
      ConnectRequest request = replies == null ? null : service != null
          ? ConnectRequest.to(NAME, port).service(service) : ConnectRequest.to(NAME, port);
      request = request != null ? request : ConnectRequest.to(destinations != null ? destinations : documentationAddresses(script.size()));
      CompletableFuture<Result> done = cbl.connectAsync(request, engine);
      driver.runUntil(done::isDone);
      if (!unscripted.isEmpty()) {
        throw unscripted.get(0);
      }
      if (!done.isDone()) {
        throw new AssertionError("the connect neither ended nor waits for anything: the schedule is stuck");
      }
      try {
        return done.join();
      } catch (CompletionException e) {
        if (!(e.getCause() instanceof ConnectFailedException failed)) {
          throw e;
        }
        return new Result(spans(failed.attempts()), failed.kind().name(), millis(driver.nanoTime()), failed.attempts(),
            failed.answers());
      }
    }
  }

  /** The run's result as the orchestrator delivers it: the trace, answers included. */
  private static final class Traced implements Delivery<AddressPair, Result> {
    @Override
    public Result deliver(AddressPair connection, List<Attempt> attempts, Attempt winner, Duration elapsed) {
      return deliver(connection, attempts, List.of(), winner, elapsed);
    }

    @Override
    public Result deliver(
        AddressPair connection, List<Attempt> attempts, List<Answer> answers, Attempt winner, Duration elapsed) {
      return new Result(spans(attempts), "CONNECTED", millis(elapsed.toNanos()), attempts, answers);
    }

    @Override
    public void discard(Result result) {}

    @Override
    public void discardConnection(AddressPair connection) {}
  }

  /**
   * How one connect ran.
   *
   * @param spans every attempt, in start order
   * @param end {@code CONNECTED}, or the connect's failure kind ({@code TIMED_OUT} at the deadline, else
   *     that of the last attempt to end)
   * @param endMs when the winner connected, or when the connect failed
   * @param attempts the orchestrator's own records
   * @param answers for a run that {@linkplain #resolving resolves}, the answers that came, in order
   */
  public record Result(List<Span> spans, String end, double endMs, List<Attempt> attempts, List<Answer> answers) {
    /**
     * Copies the lists.
     *
     * @param spans every attempt, in start order
     * @param end {@code CONNECTED} or the failure kind
     * @param endMs when it connected or failed
     * @param attempts the orchestrator's records
     * @param answers the answers of a connect by name
     */
    public Result {
      spans = List.copyOf(spans);
      attempts = List.copyOf(attempts);
      answers = List.copyOf(answers);
    }
  }

  private static List<Span> spans(List<Attempt> attempts) {
    List<Span> spans = new ArrayList<>(attempts.size());
    for (Attempt a : attempts) {
      spans.add(new Span(a.index(), millis(a.startedAt().toNanos()), millis(a.endedAt().toNanos()),
          a.connected() ? "CONNECTED" : a.failure().name()));
    }
    return spans;
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }

  private static List<InetSocketAddress> documentationAddresses(int count) {
    List<InetSocketAddress> list = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      try {
        list.add(new InetSocketAddress(InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, (byte) (i + 1)}), 443));
      } catch (UnknownHostException impossible) {
        throw new AssertionError(impossible);
      }
    }
    return list;
  }
}
