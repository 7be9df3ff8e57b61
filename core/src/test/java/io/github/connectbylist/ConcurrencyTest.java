package io.github.connectbylist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.testbed.LeakCheck;
import io.github.connectbylist.support.Recorder;
import io.github.connectbylist.testbed.ProcessResources;
import io.github.connectbylist.testbed.Testbed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Thousands of asynchronous connects from one instance run on its one event loop thread. */
class ConcurrencyTest {

  @Test
  void twoThousandConcurrentAsyncConnectsCompleteOnTheSelectorThreadAlone() throws Exception {
    try (Testbed testbed = new Testbed()) {
      InetSocketAddress good = testbed.accepting("127.0.0.1").address();
      LeakCheck leaks = LeakCheck.start();
      long threadsBefore = ProcessResources.liveThreads();
      Recorder recorder = new Recorder();
      Set<String> completingThreads = ConcurrentHashMap.newKeySet();
      long peakThreads;
      try (ConnectByList cbl = ConnectByList.builder().strategy("test-sequential").listener(recorder).build()) {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
          all.add(cbl.connectAsync(List.of(good)).thenAccept(c -> {
            completingThreads.add(Thread.currentThread().getName());
            try {
              c.close();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }));
        }
        peakThreads = ProcessResources.liveThreads();
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        assertTrue(all.stream().allMatch(f -> f.isDone() && !f.isCompletedExceptionally()));
      }
      assertEquals(2_000, recorder.started.size());
      assertEquals(1, new HashSet<>(recorder.threads).size(), "every attempt ran on one thread");
      assertTrue(recorder.threads.get(0).startsWith("connectbylist-loop-"), recorder.threads.get(0));
      completingThreads.remove(Thread.currentThread().getName()); // a future already done when chained
      assertTrue(completingThreads.size() <= 1 && completingThreads.stream().allMatch(t -> t.startsWith("connectbylist-loop-")),
          completingThreads.toString());
      // the loop thread, and the one watchdog thread of the JVM that watches every loop
      assertTrue(peakThreads <= threadsBefore + 2, "threads: " + threadsBefore + " before, " + peakThreads + " at peak");
      leaks.assertNoneOpen();
    }
  }
}
