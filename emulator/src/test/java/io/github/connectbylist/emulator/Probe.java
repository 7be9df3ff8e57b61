package io.github.connectbylist.emulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link ConnectProbe} running in a host: one line in, one line out. */
final class Probe implements AutoCloseable {
  private final Process process;
  private final BufferedReader out;
  private final PrintWriter in;

  /** A probe with the library's default resolver. */
  Probe(EmulatedHost host, String ranker, String scheduler, long timeoutMillis) throws IOException {
    this(host, ranker, scheduler, timeoutMillis, "default");
  }

  /**
   * A probe whose names go to {@code resolver}, a spec such as {@code dns(servers=[2001:db8:53::53]:53,
   * hosts=none)}, or {@code default}.
   */
  Probe(EmulatedHost host, String ranker, String scheduler, long timeoutMillis, String resolver) throws IOException {
    process = host.jvm(ConnectProbe.class.getName(), List.of(ranker, scheduler, Long.toString(timeoutMillis),
        resolver)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
    in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.US_ASCII);
    String ready = out.readLine();
    if (!"ready".equals(ready)) {
      throw new IOException("the probe did not start: " + ready);
    }
  }

  /**
   * Connects to {@code addresses} ({@code ADDRESS:PORT}, IPv6 in brackets), or by name to one {@code NAME:PORT},
   * and returns the probe's line.
   */
  String connect(String... addresses) throws IOException {
    in.println(String.join(" ", addresses));
    String line = out.readLine();
    if (line == null) {
      throw new IOException("the probe ended");
    }
    return line;
  }

  @Override
  public void close() throws IOException {
    in.close();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
