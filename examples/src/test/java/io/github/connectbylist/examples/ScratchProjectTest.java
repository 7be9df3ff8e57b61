package io.github.connectbylist.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.connectbylist.testbed.Testbed;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The README's promise to a new user, kept: a project that has only the "Depend on it" block builds and runs the
 * quick start. It writes such a project (that block, Java 17, {@code QuickStart.java}), builds it with Maven
 * offline against the artifacts installed in the outer build's local repository, and runs it against a loopback
 * endpoint. The installed artifacts must be this build's, so it runs in the install phase (examples/pom.xml): in
 * {@code mvn -B install} this module is the last of the reactor, and every other module is installed by then.
 */
class ScratchProjectTest {
  /** The heading whose first ```xml block is what a user pastes. */
  static final String DEPEND_ON_IT = "## Depend on it";

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final String GROUP = "io.github.connectbylist";
  private static final String QUICK_START = "examples/src/main/java/io/github/connectbylist/examples/QuickStart.java";
  private static final long CHILD_TIMEOUT_MINUTES = 3;
  private static final String RUN_INSTALL = "run `mvn -B install` (the README's test command): ScratchProjectTest "
      + "builds a project against the installed artifacts";

  private final String version = property("examples.projectVersion");
  private final Path localRepository = Path.of(property("examples.localRepository"));
  private Path project;

  private static String property(String name) {
    String value = System.getProperty(name);
    assertTrue(value != null && !value.isBlank(), name + " is not set: run the tests through Maven (examples/pom.xml sets it)");
    return value;
  }

  @BeforeEach
  void makeDirectory() throws IOException {
    project = Files.createTempDirectory("connectbylist-scratch");
  }

  @AfterEach
  void deleteDirectory() throws IOException {
    try (Stream<Path> all = Files.walk(project)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Test
  void theDependOnItBlockBuildsAndRunsTheQuickStart() throws Exception {
    String block = dependOnIt();
    Matcher v = Pattern.compile("<version>([^<]+)</version>").matcher(block);
    assertTrue(v.find(), "no <version> in the README's " + DEPEND_ON_IT + " block:\n" + block);
    assertEquals(version, v.group(1), "the README's " + DEPEND_ON_IT + " names another version than the project's");
    assertInstalledIsThisBuilds("connectbylist-parent", ROOT.resolve("pom.xml"), ".pom");
    assertInstalledIsThisBuilds("connectbylist-bom", ROOT.resolve("bom/pom.xml"), ".pom");

    Files.writeString(project.resolve("pom.xml"), pom(block));
    Path source = project.resolve("src/main/java/io/github/connectbylist/examples/QuickStart.java");
    Files.createDirectories(source.getParent());
    Files.copy(ROOT.resolve(QUICK_START), source);

    run(maven("package"));
    // The runtime class path as Maven resolves it; a version of the plugin whose own dependencies the repository holds.
    run(maven("org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath", "-Dmdep.outputFile=cp.txt",
        "-Dmdep.includeScope=runtime"));
    String classPath = Files.readString(project.resolve("cp.txt")).strip();
    for (String entry : classPath.split(File.pathSeparator)) {
      Path jar = Path.of(entry);
      if (jar.startsWith(localRepository.resolve(GROUP.replace('.', '/')))) {
        String artifact = jar.getParent().getParent().getFileName().toString();
        assertInstalledIsThisBuilds(artifact, builtJar(jar.getFileName().toString()), ".jar");
      }
    }
    assertTrue(classPath.contains("connectbylist-strategy-happy-eyeballs") && classPath.contains("dnsjava"),
        "the runtime class path has what the block brings: " + classPath);

    try (Testbed testbed = new Testbed()) {
      int port = testbed.accepting("127.0.0.1").address().getPort();
      List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", "target/classes" + File.pathSeparator + classPath, "io.github.connectbylist.examples.QuickStart",
          "localhost", Integer.toString(port)));
      if (Testbed.ipv6LoopbackAvailable()) {
        testbed.refusing("::1", port);
        java.add("::1");
      }
      java.add("127.0.0.1");
      String out = run(java);
      assertTrue(out.contains(" -> /127.0.0.1:" + port + " in "), "connected to the good address:\n" + out);
      assertTrue(out.contains("by name: /127.0.0.1:" + port), out);
    }
  }

  /** The first ```xml block under the heading {@link #DEPEND_ON_IT} of the README. */
  private static String dependOnIt() throws IOException {
    List<String> lines = Files.readAllLines(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    int heading = lines.indexOf(DEPEND_ON_IT);
    assertTrue(heading >= 0, "README.md has no heading '" + DEPEND_ON_IT + "'");
    int start = heading + 1;
    while (start < lines.size() && !lines.get(start).strip().equals("```xml")) {
      assertTrue(!lines.get(start).startsWith("## "), "no ```xml block under '" + DEPEND_ON_IT + "'");
      start++;
    }
    int end = start + 1;
    while (end < lines.size() && !lines.get(end).strip().equals("```")) {
      end++;
    }
    assertTrue(end < lines.size(), "the ```xml block under '" + DEPEND_ON_IT + "' does not end");
    return String.join("\n", lines.subList(start + 1, end));
  }

  /**
   * A project of its own with the block as its dependencyManagement and dependencies, on Java 17. The plugins are
   * this repository's versions: the defaults of Maven 3.8 are older ones, which an offline local repository that
   * built this project need not hold.
   */
  private static String pom(String block) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>org.example.scratch</groupId>
          <artifactId>quick-start</artifactId>
          <version>1</version>
          <properties>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
            <maven.compiler.release>17</maven.compiler.release>
          </properties>
        %s
          <build>
            <plugins>
              <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-compiler-plugin</artifactId>
                <version>3.14.0</version>
              </plugin>
              <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-resources-plugin</artifactId>
                <version>3.3.1</version>
              </plugin>
              <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-surefire-plugin</artifactId>
                <version>3.5.4</version>
              </plugin>
              <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-jar-plugin</artifactId>
                <version>3.4.2</version>
              </plugin>
            </plugins>
          </build>
        </project>
        """.formatted(block);
  }

  /** This build's file of a module whose file is named {@code name}, from the module's target directory. */
  private static Path builtJar(String name) throws IOException {
    try (Stream<Path> modules = Files.list(ROOT)) {
      Optional<Path> built = modules.map(m -> m.resolve("target").resolve(name)).filter(Files::isRegularFile).findFirst();
      return built.orElseThrow(() -> new AssertionError("no module of " + ROOT + " has built " + name
          + "; " + RUN_INSTALL));
    }
  }

  /** Fails, saying what to run, when the installed {@code artifact} is missing or is not {@code built}'s bytes. */
  private void assertInstalledIsThisBuilds(String artifact, Path built, String extension) throws IOException {
    Path installed = localRepository.resolve(GROUP.replace('.', '/')).resolve(artifact).resolve(version)
        .resolve(artifact + "-" + version + extension);
    if (!Files.isRegularFile(installed) || !Arrays.equals(Files.readAllBytes(installed), Files.readAllBytes(built))) {
      fail("the installed " + artifact + " is not this build's (" + installed + " against " + built + "): " + RUN_INSTALL);
    }
  }

  private List<String> maven(String... goals) {
    List<String> command = new ArrayList<>(List.of(executable("mvn").toString(), "-B", "-q", "-o",
        "-Dmaven.repo.local=" + localRepository));
    command.addAll(List.of(goals));
    return command;
  }

  private static Path executable(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(name + " is not on the PATH");
  }

  /** Runs {@code command} in the project, at most a few minutes; its output, or a failure that shows it. */
  private String run(List<String> command) throws IOException, InterruptedException {
    Path log = Files.createTempFile("connectbylist-scratch", ".log");
    try {
      Process p = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      boolean ended = p.waitFor(CHILD_TIMEOUT_MINUTES, TimeUnit.MINUTES);
      if (!ended) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly().waitFor();
      }
      String out = Files.readString(log);
      if (!ended) {
        fail(String.join(" ", command) + " did not end within " + CHILD_TIMEOUT_MINUTES + " minutes:\n" + out);
      }
      if (p.exitValue() != 0) {
        fail(String.join(" ", command) + " exited with " + p.exitValue() + " (if an artifact of ours did not resolve, "
            + RUN_INSTALL + "):\n" + out);
      }
      return out;
    } finally {
      Files.delete(log);
    }
  }
}
