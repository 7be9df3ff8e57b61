package io.github.connectbylist.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.ConnectRequest;
import io.github.connectbylist.DestinationPolicy;
import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.Answer;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.api.ConnectListener;
import io.github.connectbylist.api.Deadline;
import io.github.connectbylist.api.Decision;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.NameResolver;
import io.github.connectbylist.api.PathHistory;
import io.github.connectbylist.api.Query;
import io.github.connectbylist.engine.Delivery;
import io.github.connectbylist.engine.Engine;
import io.github.connectbylist.engine.Host;
import io.github.connectbylist.simulation.SimulatedTransport;
import io.github.connectbylist.simulation.SimulatedTransport.Fate;
import io.github.connectbylist.simulation.VirtualDriver;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * AttemptScheduler.Schedule's protocol says of a blocking connect's move to the event loop "the
 * move is invisible here: nothing is asked because of it". A connect by name is now blocking-on-the-caller too;
 * its schedule's log must be the same whether it starts on the caller's thread or on the driver.
 */
class ByNameScheduleProtocolTest {
  private static final long MS = 1_000_000;

  /** Starts every pair it hears of, one at a time as asked; logs every call with its time. */
  private static final class LoggingSchedule implements AttemptScheduler.Schedule {
    final List<String> log;
    private int known;
    private int started;

    LoggingSchedule(List<String> log, int known) {
      this.log = log;
      this.known = known;
    }

    @Override
    public Decision next(long now) {
      Decision d = started < known ? Decision.startNext() : Decision.awaitAttemptEnd();
      if (d instanceof Decision.StartNext) {
        started++;
      }
      log.add("next@" + now / MS + " " + d);
      return d;
    }

    @Override
    public void attemptFailed(int index, FailureKind kind, long now) {
      log.add("failed#" + index + " " + kind + "@" + now / MS);
    }

    @Override
    public void attemptConnected(int index, long now) {
      log.add("connected#" + index + "@" + now / MS);
    }

    @Override
    public void answered(Answer answer, List<AddressPair> rankedPairs, long now) {
      known = rankedPairs.size();
      log.add("answered " + answer.query() + "@" + now / MS);
    }

    @Override
    public void resolutionEnded(long now) {
      log.add("resolutionEnded@" + now / MS);
    }
  }

  /**
   * One connect to {@code name.test:443} with a schedule that logs every call into {@code log}, started on the
   * calling thread (a blocking connect) or on the driver (an asynchronous one), run until it ends.
   */
  private static CompletableFuture<List<Attempt>> run(VirtualDriver driver, SimulatedTransport transport,
      NameResolver resolver, Host host, String service, Deadline deadline, List<String> log, boolean onCallingThread) {
    AttemptScheduler scheduler = new AttemptScheduler() {
      @Override
      public AttemptScheduler.Schedule newSchedule(List<AddressPair> rankedPairs, Deadline d, PathHistory h) {
        return new LoggingSchedule(log, rankedPairs.size());
      }

      @Override
      public boolean startsBeforeResolution() {
        return true;
      }
    };
    Engine<AddressPair, List<Attempt>> engine = new Engine<>(driver, transport, Delivery.attemptsOnly(), resolver,
        host);
    Settings settings = service == null
        ? new Settings((p, context) -> p, scheduler, ConnectListener.NONE, PathTable.NONE, DestinationPolicy.allowAll(),
            true)
        : new Settings((p, context) -> p, scheduler, ConnectListener.NONE, PathTable.NONE, DestinationPolicy.allowAll(),
            true, service, new Nat64Prefixes());
    Call<AddressPair, List<Attempt>> connect = new Call<>(ConnectRequest.to("name.test", 443), deadline, 0, engine,
        settings);
    ConnectCall<AddressPair, List<Attempt>> call = new ConnectCall<>(connect, new PairPlanner(connect));
    call.start(onCallingThread);
    driver.runUntil(call.future()::isDone);
    assertTrue(call.future().isDone());
    return call.future();
  }

  private static InetAddress ip(String s) throws Exception {
    return InetAddress.getByName(s);
  }

  /** How the resolver answers. */
  private enum Answering { AT_ONCE, LATER, AAAA_AT_ONCE_A_LATER }

  private static List<String> logOf(boolean onCallingThread, Answering answering, Fate fate) throws Exception {
    VirtualDriver driver = new VirtualDriver();
    SimulatedTransport transport = new SimulatedTransport(driver, pair -> fate);
    InetAddress v6 = ip("2001:db8::1");
    InetAddress v4 = ip("192.0.2.1");
    NameResolver resolver = (host, answers) -> {
      Runnable aaaa = () -> answers.answered(Query.AAAA, List.of(v6));
      Runnable a = () -> {
        answers.answered(Query.A, List.of(v4));
        answers.done();
      };
      switch (answering) {
        case AT_ONCE -> {
          aaaa.run();
          a.run();
        }
        case LATER -> {
          driver.schedule(5 * MS, aaaa);
          driver.schedule(5 * MS, a);
        }
        case AAAA_AT_ONCE_A_LATER -> {
          aaaa.run();
          driver.schedule(5 * MS, a);
        }
      }
      return NameResolver.Lookup.DONE;
    };
    List<String> log = new ArrayList<>();
    run(driver, transport, resolver, Host.of(List.of(), Map.of()), null, Deadline.none(), log, onCallingThread);
    return log;
  }

  /** Service records at once with a target that never answers: the fallback waits TARGET_WAIT_NANOS, once. */
  private static List<String> targetsLogOf(boolean onCallingThread) throws Exception {
    VirtualDriver driver = new VirtualDriver();
    SimulatedTransport transport = new SimulatedTransport(driver, pair -> Fate.connectsAfter(10 * MS));
    InetAddress v4 = ip("192.0.2.1");
    NameResolver resolver = new NameResolver() {
      @Override
      public NameResolver.Lookup resolve(String host, NameResolver.Answers answers) {
        throw new AssertionError("asked without the origin");
      }

      @Override
      public NameResolver.Lookup resolve(io.github.connectbylist.api.Origin origin, NameResolver.Answers answers) {
        answers.servicesAnswered(origin.query(),
            List.of(io.github.connectbylist.api.ServiceBinding.of(1, "target.test")));
        answers.answered(Query.AAAA, List.of());
        answers.answered(Query.A, List.of(v4));
        return NameResolver.Lookup.DONE; // the target's queries never answer, done never comes
      }

      @Override
      public boolean resolvesServices() {
        return true;
      }
    };
    List<String> log = new ArrayList<>();
    CompletableFuture<List<Attempt>> f = run(driver, transport, resolver, Host.of(List.of(), Map.of()), "https",
        Deadline.afterNanos(2_000 * MS), log, onCallingThread);
    log.add("end@" + driver.nanoTime() / MS + " " + (f.isCompletedExceptionally() ? "failed" : "connected"));
    return log;
  }

  @Test
  void serviceTargetsThatNeverAnswerAreWaitedForOnce() throws Exception {
    List<String> async = targetsLogOf(false);
    List<String> blocking = targetsLogOf(true);
    assertEquals(async, blocking);
  }

  /** An IPv6-only host discovers its NAT64 prefix beside the connect's own lookup (RFC 7050). */
  private static List<String> nat64LogOf(boolean onCallingThread, boolean atOnce) throws Exception {
    VirtualDriver driver = new VirtualDriver();
    List<String> log = new ArrayList<>();
    SimulatedTransport transport = new SimulatedTransport(driver, pair -> {
      log.add("tried " + pair.destinationAddress().getHostAddress());
      return Fate.connectsAfter(10 * MS);
    });
    NameResolver resolver = (host, answers) -> {
      Runnable all = () -> {
        try {
          if (host.equals(Answer.NAT64_DISCOVERY_NAME)) {
            answers.answered(Query.AAAA, List.of(ip("64:ff9b::c000:aa")));
            answers.answered(Query.A, List.of(ip("192.0.0.170")));
          } else {
            answers.answered(Query.AAAA, List.of());
            answers.answered(Query.A, List.of(ip("192.0.2.1")));
          }
          answers.done();
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      };
      if (atOnce) {
        all.run();
      } else {
        driver.schedule(5 * MS, all);
      }
      return NameResolver.Lookup.DONE;
    };
    CompletableFuture<List<Attempt>> f = run(driver, transport, resolver,
        Host.of(List.of(io.github.connectbylist.api.LocalAddress.of(ip("2001:db8::5"), 64, "eth0")), Map.of()), null,
        Deadline.none(), log, onCallingThread);
    log.add("end@" + driver.nanoTime() / MS + " " + (f.isCompletedExceptionally() ? "failed "
        + f.handle((r, e) -> String.valueOf(e)).join() : "connected"));
    return log;
  }

  @Test
  void nat64DiscoveryAtOnceAndLater() throws Exception {
    for (boolean atOnce : new boolean[] {true, false}) {
      List<String> async = nat64LogOf(false, atOnce);
      List<String> blocking = nat64LogOf(true, atOnce);
      assertEquals(async, blocking);
    }
  }

  @Test
  void answersAtOnceAndAnAttemptThatWaits() throws Exception {
    assertEquals(logOf(false, Answering.AT_ONCE, Fate.connectsAfter(10 * MS)),
        logOf(true, Answering.AT_ONCE, Fate.connectsAfter(10 * MS)));
  }

  @Test
  void answersThatComeLater() throws Exception {
    assertEquals(logOf(false, Answering.LATER, Fate.connectsAfter(10 * MS)),
        logOf(true, Answering.LATER, Fate.connectsAfter(10 * MS)));
  }

  @Test
  void oneAnswerAtOnceTheOtherLater() throws Exception {
    assertEquals(logOf(false, Answering.AAAA_AT_ONCE_A_LATER, Fate.connectsAfter(10 * MS)),
        logOf(true, Answering.AAAA_AT_ONCE_A_LATER, Fate.connectsAfter(10 * MS)));
  }
}
