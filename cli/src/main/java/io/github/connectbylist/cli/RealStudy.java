package io.github.connectbylist.cli;

import io.github.connectbylist.emulator.Network;
import io.github.connectbylist.realclients.RealClient;
import io.github.connectbylist.realclients.RealClients;
import io.github.connectbylist.realclients.RealLazyEye;
import io.github.connectbylist.realclients.StudyReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code experiment lazy-eye --real}: the Lazy Eye test set on the real clients installed here, on emulated
 * networks, beside their models; writes {@code lazy-eye.csv}, {@code time-to-connect.csv}, {@code report.html}
 * and a pcap per run.
 */
final class RealStudy {
  private RealStudy() {}

  static int run(List<String> names, int repetitions, Path out, PrintWriter w) throws IOException {
    List<RealClient> chosen;
    try {
      chosen = names == null ? RealClients.all() : RealClients.named(names);
    } catch (IllegalArgumentException e) {
      throw new BadInput("--clients: " + e.getMessage(), e);
    }
    Optional<String> unavailable = Network.unavailable();
    if (unavailable.isPresent()) {
      throw new IOException("cannot run real clients here: " + unavailable.get());
    }
    List<RealClient> runnable = new ArrayList<>();
    for (RealClient c : chosen) {
      Optional<String> why = c.unavailable();
      if (why.isPresent()) {
        w.println("skipped " + c.name() + ": " + why.get());
      } else {
        runnable.add(c);
      }
    }
    if (runnable.isEmpty()) {
      throw new IOException("no client to run: install one (see the lines above)");
    }
    ReportDirectory.prepare(out);
    Files.createDirectories(out);
    RealLazyEye.Study study = RealLazyEye.run(runnable, new RealLazyEye.Options(repetitions, out, w, true));
    StudyReport.write(study, out);
    w.println();
    w.print(StudyReport.csv(study.rows()));
    study.failed().forEach(f -> w.println("not measured: " + f));
    w.println("the study took " + study.elapsed().toSeconds() + " s");
    w.println("report: " + out.resolve("report.html").toAbsolutePath());
    return 0;
  }
}
