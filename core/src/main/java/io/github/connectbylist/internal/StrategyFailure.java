package io.github.connectbylist.internal;

/**
 * A strategy (ranker, scheduler, host, destination policy) threw an {@link Error} while a connect was
 * planned: the connect fails with that error as its cause and this message naming the strategy, and the
 * event loop goes on. A {@link RuntimeException} of a strategy never gets here: the planner falls back
 * (the input order, one attempt at a time) and the connect goes on.
 */
final class StrategyFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private StrategyFailure(String message, Error cause) {
    super(message, cause, false, false);
  }

  /**
   * Wraps what {@code who} threw, or rethrows it when it is fatal.
   *
   * @param who the strategy, such as {@code "the ranker rfc6724"}
   * @param method the method that threw
   * @param e the error
   * @return the failure to throw
   */
  static StrategyFailure of(String who, String method, Error e) {
    Fatal.rethrowIfFatal(e);
    return new StrategyFailure(who + " threw in " + method + ": " + e, e);
  }
}
