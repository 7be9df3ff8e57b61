package io.github.connectbylist.lab;

import java.util.SplittableRandom;

/**
 * How long a network answer takes: a fixed time, or drawn from a distribution with a seeded random; never more
 * than {@link Limits#MAX_DURATION}.
 */
public sealed interface Latency permits Latency.Fixed, Latency.Uniform, Latency.LogNormal {

  /**
   * One draw.
   *
   * @param random the draws
   * @return a latency in nanoseconds
   */
  long sampleNanos(SplittableRandom random);

  /** Always {@code millis}. */
  record Fixed(double millis) implements Latency {
    /**
     * Checks the latency.
     *
     * @param millis the latency in milliseconds, not negative
     */
    public Fixed {
      requireNonNegative(millis, "millis");
    }

    @Override
    public long sampleNanos(SplittableRandom random) {
      return nanos(millis);
    }
  }

  /** Uniform between {@code minMillis} and {@code maxMillis}. */
  record Uniform(double minMillis, double maxMillis) implements Latency {
    /**
     * Checks the bounds.
     *
     * @param minMillis the least latency, in milliseconds
     * @param maxMillis the greatest
     */
    public Uniform {
      requireNonNegative(minMillis, "min-ms");
      if (maxMillis < minMillis) {
        throw new IllegalArgumentException("max-ms " + maxMillis + " is below min-ms " + minMillis);
      }
    }

    @Override
    public long sampleNanos(SplittableRandom random) {
      return nanos(minMillis + random.nextDouble() * (maxMillis - minMillis));
    }
  }

  /** Log-normal with the given median and shape {@code sigma}, the usual model of Internet round trips. */
  record LogNormal(double medianMillis, double sigma) implements Latency {
    /**
     * Checks the parameters.
     *
     * @param medianMillis the median, in milliseconds
     * @param sigma the spread of the logarithm
     */
    public LogNormal {
      requireNonNegative(medianMillis, "median-ms");
      requireNonNegative(sigma, "sigma");
    }

    @Override
    public long sampleNanos(SplittableRandom random) {
      return nanos(medianMillis * Math.exp(sigma * gaussian(random)));
    }

    /** Box-Muller; SplittableRandom has no nextGaussian on Java 17. */
    private static double gaussian(SplittableRandom random) {
      double u = 1.0 - random.nextDouble();
      double v = random.nextDouble();
      return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
  }

  /**
   * Milliseconds as nanoseconds, cut at {@link Limits#MAX_DURATION}: a log-normal's tail can draw far more
   * than a day (an overflow, in nanoseconds, with a large sigma), and no connect waits that long.
   */
  private static long nanos(double millis) {
    return Math.min(Limits.MAX_DURATION.toNanos(), Math.round(millis * 1e6));
  }

  private static void requireNonNegative(double value, String name) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number at least 0, was " + value);
    }
  }
}
