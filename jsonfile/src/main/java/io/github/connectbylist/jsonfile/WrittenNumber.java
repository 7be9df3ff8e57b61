package io.github.connectbylist.jsonfile;

import com.fasterxml.jackson.databind.node.DecimalNode;
import java.math.BigDecimal;

/**
 * A number of a lab file with the text it was written as: {@code 1e400}, {@code 9e18}, {@code -0} and {@code
 * 1.50} are shown in messages as the user wrote them, not as {@link BigDecimal} prints its value ({@code
 * 1E+400}, {@code 9E+18}, {@code 0}). Its value is exact, and it is a whole number only when written as one
 * (an integer token: {@code 10}, not {@code 10.0} or {@code 1e1}).
 */
final class WrittenNumber extends DecimalNode {
  private static final long serialVersionUID = 1L;

  private final String written;
  private final boolean integral;

  WrittenNumber(String written, BigDecimal value, boolean integral) {
    super(value);
    this.written = written;
    this.integral = integral;
  }

  /** The number as written in the file. */
  @Override
  public String asText() {
    return written;
  }

  @Override
  public String toString() {
    return written;
  }

  @Override
  public boolean isIntegralNumber() {
    return integral;
  }

  @Override
  public boolean isFloatingPointNumber() {
    return !integral;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WrittenNumber w && w.written.equals(written) && super.equals(o);
  }

  @Override
  public int hashCode() {
    return written.hashCode();
  }
}
