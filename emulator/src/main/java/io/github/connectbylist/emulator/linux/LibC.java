package io.github.connectbylist.emulator.linux;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The few system calls the JDK does not offer and the emulator needs: {@code setns(2)} to run a thread inside
 * a host's network namespace, {@code ioctl(TUNSETIFF)} to make a TUN device, and non-blocking {@code read},
 * {@code write} and {@code ppoll} on its descriptor, which the relay's one thread serves with a
 * nanosecond timeout. JNA's direct mapping: a native method per call, no interface proxy in the packet path.
 * Each returns what libc returns; {@link #errno()} tells why a call returned -1.
 */
public final class LibC {
  static {
    Native.register(LibC.class, Platform.C_LIBRARY_NAME);
  }

  private LibC() {}

  /** {@code O_RDONLY}. */
  public static final int O_RDONLY = 0;
  /** {@code O_RDWR}. */
  public static final int O_RDWR = 2;
  /** {@code O_NONBLOCK}. */
  public static final int O_NONBLOCK = 0x800;
  /** {@code O_CLOEXEC}: a descriptor of ours never leaks into the programs a host runs. */
  public static final int O_CLOEXEC = 0x80000;
  /** {@code CLONE_NEWNET}, the namespace type {@code setns} is asked for. */
  public static final int CLONE_NEWNET = 0x40000000;
  /** {@code POLLIN}. */
  public static final short POLLIN = 1;
  /** {@code EAGAIN}: nothing to read now. */
  public static final int EAGAIN = 11;
  /** {@code EINTR}. */
  public static final int EINTR = 4;
  /** {@code PR_SET_TIMERSLACK}: a thread's timers fire this many nanoseconds late at most. */
  public static final int PR_SET_TIMERSLACK = 29;

  /**
   * {@code open(2)}.
   *
   * @param path the file
   * @param flags the flags
   * @return the descriptor, or -1
   */
  public static native int open(String path, int flags);

  /**
   * {@code close(2)}.
   *
   * @param fd the descriptor
   * @return 0, or -1
   */
  public static native int close(int fd);

  /**
   * {@code ioctl(2)} with a pointer argument.
   *
   * @param fd the descriptor
   * @param request the request
   * @param argument its argument
   * @return 0, or -1
   */
  public static native int ioctl(int fd, long request, Pointer argument);

  /**
   * {@code setns(2)}: moves the calling thread into the namespace {@code fd} refers to.
   *
   * @param fd a namespace's descriptor
   * @param type {@link #CLONE_NEWNET}
   * @return 0, or -1
   */
  public static native int setns(int fd, int type);

  /**
   * {@code read(2)}.
   *
   * @param fd the descriptor
   * @param buffer where to
   * @param count at most this many bytes
   * @return the count read, or -1
   */
  public static native long read(int fd, Pointer buffer, long count);

  /**
   * {@code write(2)}.
   *
   * @param fd the descriptor
   * @param buffer from where
   * @param count this many bytes
   * @return the count written, or -1
   */
  public static native long write(int fd, Pointer buffer, long count);

  /**
   * {@code ppoll(2)}: waits for one of the descriptors, or the timeout (nanosecond resolution).
   *
   * @param fds an array of {@code struct pollfd} (8 bytes each)
   * @param count how many
   * @param timeout a {@code struct timespec}, or {@code null} to wait for ever
   * @param sigmask {@code null}
   * @return how many are ready, 0 on timeout, or -1
   */
  public static native int ppoll(Pointer fds, long count, Pointer timeout, Pointer sigmask);

  /**
   * {@code eventfd(2)}: the relay's wake-up, which {@code close} writes to.
   *
   * @param initial the initial count
   * @param flags the flags
   * @return the descriptor, or -1
   */
  public static native int eventfd(int initial, int flags);

  /** {@code CLOCK_MONOTONIC}: the clock of {@link System#nanoTime} on Linux. */
  public static final int CLOCK_MONOTONIC = 1;
  /** {@code TFD_TIMER_ABSTIME}. */
  public static final int TFD_TIMER_ABSTIME = 1;

  /**
   * {@code timerfd_create(2)}: a timer that a {@code ppoll} waits on like any descriptor. Unlike {@code ppoll}'s
   * own timeout, which the kernel lets fire late by 0.1% of its length (up to 100 ms) to save wake-ups, a
   * timerfd fires at the time it was set to.
   *
   * @param clock {@link #CLOCK_MONOTONIC}
   * @param flags {@link #O_NONBLOCK} and {@link #O_CLOEXEC}
   * @return the descriptor, or -1
   */
  public static native int timerfd_create(int clock, int flags);

  /**
   * {@code timerfd_settime(2)}.
   *
   * @param fd the timer
   * @param flags {@link #TFD_TIMER_ABSTIME} for an absolute time
   * @param value a {@code struct itimerspec}: interval then value, each seconds and nanoseconds
   * @param old {@code null}
   * @return 0, or -1
   */
  public static native int timerfd_settime(int fd, int flags, Pointer value, Pointer old);

  /**
   * {@code prctl(2)}.
   *
   * @param option the option
   * @param a2 its second argument
   * @param a3 its third
   * @param a4 its fourth
   * @param a5 its fifth
   * @return what it returns
   */
  public static native int prctl(int option, long a2, long a3, long a4, long a5);

  /**
   * {@code strerror(3)}.
   *
   * @param errno an error number
   * @return its text
   */
  public static native String strerror(int errno);

  /**
   * {@code getuid(2)}.
   *
   * @return the real user ID: 0 for root
   */
  public static native int getuid();

  /**
   * Why the last call of this thread failed.
   *
   * @return {@code errno} as JNA kept it
   */
  public static int errno() {
    return Native.getLastError();
  }

  /**
   * The text for the last error of this thread: {@code Operation not permitted (errno 1)}.
   *
   * @return the text
   */
  public static String lastError() {
    int e = errno();
    return strerror(e) + " (errno " + e + ")";
  }
}
