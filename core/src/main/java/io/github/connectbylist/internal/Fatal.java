package io.github.connectbylist.internal;

/**
 * Which throwables a connect can survive. A strategy, listener or resolver that throws an {@link Error}
 * (a {@link StackOverflowError} from deep recursion, an {@link AssertionError}, a {@link LinkageError} from
 * a class path mix-up) fails only the connect it ran for. What the JVM cannot promise to recover from (out
 * of memory, an internal error of the virtual machine) is not caught: it stops the event loop, which then
 * fails every pending and later connect of its instance with that error as the cause.
 */
public final class Fatal {
  private Fatal() {}

  /**
   * Whether {@code t} leaves the JVM in a state no connect should go on in.
   *
   * @param t anything thrown
   * @return {@code true} for a {@link VirtualMachineError} other than {@link StackOverflowError}
   */
  public static boolean isFatal(Throwable t) {
    return t instanceof VirtualMachineError && !(t instanceof StackOverflowError);
  }

  /**
   * Rethrows {@code t} when it is {@linkplain #isFatal fatal}; returns otherwise.
   *
   * @param t anything caught
   */
  public static void rethrowIfFatal(Throwable t) {
    if (isFatal(t)) {
      throw (VirtualMachineError) t;
    }
  }
}
