package io.github.connectbylist.simulation;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.engine.AttemptFailure;
import io.github.connectbylist.engine.Driver;
import io.github.connectbylist.engine.Transport;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Attempts whose fate is decided when they open: each connects or fails, with its kind, after a given time
 * on the driver's clock, or never ends. With a {@link VirtualDriver} this is a network without sockets, for
 * the lab's scenarios and for exact tests of strategies. Counts the attempts opened and those closed while
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
   * @param failure {@code null} when it connects, else why it fails
   */
  public record Fate(long afterNanos, FailureKind failure) {

    /**
     * Checks the time.
     *
     * @param afterNanos when it ends, after it opened; {@link Long#MAX_VALUE} for never
     * @param failure {@code null} when it connects, else why it fails
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
     * Fails with {@code kind} after {@code nanos}: {@link FailureKind#REFUSED} for a reset, {@link
     * FailureKind#TIMED_OUT} for the kernel giving up, {@link FailureKind#NETWORK_UNREACHABLE} for no route.
     *
     * @param nanos after it opened
     * @param kind why it fails
     * @return the fate
     */
    public static Fate failsAfter(long nanos, FailureKind kind) {
      return new Fate(nanos, Objects.requireNonNull(kind, "kind"));
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
      return failure == null;
    }

    /** The error a failed attempt reports: the kind in words, no stack trace (it would show only the clock). */
    IOException error() {
      return new SimulatedError(failure.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " (simulated)");
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
  public Io<AddressPair> open(AddressPair pair, boolean bindSource) throws AttemptFailure {
    opened++;
    Fate fate = Objects.requireNonNull(fates.apply(pair), "fate");
    if (fate.afterNanos() == 0 && !fate.connects()) {
      throw new AttemptFailure(fate.failure(), fate.error());
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
          outcome.failed(fate.failure(), fate.error());
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

  /** A simulated attempt's error. */
  private static final class SimulatedError extends IOException {
    private static final long serialVersionUID = 1L;

    SimulatedError(String message) {
      super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }
}
