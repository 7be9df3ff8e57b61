package io.github.connectbylist.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarmupTest {

  /** A class renamed or removed would quietly fall out of the warm-up: every name of core's modules must load. */
  @Test
  void everyListedClassOfCoreExists() throws IOException, ClassNotFoundException {
    List<String> ours = new ArrayList<>();
    for (String name : listed()) {
      if (name.startsWith("io.github.connectbylist.internal.") || name.startsWith("io.github.connectbylist.api.")
          || name.startsWith("io.github.connectbylist.engine.") || name.matches("io\\.github\\.connectbylist\\.[A-Z].*")) {
        ours.add(name);
      }
    }
    assertTrue(ours.size() > 60, ours.toString());
    assertTrue(ours.contains(ConnectCall.class.getName()), "the heart of a connect is listed");
    for (String name : ours) {
      Class.forName(name, false, Warmup.class.getClassLoader()); // throws for a name that no longer exists
    }
  }

  @Test
  void theWarmUpThreadEndsByItself() throws InterruptedException {
    Warmup.start(); // once per JVM: a later call starts nothing
    Warmup.start();
    List<Thread> warmups = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("connectbylist-warmup")) {
        warmups.add(t);
      }
    }
    assertTrue(warmups.size() <= 1, warmups.toString());
    for (Thread t : warmups) {
      assertTrue(t.isDaemon());
      t.join(30_000);
      assertFalse(t.isAlive(), "the warm-up ended");
    }
  }

  private static List<String> listed() throws IOException {
    List<String> names = new ArrayList<>();
    try (InputStream in = Warmup.class.getResourceAsStream("warmup-classes.txt")) {
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = lines.readLine()) != null; ) {
        if (!line.isEmpty() && !line.startsWith("#")) {
          names.add(line);
        }
      }
    }
    assertEquals(names.size(), names.stream().distinct().count(), "each class once");
    return names;
  }
}
