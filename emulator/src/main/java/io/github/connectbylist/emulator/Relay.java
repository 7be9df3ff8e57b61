package io.github.connectbylist.emulator;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.github.connectbylist.emulator.linux.LibC;
import io.github.connectbylist.emulator.linux.Tun;
import io.github.connectbylist.emulator.packet.IpPacket;
import io.github.connectbylist.emulator.packet.Rejects;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The network between the hosts: one thread that reads every packet any host sends, finds the interface
 * that has its destination address, applies the first {@link PathRule} that matches, and writes the packet to
 * that interface when its delay has passed. One thread and one {@code ppoll} over every TUN descriptor and a
 * timerfd set to the next packet due, at an absolute time on {@code System.nanoTime}'s clock: no hand-off
 * between threads, no millisecond ticks (Mahimahi's), and none of the 0.1% lateness the kernel allows a
 * {@code ppoll} timeout (2 ms on an 800 ms round trip), so a configured round trip is what a handshake takes. Packets of one rule
 * between the same two interfaces leave in the order they came, jitter or not; packets of different rules
 * (IPv6 and IPv4, say) take different paths and do not wait for each other, and a rule replaced is a new path.
 */
final class Relay implements AutoCloseable {
  private static final int MAX_PACKET = 65_536;
  /**
   * How close to a packet's time the relay stops sleeping and polls without waiting: a wake-up from a sleep
   * comes late by about 0.1 ms plus 0.12% of the sleep on this kind of machine (a virtual machine's timer, the
   * same for a futex as for a timerfd), so the relay sets its timer early by this much plus 0.3% of the wait,
   * then spins the rest, and a packet due in 400 ms leaves within microseconds of its time instead of 0.5 ms
   * late.
   */
  private static final long SPIN_NANOS = 200_000;
  /** Packets read from one interface per turn, so that a busy one does not starve the others or the timers. */
  private static final int READS_PER_TURN = 64;

  /** Sees every packet: the packet log and the pcap writer. Called on the relay's thread. */
  interface Observer {
    /**
     * @param nanos when, on {@link System#nanoTime}'s scale
     * @param packet the bytes, valid only during the call
     * @param length how many
     * @param from the interface it came from, or -1 for the network's own answers
     * @param to the interface it goes to, or -1
     * @param fate what became of it
     */
    void packet(long nanos, byte[] packet, int length, int from, int to, Fate fate);
  }

  /** One interface of one host, as the relay sees it: a TUN descriptor and the addresses behind it. */
  record Port(Tun tun, String host, String iface, byte[][] addresses) {}

  private record Held(long at, long order, int to, byte[] data) {}

  private final Port[] ports;
  private final Observer observer;
  private final SplittableRandom random;
  private final AtomicLongArray counts = new AtomicLongArray(Fate.values().length);
  private final PriorityQueue<Held> held = new PriorityQueue<>((a, b) -> a.at != b.at
      ? Long.compare(a.at, b.at) : Long.compare(a.order, b.order));
  private final int wakeFd;
  private final int timerFd;
  private final Thread thread;
  private volatile Paths paths;
  private volatile boolean closing;
  private volatile Throwable failure;
  private long order;

  Relay(List<Port> ports, List<PathRule> rules, long seed, Observer observer) {
    this.ports = ports.toArray(new Port[0]);
    this.paths = new Paths(rules, ports.size());
    this.observer = observer;
    this.random = new SplittableRandom(seed);
    this.wakeFd = LibC.eventfd(0, LibC.O_NONBLOCK | LibC.O_CLOEXEC);
    if (wakeFd < 0) {
      throw new IllegalStateException("eventfd: " + LibC.lastError());
    }
    this.timerFd = LibC.timerfd_create(LibC.CLOCK_MONOTONIC, LibC.O_NONBLOCK | LibC.O_CLOEXEC);
    if (timerFd < 0) {
      LibC.close(wakeFd);
      throw new IllegalStateException("timerfd_create: " + LibC.lastError());
    }
    this.thread = new Thread(this::run, "cbl-emulator-relay");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Replaces the rules; the next packet read sees them. */
  void rules(List<PathRule> replacement) {
    paths = new Paths(replacement, ports.length);
  }

  /** How many packets met {@code fate} so far. */
  long count(Fate fate) {
    return counts.get(fate.ordinal());
  }

  /** Why the relay stopped on its own, or {@code null}. */
  Throwable failure() {
    return failure;
  }

  private void run() {
    LibC.prctl(LibC.PR_SET_TIMERSLACK, 1, 0, 0, 0);
    int n = ports.length;
    Memory fds = new Memory(8L * (n + 2));
    for (int i = 0; i < n; i++) {
      fds.setInt(8L * i, ports[i].tun().fd());
      fds.setShort(8L * i + 4, LibC.POLLIN);
    }
    fds.setInt(8L * n, wakeFd);
    fds.setShort(8L * n + 4, LibC.POLLIN);
    fds.setInt(8L * (n + 1), timerFd);
    fds.setShort(8L * (n + 1) + 4, LibC.POLLIN);
    Memory timer = new Memory(32);
    timer.clear();
    Memory drain = new Memory(8);
    Memory zero = new Memory(16);
    zero.clear();
    long armedAt = Long.MIN_VALUE;
    Memory io = new Memory(MAX_PACKET);
    byte[] buffer = new byte[MAX_PACKET];
    IpPacket packet = new IpPacket();
    Scratch scratch = new Scratch();
    try {
      while (!closing) {
        releaseDue(io);
        Held next = held.peek();
        Pointer wait = null; // until a packet comes, or the timer
        if (next != null) {
          long left = next.at - System.nanoTime();
          if (left <= SPIN_NANOS) {
            wait = zero; // spin: poll without waiting until it is due
          } else {
            long wakeAt = next.at - SPIN_NANOS - left / 333;
            if (wakeAt != armedAt) {
              armedAt = wakeAt; // absolute, on the monotonic clock that System.nanoTime reads
              timer.setLong(16, wakeAt / 1_000_000_000L);
              timer.setLong(24, wakeAt % 1_000_000_000L);
              LibC.timerfd_settime(timerFd, LibC.TFD_TIMER_ABSTIME, timer, null);
            }
          }
        }
        int ready = LibC.ppoll(fds, n + 2, wait, null);
        if (ready < 0) {
          if (LibC.errno() == LibC.EINTR) {
            continue;
          }
          throw new IllegalStateException("ppoll: " + LibC.lastError());
        }
        if (fds.getShort(8L * (n + 1) + 6) != 0) {
          LibC.read(timerFd, drain, 8); // expired: what is due goes at the top of the loop
          armedAt = Long.MIN_VALUE;
        }
        for (int i = 0; i < n && ready > 0; i++) {
          if (fds.getShort(8L * i + 6) != 0) {
            readFrom(i, io, buffer, packet, scratch);
          }
        }
      }
    } catch (Throwable e) {
      failure = e;
      System.getLogger(Relay.class.getName()).log(System.Logger.Level.ERROR, "the emulated network's relay stopped",
          e);
    }
  }

  private void readFrom(int from, Memory io, byte[] buffer, IpPacket packet, Scratch scratch) {
    int fd = ports[from].tun().fd();
    for (int k = 0; k < READS_PER_TURN; k++) {
      long got = LibC.read(fd, io, MAX_PACKET);
      if (got <= 0) {
        return; // EAGAIN: drained (or the device went away while closing)
      }
      int length = (int) got;
      io.read(0, buffer, 0, length);
      handle(from, buffer, length, io, packet, scratch);
    }
  }

  private void handle(int from, byte[] buffer, int length, Memory io, IpPacket packet, Scratch scratch) {
    long now = System.nanoTime();
    if (!packet.reset(buffer, length)) {
      seen(now, buffer, length, from, -1, Fate.MALFORMED);
      return;
    }
    Family family = packet.family();
    byte[] source = scratch.source(family);
    byte[] destination = scratch.destination(family);
    packet.sourceInto(source);
    packet.destinationInto(destination);
    int to = portOf(destination);
    if (to < 0) {
      seen(now, buffer, length, from, -1, Fate.NO_ROUTE);
      return;
    }
    Paths current = paths;
    int index = current.match(family, source, destination, packet);
    PathRule rule = index < 0 ? null : current.rules[index];
    Action action = rule == null ? Action.PASS : rule.action();
    if (action == Action.DROP) {
      seen(now, buffer, length, from, to, Fate.DROPPED);
      return;
    }
    if (action.rejects()) {
      seen(now, buffer, length, from, to, Fate.REJECTED);
      byte[] answer = Rejects.answer(packet, action);
      if (answer != null) {
        seen(System.nanoTime(), answer, answer.length, -1, from, Fate.ANSWER);
        write(from, answer, answer.length, io);
      }
      return;
    }
    if (rule != null && rule.loss() > 0 && random.nextDouble() < rule.loss()) {
      seen(now, buffer, length, from, to, Fate.LOST);
      return;
    }
    seen(now, buffer, length, from, to, Fate.FORWARDED);
    long delay = rule == null ? 0 : delayOf(rule);
    long[][] last = current.lastRelease[index + 1];
    long at = Math.max(now + delay, last[from][to]);
    last[from][to] = at;
    if (at <= now) {
      releaseDue(io); // what this pair holds is due by now: it leaves first
      write(to, buffer, length, io);
    } else {
      held.add(new Held(at, order++, to, Arrays.copyOf(buffer, length)));
    }
  }

  private long delayOf(PathRule rule) {
    long delay = rule.delay().toNanos();
    long jitter = rule.jitter().toNanos();
    if (jitter > 0) {
      delay += random.nextLong(-jitter, jitter + 1);
    }
    return Math.max(0, delay);
  }


  private int portOf(byte[] destination) {
    for (int i = 0; i < ports.length; i++) {
      for (byte[] a : ports[i].addresses()) {
        if (Arrays.equals(a, destination)) {
          return i;
        }
      }
    }
    return -1;
  }

  private void releaseDue(Memory io) {
    long now = System.nanoTime();
    Held h;
    while ((h = held.peek()) != null && h.at - now <= 0) {
      held.poll();
      write(h.to, h.data, h.data.length, io);
    }
  }

  private void write(int to, byte[] data, int length, Memory io) {
    io.write(0, data, 0, length);
    LibC.write(ports[to].tun().fd(), io, length); // a full queue drops it, as a link would
  }

  private void seen(long nanos, byte[] packet, int length, int from, int to, Fate fate) {
    counts.incrementAndGet(fate.ordinal());
    observer.packet(nanos, packet, length, from, to, fate);
  }

  /** Stops the thread; the descriptors are the caller's to close. */
  @Override
  public void close() {
    closing = true;
    Memory one = new Memory(8);
    one.setLong(0, 1);
    LibC.write(wakeFd, one, 8);
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LibC.close(wakeFd);
    LibC.close(timerFd);
  }

  /** The rules in force, and for each (and for packets no rule matches) when its paths last released one. */
  private static final class Paths {
    final PathRule[] rules;
    /** [rule + 1][from][to]: FIFO per rule and pair of interfaces, index 0 for packets no rule matches. */
    final long[][][] lastRelease;

    Paths(List<PathRule> rules, int ports) {
      this.rules = rules.toArray(new PathRule[0]);
      this.lastRelease = new long[this.rules.length + 1][ports][ports];
    }

    /** The index of the first rule that matches, or -1. */
    int match(Family family, byte[] source, byte[] destination, IpPacket packet) {
      for (int i = 0; i < rules.length; i++) {
        if (rules[i].matches(family, source, destination, packet.protocol(), packet.sourcePort(),
            packet.destinationPort())) {
          return i;
        }
      }
      return -1;
    }
  }

  /** Address buffers reused for every packet: 4 bytes for IPv4, 16 for IPv6. */
  private static final class Scratch {
    private final byte[] source4 = new byte[4];
    private final byte[] destination4 = new byte[4];
    private final byte[] source6 = new byte[16];
    private final byte[] destination6 = new byte[16];

    byte[] source(Family f) {
      return f == Family.IPV4 ? source4 : source6;
    }

    byte[] destination(Family f) {
      return f == Family.IPV4 ? destination4 : destination6;
    }
  }
}
