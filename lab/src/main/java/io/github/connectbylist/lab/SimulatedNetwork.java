package io.github.connectbylist.lab;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.simulation.SimulatedTransport.Fate;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The behaviour of every (source, destination) pair: the first rule that matches decides, else the default. A rule
 * matches by source address, destination address and destination port, each left out to match any.
 *
 * @param rules in order
 * @param otherwise for pairs no rule matches
 */
public record SimulatedNetwork(List<Rule> rules, Behaviour otherwise) {

  /**
   * Copies the rules.
   *
   * @param rules in order
   * @param otherwise for pairs no rule matches
   */
  public SimulatedNetwork {
    rules = List.copyOf(rules);
    Objects.requireNonNull(otherwise, "otherwise");
  }

  /**
   * One rule.
   *
   * @param source the source address it applies to, or {@code null} for any
   * @param destination the destination address it applies to, or {@code null} for any
   * @param port the destination port it applies to, 1 to 65535, or 0 for any
   * @param behaviour what happens
   */
  public record Rule(InetAddress source, InetAddress destination, int port, Behaviour behaviour) {
    /**
     * Checks the port and the behaviour.
     *
     * @param source the source it applies to, or {@code null}
     * @param destination the destination it applies to, or {@code null}
     * @param port the destination port, or 0 for any
     * @param behaviour what happens
     */
    public Rule {
      Objects.requireNonNull(behaviour, "behaviour");
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port " + port + " is out of range: give 1 to 65535, or 0 for any");
      }
    }

    /**
     * A rule for any port.
     *
     * @param source the source it applies to, or {@code null}
     * @param destination the destination it applies to, or {@code null}
     * @param behaviour what happens
     */
    public Rule(InetAddress source, InetAddress destination, Behaviour behaviour) {
      this(source, destination, 0, behaviour);
    }

    boolean matches(AddressPair pair) {
      return (destination == null || destination.equals(pair.destinationAddress()))
          && (port == 0 || port == pair.destination().getPort())
          && (source == null || (pair.source() != null && source.equals(pair.source().address())));
    }
  }

  /**
   * What happens to a pair: the first rule that matches, else the default.
   *
   * @param pair the pair
   * @return its behaviour
   */
  public Behaviour behaviourOf(AddressPair pair) {
    for (Rule rule : rules) {
      if (rule.matches(pair)) {
        return rule.behaviour();
      }
    }
    return otherwise;
  }

  /**
   * Each pair's fate in run {@code run} of an experiment seeded with {@code seed}, drawn from a random
   * seeded by the seed, the run and the pair: in one run a pair behaves the same for every strategy
   * (common random numbers: differences between strategies are theirs, not the dice's).
   *
   * @param seed the experiment's seed
   * @param run the run
   * @return the fates, for the lab's simulated transport
   */
  public Function<AddressPair, Fate> fates(long seed, int run) {
    long runSeed = mix(seed ^ mix(run + 0x9E3779B97F4A7C15L));
    return pair -> behaviourOf(pair).fate(new SplittableRandom(runSeed ^ mix(pair.toString().hashCode())));
  }

  /** SplitMix64's finalizer: spreads nearby seeds far apart. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
