package io.github.connectbylist.cli;

import io.github.connectbylist.api.StrategyOptions;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads durations as strategy options do: {@code 250ms}, {@code 2s}, {@code 1.5s}. */
final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    try {
      return StrategyOptions.parseDuration("duration", value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException("'" + value + "' is not a duration such as 250ms, 2s or 1.5s");
    }
  }
}
