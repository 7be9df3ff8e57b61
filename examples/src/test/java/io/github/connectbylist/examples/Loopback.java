package io.github.connectbylist.examples;

import io.github.connectbylist.testbed.LeakCheck;
import io.github.connectbylist.testbed.Testbed;
import io.github.connectbylist.testbed.ThreadCheck;

/**
 * A testbed for one test and the checks that it leaves nothing behind: open it first, close it last. Closing
 * closes the testbed, then fails if a socket or a thread the test made is still there.
 */
final class Loopback implements AutoCloseable {
  final Testbed testbed;
  private final ThreadCheck threads;
  private final LeakCheck leaks;

  Loopback() {
    threads = ThreadCheck.start();
    leaks = LeakCheck.start();
    testbed = new Testbed();
  }

  @Override
  public void close() throws InterruptedException {
    testbed.close();
    leaks.assertNoneOpen();
    threads.assertNoneLeft();
  }
}
