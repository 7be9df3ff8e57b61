package io.github.connectbylist.cli;

import io.github.connectbylist.api.StrategyOptions;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a deadline as strategy options read durations ({@code 250ms}, {@code 2s}, {@code 1.5s}): ASCII digits,
 * from {@link #MIN} to {@link #MAX}. A deadline of 0 would fail every connect before it starts, and one past a
 * day is a mistake (10^30 minutes used to become 292 years).
 */
final class DurationConverter implements ITypeConverter<Duration> {
  /** The shortest deadline: 1 ms. */
  static final Duration MIN = Duration.ofMillis(1);

  /** The longest deadline: one day, as for every duration of the project ({@link StrategyOptions#MAX_DURATION}). */
  static final Duration MAX = StrategyOptions.MAX_DURATION;

  @Override
  public Duration convert(String value) {
    try {
      return StrategyOptions.readDuration("'" + value + "'", value, MIN, MAX);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage()); // '0ms' is out of range: give a duration from 1ms to 24h
    }
  }
}
