package io.github.connectbylist.api;

import java.util.List;

/**
 * Decides when each ranked pair is tried. An instance holds configuration and may learn across connects;
 * each connect gets its own {@link Schedule}, an event-driven state machine that is told the time and
 * never reads a clock, sleeps, or touches a socket. That is what lets one strategy run unchanged on real
 * sockets and under a virtual clock.
 *
 * <h2>Threads</h2>
 *
 * <p>{@link #newSchedule} is called concurrently: by every thread that calls a blocking {@code connect}
 * and by the event loop for asynchronous ones. Everything a scheduler keeps across connects (an RTT
 * estimate, counters) must therefore be thread-safe, and the methods of a {@link Schedule} that update
 * it (typically {@link Schedule#attemptConnected}) may run at the same time as those of other schedules.
 * State kept in one {@link Schedule} needs no locking: see its threading rule.
 */
public interface AttemptScheduler {

  /**
   * Starts the schedule of one connect, knowing what earlier connects learned. Called concurrently from
   * several threads; see the class comment.
   *
   * @param rankedPairs the pairs in the order they will be started; the n-th {@link Decision.StartNext}
   *     starts the n-th pair
   * @param deadline the deadline of the connect this schedule serves: the call's own timeout, else its
   *     instance's, else none; its times are those of the schedule (nanoseconds since the connect started)
   * @param history what earlier connects on this network learned, at the time the connect is planned
   * @return the state machine of this connect
   */
  Schedule newSchedule(List<AddressPair> rankedPairs, Deadline deadline, PathHistory history);

  /**
   * Whether a connect by name may start this scheduler's schedule before resolution has ended, and so tell it
   * of each answer as it arrives ({@link Schedule#answered}, {@link Schedule#resolutionEnded}), as RFC 8305
   * section 3 needs. When {@code false} (the default, and WSAConnectByName's way) a connect by name waits for
   * every answer, then plans and schedules as a connect to a list.
   *
   * @return {@code true} when schedules handle answers that arrive while they run
   */
  default boolean startsBeforeResolution() {
    return false;
  }

  /**
   * The state of one connect. Times are nanoseconds since the connect started, on the clock the deadline
   * is measured with; they never go back.
   *
   * <h2>The calling protocol</h2>
   *
   * <p>The orchestrator calls a schedule exactly as follows, whether the connect runs on real sockets or
   * under a virtual clock.
   *
   * <ol>
   *   <li>{@link #next} is asked once when the connect starts, and again at once after every {@link
   *       Decision.StartNext}, {@link Decision.StartPair} and {@link Decision.EndAttempt} answer. Attempts
   *       are numbered in start order: the n-th start is attempt n, whichever pair it started.
   *   <li>When an attempt fails (refused, unreachable, timed out, ended by this schedule's {@link
   *       Decision.EndAttempt}, or connected but could not be handed to the caller), {@link
   *       #attemptFailed} is called with its kind, then {@link #next} is asked.
   *   <li>After {@link Decision.WakeAt}{@code (t)}, {@link #next} is asked at the first moment at or after
   *       {@code t}, unless an attempt fails first. Each answer replaces the one before: a wake-up asked
   *       for earlier is forgotten once {@link #next} is asked for another reason.
   *   <li>After {@link Decision.AwaitAttemptEnd}, nothing is asked until an attempt ends. Given while no
   *       attempt is running, it means the schedule gives up and the connect fails.
   *   <li>When an attempt connects, the attempts still running are closed and each is reported to {@link
   *       #attemptLost}; once the winner has been handed to the caller, {@link #attemptConnected} is called.
   *       A schedule is never told "connected" for an attempt whose hand-over failed; that attempt is
   *       reported to {@link #attemptFailed} instead, and the connect goes on with the pairs not yet tried.
   *   <li>{@link #next} is never asked at or after the deadline, nor after the connect has ended
   *       (connected, given up, cancelled by the caller, or its {@code ConnectByList} closed). Attempts
   *       closed for those reasons are not reported: the schedule is over.
   * </ol>
   *
   * <h2>Connects by name</h2>
   *
   * <p>For a scheduler that {@linkplain AttemptScheduler#startsBeforeResolution starts before resolution},
   * a connect by name makes its schedule at once, with the pairs known then (often none), and then:
   *
   * <ol>
   *   <li>Each answer, as it arrives, is reported to {@link #answered} with the ranked pairs as they are now:
   *       the pairs already started first, in start order and unchanged, then the others, re-ranked with
   *       the answer's (RFC 8305 section 6: late addresses are sorted into those not yet tried). {@link
   *       #next} is asked right after.
   *   <li>When the last answer is in, {@link #resolutionEnded} is called, then {@link #next} is asked.
   *   <li>Until then, a {@link Decision.StartNext} with no pair left to start, or a {@link
   *       Decision.AwaitAttemptEnd} with no attempt running, waits for the next answer instead of giving
   *       up; the connect fails only when resolution has ended and every pair has failed.
   * </ol>
   *
   * <p>Addresses the destination policy denies never become pairs, so a schedule never hears of them.</p>
   *
   * <p>A blocking connect starts on the caller's thread and moves to the event loop when it has to wait.
   * The move is invisible here: nothing is asked because of it, and a {@link Decision.WakeAt} answered on
   * the caller's thread is kept by the event loop. A {@link Decision.StartNext} answered when every pair
   * has started, a {@link Decision.StartPair} for a pair already started, and a {@link Decision.EndAttempt}
   * for an attempt that is not running, count as {@link Decision.AwaitAttemptEnd}.
   *
   * <h2>Threads</h2>
   *
   * <p>One schedule is called by one thread at a time (first the caller's, then the event loop's), and
   * each call happens-before the next, so its own fields need no locking.
   *
   * <h2>A schedule that misbehaves</h2>
   *
   * <ul>
   *   <li>A {@link RuntimeException} is reported, and the connect goes on one attempt at a time without
   *       the schedule (a broken scheduler costs speed, not the connection).
   *   <li>An {@link Error} ({@link StackOverflowError}, {@link AssertionError}, {@link LinkageError}) fails
   *       the connect with the error as its cause and the scheduler named; the event loop goes on with the
   *       other connects. Only a fatal error ({@link OutOfMemoryError}, an internal error of the JVM)
   *       stops the event loop, which then fails every pending and later connect of its instance with it
   *       as the cause.
   *   <li>No progress: a schedule gets 16 + 4 per pair decisions in a row without waiting, a {@link
   *       Decision.WakeAt} at a time already come counting as one; and 1,000 wake-ups in a row, each asked
   *       for less than 1 ms ahead, that neither start nor end an attempt. Beyond either, the connect fails,
   *       naming the scheduler, instead of spinning the event loop (or the lab's virtual clock) in place.
   *   <li>A schedule that blocks holds the thread that called it. The deadline is read again after every
   *       call, so a connect never succeeds after it; and while the event loop's thread is held, a watchdog
   *       fails every other connect of the instance whose deadline passes, at its deadline, and logs where the
   *       loop is held. Their sockets close once the call returns, and {@code close()} does not wait for
   *       it. A schedule must therefore answer at once; it is a state machine, not a place to wait.
   * </ul>
   */
  interface Schedule {

    /**
     * What to do now.
     *
     * @param nowNanos the time since the connect started
     * @return the next step
     */
    Decision next(long nowNanos);

    /**
     * Attempt {@code index} (0-based, in start order) failed at {@code nowNanos} with {@code kind}; {@link
     * FailureKind#TIMED_OUT} when this schedule ended it. {@link #next} is asked right after.
     *
     * @param index the attempt, in start order
     * @param kind why it failed
     * @param nowNanos the time since the connect started
     */
    void attemptFailed(int index, FailureKind kind, long nowNanos);

    /**
     * Attempt {@code index} was still running when attempt {@code winner} connected, and was closed. It
     * did not fail: it was slower than the winner, or, when it started before the winner, at least as slow
     * as the time it had been running.
     *
     * @param index the attempt that lost, in start order
     * @param winner the attempt that connected
     * @param nowNanos the time since the connect started
     */
    default void attemptLost(int index, int winner, long nowNanos) {}

    /**
     * Attempt {@code index} connected at {@code nowNanos} and was handed to the caller; the connect is over.
     *
     * @param index the attempt that connected
     * @param nowNanos when it connected, since the connect started
     */
    default void attemptConnected(int index, long nowNanos) {}

    /**
     * For a connect by name: an answer arrived. {@link #next} is asked right after.
     *
     * @param answer the answer, possibly empty or failed
     * @param rankedPairs every pair now: those started, in start order, then the rest in the order they will
     *     start; the n-th {@link Decision.StartNext} still starts the n-th pair
     * @param nowNanos the time since the connect started
     */
    default void answered(Answer answer, List<AddressPair> rankedPairs, long nowNanos) {}

    /**
     * For a connect by name: every answer is in; no pair comes after this. {@link #next} is asked right after.
     *
     * @param nowNanos the time since the connect started
     */
    default void resolutionEnded(long nowNanos) {}

    /**
     * For a connect by name that asks for service records: an {@link Query#HTTPS} (or {@link Query#SVCB}) answer,
     * records, none or failed, will come through {@link #answered}. Called once, before the first answer. The
     * Happy Eyeballs v3 draft (section 4.2) waits for it, within the Resolution Delay, before the first attempt.
     *
     * @param nowNanos the time since the connect started
     */
    default void servicesAwaited(long nowNanos) {}
  }
}
