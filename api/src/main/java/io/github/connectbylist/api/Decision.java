package io.github.connectbylist.api;

/**
 * What a {@link AttemptScheduler.Schedule} tells the orchestrator to do next. The protocol that decides when
 * a schedule is asked is written on {@link AttemptScheduler.Schedule}.
 */
public sealed interface Decision
    permits Decision.StartNext, Decision.StartPair, Decision.EndAttempt, Decision.WakeAt, Decision.AwaitAttemptEnd {

  /**
   * Start the next pair in ranked order now; the orchestrator then asks again.
   *
   * @return the decision
   */
  static Decision startNext() {
    return StartNext.INSTANCE;
  }

  /**
   * Start this pair now, ahead of the ranked order: for schedules that keep their own queues, such as one
   * serial racer per address family (Go, curl, Chrome). The pair must be one of the connect's pairs not yet
   * started; it becomes the next attempt (its index is the number of attempts started before it), and the
   * pairs not yet started keep their order. A pair already started, or not of this connect, counts as
   * {@link #awaitAttemptEnd()}. The orchestrator then asks again.
   *
   * @param pair the pair to start
   * @return the decision
   */
  static Decision start(AddressPair pair) {
    return new StartPair(java.util.Objects.requireNonNull(pair, "pair"));
  }

  /**
   * End attempt {@code index}, which has run too long: it is closed, reported to {@link
   * AttemptScheduler.Schedule#attemptFailed} as {@link FailureKind#TIMED_OUT}, and the orchestrator asks again.
   *
   * @param index the attempt, in start order
   * @return the decision
   */
  static Decision endAttempt(int index) {
    return new EndAttempt(index);
  }

  /**
   * Ask again at {@code nanos} (since the connect started) unless an attempt fails first; a time already
   * past is asked again at once. The deadline is the orchestrator's: there is no need to wake for it.
   *
   * @param nanos the time to be asked again, since the connect started
   * @return the decision
   */
  static Decision wakeAt(long nanos) {
    return new WakeAt(nanos);
  }

  /**
   * Ask again when an attempt ends. Answered when no attempt is running, it means the schedule gives up:
   * the connect fails with the attempts made so far.
   *
   * @return the decision
   */
  static Decision awaitAttemptEnd() {
    return AwaitAttemptEnd.INSTANCE;
  }

  /** See {@link Decision#startNext()}. */
  record StartNext() implements Decision {
    static final StartNext INSTANCE = new StartNext();
  }

  /**
   * See {@link Decision#start(AddressPair)}.
   *
   * @param pair the pair to start
   */
  record StartPair(AddressPair pair) implements Decision {}

  /** See {@link Decision#endAttempt(int)}. */
  record EndAttempt(int index) implements Decision {}

  /** See {@link Decision#wakeAt(long)}. */
  record WakeAt(long nanos) implements Decision {}

  /** See {@link Decision#awaitAttemptEnd()}. */
  record AwaitAttemptEnd() implements Decision {
    static final AwaitAttemptEnd INSTANCE = new AwaitAttemptEnd();
  }
}
