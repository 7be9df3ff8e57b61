package io.github.connectbylist.api;

import java.util.Objects;

/**
 * One option a strategy accepts, described for error messages, the command line and the README.
 *
 * @param name the option's name, in lower case with dashes, such as {@code attempt-timeout}
 * @param defaultValue the value used when the option is absent, as the user would write it
 * @param description one line for humans
 */
public record StrategyOption(String name, String defaultValue, String description) {
  /**
   * Checks that no part is null.
   *
   * @param name the option's name
   * @param defaultValue its default, as written
   * @param description one line for humans
   */
  public StrategyOption {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(description, "description");
  }

  @Override
  public String toString() {
    return name + "=" + defaultValue;
  }
}
