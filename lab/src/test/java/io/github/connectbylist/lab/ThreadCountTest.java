package io.github.connectbylist.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an experiment writes does not depend on how many threads ran it. */
class ThreadCountTest {

  @Test
  void everyFileIsByteIdenticalOnOneTwoAndEightThreads(@TempDir Path dir) throws Exception {
    Experiment builtIn = Experiment.builtIn().withRuns(100).withSessionRuns(10);
    List<String> strategies = new ArrayList<>(builtIn.strategies());
    strategies.add("go/go");
    strategies.add("okhttp5/okhttp5");
    Experiment experiment = new Experiment("threads", 7, 100, builtIn.deadline(), strategies, builtIn.scenarios(),
        builtIn.sessions(), 10, List.of(new Sweep("happy-eyeballs/happy-eyeballs(connection-attempt-delay={})",
            "connection-attempt-delay", List.of("50ms", "150ms", "400ms"), "p99")));
    for (int threads : new int[] {1, 2, 8}) {
      ResultsWriter.write(ExperimentRunner.run(experiment, threads), dir.resolve("t" + threads));
    }
    for (String file : new String[] {"runs.csv", "summary.csv", "sessions.csv", "session-summary.csv", "sweeps.csv",
        "results.json", "report.html"}) {
      byte[] one = Files.readAllBytes(dir.resolve("t1").resolve(file));
      assertArrayEquals(one, Files.readAllBytes(dir.resolve("t2").resolve(file)), file + " on 2 threads");
      assertArrayEquals(one, Files.readAllBytes(dir.resolve("t8").resolve(file)), file + " on 8 threads");
    }
  }

  @Test
  void aNegativeThreadCountIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Parallel.threads(-1));
  }
}
