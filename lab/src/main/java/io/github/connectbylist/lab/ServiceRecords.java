package io.github.connectbylist.lab;

import io.github.connectbylist.strategy.clients.Client;
import java.util.Optional;

/**
 * Which strategies ask for service records on a scenario with HTTPS records: this library's own (sequential,
 * rfc6724, happy-eyeballs, history, and any other that models no client) connect by name with the service {@code
 * https}, and so use the records' endpoints as RFC 9460 says; a client model does not, since it models a client
 * that does not use this library's endpoint logic ({@link Client#usesServiceEndpoints()} is {@code false} for each;
 * {@link Client#httpsRecords()} says what the real client does). The same split decides NAT64 synthesis on a
 * host with IPv6 only (the draft's section 8): this library's strategies synthesize behind the discovered prefix,
 * the client models connect as clients that rely on the network's DNS64 do.
 */
public final class ServiceRecords {
  private ServiceRecords() {}

  /**
   * Whether a {@code ranker/scheduler} strategy asks for service records: unless its ranker or its scheduler models
   * a client that does not use them.
   *
   * @param strategy such as {@code happy-eyeballs/happy-eyeballs} or {@code chrome/chrome}
   * @return {@code true} when a connect by name of this strategy names the service {@code https}
   */
  public static boolean asked(String strategy) {
    return client(strategy).map(Client::usesServiceEndpoints).orElse(true);
  }

  /**
   * The client a strategy models, by its ranker's name or else its scheduler's.
   *
   * @param strategy a {@code ranker/scheduler} spec
   * @return the client, or empty for one of this library's strategies
   */
  public static Optional<Client> client(String strategy) {
    String[] parts = Experiment.split(strategy);
    Optional<Client> ranker = Client.modelling(parts[0]);
    return ranker.isPresent() ? ranker : Client.modelling(parts[1]);
  }

  /**
   * What a strategy does with the HTTPS records of a scenario, for reports: asked for and used as RFC 9460 says,
   * or not asked, with what the modelled client does.
   *
   * @param strategy a {@code ranker/scheduler} spec
   * @return one line
   */
  public static String note(String strategy) {
    Optional<Client> client = client(strategy);
    if (asked(strategy)) {
      return "asked (service https): endpoints of the records as RFC 9460 says";
    }
    return "not asked: models " + client.orElseThrow().version() + ", which does not use this library's endpoints; "
        + "the real client " + client.orElseThrow().httpsRecords();
  }
}
