package io.github.connectbylist.testkit;

import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.simulation.SimulatedTransport.Fate;

/**
 * What one scripted attempt does, in the order attempts start: the n-th attempt the schedule starts gets
 * the n-th script, whatever pair it is.
 *
 * @param fate when it connects or fails, or that it never answers
 */
public record Script(Fate fate) {

  /**
   * Connects {@code ms} milliseconds after it starts.
   *
   * @param ms after it starts
   * @return the script
   */
  public static Script connectsAfter(long ms) {
    return new Script(Fate.connectsAfter(ms * 1_000_000));
  }

  /**
   * Is refused {@code ms} milliseconds after it starts (a reset; kind {@code REFUSED}).
   *
   * @param ms after it starts
   * @return the script
   */
  public static Script failsAfter(long ms) {
    return new Script(Fate.failsAfter(ms * 1_000_000, FailureKind.REFUSED));
  }

  /**
   * Never answers, as a black-holed address; it ends only when the connect gives up on it.
   *
   * @return the script
   */
  public static Script hangs() {
    return new Script(Fate.hangs());
  }
}
