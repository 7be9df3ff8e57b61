package io.github.connectbylist.testkit;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.ConnectFailedException;
import io.github.connectbylist.History;
import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.engine.Delivery;
import io.github.connectbylist.engine.Engine;
import io.github.connectbylist.engine.Host;
import io.github.connectbylist.engine.SimulatedTransport;
import io.github.connectbylist.engine.VirtualDriver;
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
 * input order, each with the source left to the OS, unless {@link #destinations} says otherwise.
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

  private final AttemptScheduler scheduler;
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
   * Connects once: the n-th attempt started does what the n-th script says.
   *
   * @param scripts what each attempt does, in start order
   * @return how the connect ran
   * @throws AssertionError when more attempts start than there are scripts
   */
  public Result run(Script... scripts) {
    List<Script> script = List.of(scripts);
    VirtualDriver driver = new VirtualDriver();
    SimulatedTransport transport = new SimulatedTransport(driver, new java.util.function.Function<>() {
      private int opened;

      @Override
      public SimulatedTransport.Fate apply(AddressPair pair) {
        if (opened == script.size()) {
          throw new AssertionError("attempt #" + opened + " started, but only " + script.size() + " are scripted");
        }
        return script.get(opened++).fate();
      }
    });
    ConnectByList.Builder builder = ConnectByList.builder().ranker(ranker).scheduler(scheduler)
        .host(Host.of(List.of(), Map.of())).osPicksSource(true).history(history);
    deadline.ifPresent(builder::timeout);
    try (ConnectByList cbl = builder.build()) {
      CompletableFuture<List<Attempt>> done =
          cbl.connectAsync(destinations != null ? destinations : documentationAddresses(script.size()),
              new Engine<>(driver, transport, Delivery.<AddressPair>attemptsOnly()));
      driver.runUntil(done::isDone);
      if (!done.isDone()) {
        throw new AssertionError("the connect neither ended nor waits for anything: the schedule is stuck");
      }
      try {
        List<Attempt> attempts = done.join();
        Attempt winner = attempts.stream().filter(Attempt::connected).findFirst().orElseThrow();
        return new Result(spans(attempts), "CONNECTED", millis(winner.endedAt().toNanos()), attempts);
      } catch (CompletionException e) {
        if (!(e.getCause() instanceof ConnectFailedException failed)) {
          throw e;
        }
        return new Result(spans(failed.attempts()), failed.kind().name(), millis(driver.nanoTime()), failed.attempts());
      }
    }
  }

  /**
   * How one connect ran.
   *
   * @param spans every attempt, in start order
   * @param end {@code CONNECTED}, or the connect's failure kind ({@code TIMED_OUT} at the deadline, else
   *     that of the last attempt to end)
   * @param endMs when the winner connected, or when the connect failed
   * @param attempts the orchestrator's own records
   */
  public record Result(List<Span> spans, String end, double endMs, List<Attempt> attempts) {
    /**
     * Copies the lists.
     *
     * @param spans every attempt, in start order
     * @param end {@code CONNECTED} or the failure kind
     * @param endMs when it connected or failed
     * @param attempts the orchestrator's records
     */
    public Result {
      spans = List.copyOf(spans);
      attempts = List.copyOf(attempts);
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
