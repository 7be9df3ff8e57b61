package io.github.connectbylist.netty;

import io.github.connectbylist.api.Answer;
import io.github.connectbylist.api.Attempt;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a channel's connect went, kept on the channel as attribute {@link NettyConnector#TRACE}: every attempt
 * of the race (the losers were never Netty channels), the answers of its resolution, the winner, and the
 * time from the start of the connect to the winner's connection.
 *
 * @param attempts every attempt, in start order, with the destinations the policy denied
 * @param answers the answers of a connect by name that came before it connected; empty for a list
 * @param winner the attempt that connected
 * @param elapsed from the start of the connect to the winner's connection
 */
public record RaceTrace(List<Attempt> attempts, List<Answer> answers, Attempt winner, Duration elapsed) {

  /**
   * Copies the lists and checks the rest.
   *
   * @param attempts every attempt
   * @param answers the answers
   * @param winner the winner
   * @param elapsed the time to connect
   */
  public RaceTrace {
    attempts = List.copyOf(attempts);
    answers = List.copyOf(answers);
    Objects.requireNonNull(winner, "winner");
    Objects.requireNonNull(elapsed, "elapsed");
  }
}
