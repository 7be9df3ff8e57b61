package io.github.connectbylist.realclients;

import io.github.connectbylist.emulator.EmulatedHost;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Go's {@code net.Dialer} with its defaults ({@code var d net.Dialer; d.Dial("tcp", host:port)}): the first
 * address's family alone for the fallback delay (300 ms), then the other family's racer; no timeout, so no
 * share of a deadline per address. The program is built once with {@code go build} into a folder under the
 * system's temporary folder named by a hash of its source and of {@code go version}, and reused by every run
 * and every JVM after; run as {@code PROGRAM NAME PORT}, it prints {@code connected ADDRESS:PORT}, or the error
 * and exits with 1. The run is killed at the timeout.
 */
final class GoClient implements RealClient {
  /** The program's source: one {@code Dial} with a zero {@code net.Dialer}. */
  static final String SOURCE = """
      // One connect with Go's own defaults, for ConnectByList's real-client runs.
      package main

      import (
      \t"fmt"
      \t"net"
      \t"os"
      )

      func main() {
      \tvar d net.Dialer
      \tc, err := d.Dial("tcp", net.JoinHostPort(os.Args[1], os.Args[2]))
      \tif err != nil {
      \t\tfmt.Println("failed", err)
      \t\tos.Exit(1)
      \t}
      \tfmt.Println("connected", c.RemoteAddr())
      \tc.Close()
      }
      """;
  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(2);

  private final Installed go = new Installed(Programs.onPath("go"),
      "go is not installed: apt-get install golang-go");

  @Override
  public String name() {
    return "go";
  }

  @Override
  public Optional<String> model() {
    return Optional.of("go/go");
  }

  @Override
  public Optional<String> unavailable() {
    return go.unavailable();
  }

  /**
   * {@code go version}: {@code go version go1.19.8 linux/amd64}.
   *
   * @return the version
   * @throws IOException when go cannot be asked
   */
  @Override
  public String version() throws IOException {
    return go.firstLine("version");
  }

  @Override
  public Process start(EmulatedHost host, String name, int port, Duration timeout) throws IOException {
    Programs.check(name, port, timeout);
    Path program = program();
    return ClientProcess.start(host.command(List.of(program.toString(), Programs.bare(name),
        Integer.toString(port))), timeout, Optional.empty());
  }

  /**
   * The built program, built now if it is not yet.
   *
   * @return its path
   * @throws IOException when go is missing or the build fails
   */
  synchronized Path program() throws IOException {
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "connectbylist-go-client-" + hash(SOURCE + version()));
    Path program = dir.resolve("connect");
    if (Files.isExecutable(program)) {
      return program;
    }
    Files.createDirectories(dir);
    Path source = dir.resolve("connect.go");
    Files.writeString(source, SOURCE, StandardCharsets.UTF_8);
    Path built = Files.createTempFile(dir, "connect-", ".partial");
    ProcessBuilder build = new ProcessBuilder(need().toString(), "build", "-o", built.toString(), source.toString())
        .directory(dir.toFile()).redirectErrorStream(true);
    Map<String, String> env = build.environment();
    env.put("GOCACHE", dir.resolve("build-cache").toString()); // nothing outside the folder, HOME or not
    env.put("GOPATH", dir.resolve("gopath").toString());
    env.put("GOPROXY", "off"); // the standard library only: nothing to download
    env.put("GOTOOLCHAIN", "local");
    env.put("GOFLAGS", "");
    Process p = build.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    try {
      if (!p.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("go build of the Go client took more than " + BUILD_TIMEOUT.toMinutes() + " minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException("go build of the Go client was interrupted", e);
    }
    if (p.exitValue() != 0) {
      Files.deleteIfExists(built);
      throw new IOException("go build of the Go client failed: " + out.replace('\n', ' '));
    }
    try {
      Files.move(built, program, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(built, program, StandardCopyOption.REPLACE_EXISTING);
    }
    return program;
  }

  private static String hash(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Path need() throws IOException {
    return go.need();
  }

  @Override
  public String toString() {
    return name();
  }
}
