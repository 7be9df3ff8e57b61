package io.github.connectbylist.lab;

import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.NameResolver;
import io.github.connectbylist.api.Query;
import io.github.connectbylist.engine.Driver;
import io.github.connectbylist.simulation.SimulatedResolver;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * How a scenario's name resolves, per family: when the AAAA and the A answers come, and whether they carry
 * the scenario's addresses of that family, nothing, NXDOMAIN or SERVFAIL, or never come (lost: the
 * resolver gives up after its timeout). A scenario with a resolution is connected to by name, so that a
 * strategy's handling of slow and lost answers (RFC 8305 section 3) shows in its time to connect, which then
 * counts from the start of resolution.
 *
 * @param name the name connected to
 * @param aaaa how the AAAA query goes
 * @param a how the A query goes
 * @param timeoutMillis when the resolver gives up on a lost answer, reporting a failure
 */
public record Resolution(String name, Family aaaa, Family a, double timeoutMillis) {

  /** What one query's answer is. */
  public enum Answer {
    /** The scenario's addresses of the family. */
    ADDRESSES,
    /** NOERROR without addresses. */
    EMPTY,
    /** The name does not exist. */
    NXDOMAIN,
    /** The server failed. */
    SERVFAIL,
    /** Never answered: fails when the resolver's timeout passes. */
    LOST
  }

  /**
   * One query's answer and when it comes.
   *
   * @param answer what it is
   * @param delay when it comes, after resolution starts (not used for a lost one)
   */
  public record Family(Answer answer, Latency delay) {
    /**
     * Checks the parts.
     *
     * @param answer what it is
     * @param delay when it comes
     */
    public Family {
      Objects.requireNonNull(answer, "answer");
      Objects.requireNonNull(delay, "delay");
    }
  }

  /**
   * Checks the parts.
   *
   * @param name the name
   * @param aaaa the AAAA query
   * @param a the A query
   * @param timeoutMillis positive
   */
  public Resolution {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(aaaa, "aaaa");
    Objects.requireNonNull(a, "a");
    if (!(timeoutMillis > 0)) {
      throw new IllegalArgumentException("timeout-ms must be positive, was " + timeoutMillis);
    }
  }

  /**
   * A resolver on {@code driver}'s clock whose k-th lookup draws its answer times from a random seeded by the
   * seed, the run and k, so that every strategy meets the same answers.
   *
   * @param driver the clock
   * @param destinations the scenario's destinations: the addresses of the answers
   * @param seed the experiment's seed
   * @param run the run
   * @return the resolver
   */
  NameResolver resolver(Driver driver, List<InetSocketAddress> destinations, long seed, int run) {
    return new NameResolver() {
      private int lookups;

      @Override
      public Lookup resolve(String host, Answers answers) {
        SplittableRandom random = new SplittableRandom(
            SimulatedNetwork.mix(seed ^ SimulatedNetwork.mix(run * 1_000_003L + lookups++) ^ 0x5EED_D05L));
        List<SimulatedResolver.Reply> replies = List.of(reply(Query.AAAA, aaaa, destinations, random),
            reply(Query.A, a, destinations, random));
        return new SimulatedResolver(driver, Map.of(name, replies)).resolve(host, answers);
      }

      @Override
      public String toString() {
        return "simulated resolution of " + name;
      }
    };
  }

  private SimulatedResolver.Reply reply(
      Query query, Family family, List<InetSocketAddress> destinations, SplittableRandom random) {
    long delay = family.delay().sampleNanos(random);
    return switch (family.answer()) {
      case ADDRESSES -> new SimulatedResolver.Reply(query, delay, addressesOf(query, destinations), null);
      case EMPTY -> new SimulatedResolver.Reply(query, delay, List.of(), null);
      case NXDOMAIN -> SimulatedResolver.Reply.failure(query, delay, FailureKind.NO_SUCH_NAME);
      case SERVFAIL -> SimulatedResolver.Reply.failure(query, delay, FailureKind.RESOLUTION_FAILED);
      case LOST -> SimulatedResolver.Reply.failure(query, Math.round(timeoutMillis * 1e6), FailureKind.RESOLUTION_FAILED);
    };
  }

  private static List<InetAddress> addressesOf(Query query, List<InetSocketAddress> destinations) {
    List<InetAddress> of = new ArrayList<>();
    for (InetSocketAddress d : destinations) {
      if ((d.getAddress() instanceof Inet6Address) == (query == Query.AAAA)) {
        of.add(d.getAddress());
      }
    }
    return of;
  }
}
