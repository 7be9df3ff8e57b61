package io.github.connectbylist.lab;

import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.simulation.SimulatedTransport.Fate;
import java.util.SplittableRandom;

/**
 * What the simulated network does with a connect from one source to one destination. Kernel timing is
 * Linux's: a SYN that gets no answer is sent again after 1 s, then 2, 4, 8, 16 and 32 s, and the connect
 * fails as timed out 127 s after it started ({@code tcp_syn_retries} = 6).
 */
public sealed interface Behaviour
    permits Behaviour.Connects, Behaviour.Refused, Behaviour.BlackHoled, Behaviour.Unreachable, Behaviour.Lossy {

  /** When SYNs are sent, in seconds after the connect starts; after the last one the kernel gives up. */
  long[] SYN_SENT_AT_NANOS = {0, 1_000_000_000L, 3_000_000_000L, 7_000_000_000L, 15_000_000_000L,
      31_000_000_000L, 63_000_000_000L};
  /**
   * When the kernel gives up on a connect that gets no answer (tcp_syn_retries = 6).
   */
  long KERNEL_GIVES_UP_NANOS = 127_000_000_000L;

  /**
   * How one attempt ends, drawn with {@code random}.
   *
   * @param random draws the latency and losses
   * @return when the attempt ends and how
   */
  Fate fate(SplittableRandom random);

  /** Connects after one round trip drawn from {@code latency}. */
  record Connects(Latency latency) implements Behaviour {
    @Override
    public Fate fate(SplittableRandom random) {
      return Fate.connectsAfter(latency.sampleNanos(random));
    }
  }

  /** Answers with a reset after {@code latency}: nothing listens. */
  record Refused(Latency latency) implements Behaviour {
    @Override
    public Fate fate(SplittableRandom random) {
      return Fate.failsAfter(latency.sampleNanos(random), FailureKind.REFUSED);
    }
  }

  /** Drops every SYN: the kernel gives up after 127 s. */
  record BlackHoled() implements Behaviour {
    @Override
    public Fate fate(SplittableRandom random) {
      return Fate.failsAfter(KERNEL_GIVES_UP_NANOS, FailureKind.TIMED_OUT);
    }
  }

  /** No route: the connect fails at once. */
  record Unreachable() implements Behaviour {
    @Override
    public Fate fate(SplittableRandom random) {
      return Fate.failsAfter(0, FailureKind.NETWORK_UNREACHABLE);
    }
  }

  /** Each SYN (or its answer) is lost with probability {@code loss}; the first that gets through connects. */
  record Lossy(Latency latency, double loss) implements Behaviour {
    /**
     * Checks the loss.
     *
     * @param latency the round trip once a SYN gets through
     * @param loss the chance that a SYN, or its answer, is lost
     */
    public Lossy {
      if (!(loss >= 0 && loss <= 1)) {
        throw new IllegalArgumentException("loss must be between 0 and 1, was " + loss);
      }
    }

    @Override
    public Fate fate(SplittableRandom random) {
      for (long sentAt : SYN_SENT_AT_NANOS) {
        if (random.nextDouble() >= loss) {
          return Fate.connectsAfter(sentAt + latency.sampleNanos(random));
        }
      }
      return Fate.failsAfter(KERNEL_GIVES_UP_NANOS, FailureKind.TIMED_OUT);
    }
  }
}
