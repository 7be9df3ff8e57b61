package io.github.connectbylist.cli;

import io.github.connectbylist.api.StrategyOptions;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;

/** Reads durations as strategy options do: {@code 250ms}, {@code 2s}, {@code 1.5s}. */
final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    return StrategyOptions.parseDuration("duration", value);
  }
}
