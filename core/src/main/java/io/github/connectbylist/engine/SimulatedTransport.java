package io.github.connectbylist.engine;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.internal.Failures;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Function;

/**
 * Attempts whose fate is decided when they open: each connects or fails after a given time on the
 * driver's clock, or never ends. With a {@link VirtualDriver} this is a network without sockets, for the
 * lab's scenarios and for exact tests of strategies. Counts the attempts opened and those closed while
 * still pending. The connection it yields is the pair itself.
 */
public final class SimulatedTransport implements Transport<AddressPair> {
  private final Driver driver;
  private final Function<AddressPair, Fate> fates;
  private int opened;
  private int abandoned;

  /**
   * @param driver whose clock times the attempts
   * @param fates decides each attempt's fate as it opens, in start order
   */
  public SimulatedTransport(Driver driver, Function<AddressPair, Fate> fates) {
    this.driver = Objects.requireNonNull(driver, "driver");
    this.fates = Objects.requireNonNull(fates, "fates");
  }

  /**
   * What one attempt does.
   *
   * @param afterNanos when it connects or fails, after it opened; {@link Long#MAX_VALUE} for never
   * @param error {@code null} when it connects, else the operating system's text for its error, such as
   *     {@code Connection refused}: the failure kind is read from it as from a real socket's
   */
  public record Fate(long afterNanos, String error) {

    /**
     * Checks the time.
     *
     * @param afterNanos when it ends, after it opened; {@link Long#MAX_VALUE} for never
     * @param error {@code null} when it connects, else the text of its error
     */
    public Fate {
      if (afterNanos < 0) {
        throw new IllegalArgumentException("afterNanos must not be negative, was " + afterNanos);
      }
    }

    /**
     * Connects after {@code nanos}.
     *
     * @param nanos after it opened
     * @return the fate
     */
    public static Fate connectsAfter(long nanos) {
      return new Fate(nanos, null);
    }

    /**
     * Fails with {@code error} after {@code nanos}.
     *
     * @param nanos after it opened
     * @param error the operating system's text for the error, such as {@code Connection refused}
     * @return the fate
     */
    public static Fate failsAfter(long nanos, String error) {
      return new Fate(nanos, Objects.requireNonNull(error, "error"));
    }

    /**
     * Never answers: black-holed, until the connect gives up on it.
     *
     * @return the fate
     */
    public static Fate hangs() {
      return new Fate(Long.MAX_VALUE, null);
    }

    /**
     * Whether it connects (when it ends at all).
     *
     * @return {@code true} when it connects
     */
    public boolean connects() {
      return error == null;
    }
  }

  /**
   * Attempts opened so far.
   *
   * @return the count
   */
  public int opened() {
    return opened;
  }

  /**
   * Attempts closed while still pending: lost races, attempts a schedule ended, and deadline casualties.
   *
   * @return the count
   */
  public int abandoned() {
    return abandoned;
  }

  @Override
  public Io<AddressPair> open(AddressPair pair, boolean bindSource) throws IOException {
    opened++;
    Fate fate = Objects.requireNonNull(fates.apply(pair), "fate");
    if (fate.afterNanos() == 0 && !fate.connects()) {
      throw Failures.madeUp(fate.error());
    }
    return new SimulatedIo(pair, fate);
  }

  private final class SimulatedIo implements Io<AddressPair> {
    private final AddressPair pair;
    private final Fate fate;
    private final long openedAt = driver.nanoTime();
    private Driver.Cancellable pending;
    private boolean done;

    SimulatedIo(AddressPair pair, Fate fate) {
      this.pair = pair;
      this.fate = fate;
    }

    @Override
    public boolean connected() {
      return fate.connects() && fate.afterNanos() == 0;
    }

    @Override
    public void watch(Outcome outcome) {
      if (fate.afterNanos() == Long.MAX_VALUE) {
        return;
      }
      pending = driver.schedule(openedAt + fate.afterNanos(), () -> {
        done = true;
        if (fate.connects()) {
          outcome.connected();
        } else {
          outcome.failed(Failures.madeUp(fate.error()));
        }
      });
    }

    @Override
    public void close() {
      if (!done) {
        done = true;
        abandoned++;
        if (pending != null) {
          pending.cancel();
        }
      }
    }

    @Override
    public void handOver(Ready<AddressPair> ready) {
      done = true;
      ready.ready(pair);
    }
  }
}
