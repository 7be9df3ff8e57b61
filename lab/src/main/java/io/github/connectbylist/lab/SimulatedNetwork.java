package io.github.connectbylist.lab;

import io.github.connectbylist.api.AddressPair;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * The behaviour of every (source, destination) pair: the first rule that matches decides, else the default.
 *
 * @param rules in order
 * @param otherwise for pairs no rule matches
 */
public record SimulatedNetwork(List<Rule> rules, Behaviour otherwise) {

  public SimulatedNetwork {
    rules = List.copyOf(rules);
    Objects.requireNonNull(otherwise, "otherwise");
  }

  /**
   * One rule.
   *
   * @param source the source address it applies to, or {@code null} for any
   * @param destination the destination address it applies to, or {@code null} for any
   * @param behaviour what happens
   */
  public record Rule(InetAddress source, InetAddress destination, Behaviour behaviour) {
    public Rule {
      Objects.requireNonNull(behaviour, "behaviour");
    }

    boolean matches(AddressPair pair) {
      return (destination == null || destination.equals(pair.destinationAddress()))
          && (source == null || (pair.source() != null && source.equals(pair.source().address())));
    }
  }

  public Behaviour behaviourOf(AddressPair pair) {
    for (Rule rule : rules) {
      if (rule.matches(pair)) {
        return rule.behaviour();
      }
    }
    return otherwise;
  }
}
