package io.github.connectbylist.lab;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.internal.Driver;
import io.github.connectbylist.internal.Transport;
import java.io.IOException;
import java.util.SplittableRandom;

/**
 * Attempts on a {@link SimulatedNetwork}: each pair's fate is drawn from a random seeded by the experiment's
 * seed, the run and the pair, so that in one run a pair behaves the same for every strategy (common random
 * numbers: differences between strategies are theirs, not the dice's). Counts the attempts opened and those
 * abandoned while still pending.
 */
final class SimulatedTransport implements Transport<AddressPair> {
  private final Driver driver;
  private final SimulatedNetwork network;
  private final long runSeed;
  private int opened;
  private int abandoned;

  SimulatedTransport(Driver driver, SimulatedNetwork network, long seed, int run) {
    this.driver = driver;
    this.network = network;
    this.runSeed = mix(seed ^ mix(run + 0x9E3779B97F4A7C15L));
  }

  int opened() {
    return opened;
  }

  int abandoned() {
    return abandoned;
  }

  @Override
  public Io<AddressPair> open(AddressPair pair, boolean bindSource) throws IOException {
    opened++;
    Behaviour.Fate fate = network.behaviourOf(pair).fate(new SplittableRandom(runSeed ^ mix(pair.toString().hashCode())));
    if (fate.afterNanos() == 0 && !fate.connects()) {
      throw fate.exception();
    }
    return new SimulatedIo(pair, fate);
  }

  /** SplitMix64's finalizer: spreads nearby seeds far apart. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private final class SimulatedIo implements Io<AddressPair> {
    private final AddressPair pair;
    private final Behaviour.Fate fate;
    private final long openedAt = driver.nanoTime();
    private Driver.Cancellable pending;
    private boolean done;

    SimulatedIo(AddressPair pair, Behaviour.Fate fate) {
      this.pair = pair;
      this.fate = fate;
    }

    @Override
    public boolean connected() {
      return fate.connects() && fate.afterNanos() == 0;
    }

    @Override
    public void watch(Outcome outcome) {
      pending = driver.schedule(openedAt + fate.afterNanos(), () -> {
        done = true;
        if (fate.connects()) {
          outcome.connected();
        } else {
          outcome.failed(fate.exception());
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
