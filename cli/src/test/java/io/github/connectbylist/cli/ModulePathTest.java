package io.github.connectbylist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The library's jars as JPMS modules: a fresh JVM with api, engine, core, the three strategies, the dns resolver
 * and the testbed on the module path (with dnsjava and SLF4J, nothing else) finds every strategy and resolver
 * through the descriptors, connects on loopback, and cannot reach core's internal package. The tests of every other module run on the class path.
 */
class ModulePathTest {
  private static final Set<String> MODULES = Set.of("io.github.connectbylist.api", "io.github.connectbylist.engine",
      "io.github.connectbylist.core",
      "io.github.connectbylist.strategy.sequential", "io.github.connectbylist.strategy.rfc6724",
      "io.github.connectbylist.strategy.happyeyeballs", "io.github.connectbylist.resolver.dns",
      "io.github.connectbylist.testbed");
  /** What those need from elsewhere: dnsjava (a named module) and its logging API (an automatic one). */
  private static final Set<String> DEPENDENCIES = Set.of("org.dnsjava", "org.slf4j");

  @Test
  void theLibraryWorksOnTheModulePathAndExportsOnlyItsPublicPackages() throws Exception {
    List<String> modulePath = new ArrayList<>();
    List<String> dependencies = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      for (ModuleReference m : ModuleFinder.of(Path.of(entry)).findAll()) {
        if (MODULES.contains(m.descriptor().name()) && !m.descriptor().isAutomatic()) {
          modulePath.add(entry);
        } else if (DEPENDENCIES.contains(m.descriptor().name())) {
          dependencies.add(entry);
        }
      }
    }
    assertEquals(MODULES.size(), modulePath.size(), "each module once, with a descriptor: " + modulePath);
    assertEquals(DEPENDENCIES.size(), dependencies.size(), "dnsjava and SLF4J: " + dependencies);
    modulePath.addAll(dependencies);
    Path check = Path.of(ModulePathTest.class.getResource("/ModulePathCheck.java").toURI());
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p = new ProcessBuilder(java, "--module-path", String.join(File.pathSeparator, modulePath),
        "--add-modules", String.join(",", MODULES), check.toString()).redirectErrorStream(true).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the check ran");
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("rankers history,happy-eyeballs,rfc6724,sequential"), out);
    assertTrue(out.contains("schedulers happy-eyeballs,sequential"), out);
    assertTrue(out.contains("problems []"), out);
    assertTrue(out.contains("resolvers dns,system"), out);
    assertTrue(out.contains("core module io.github.connectbylist.core"), out);
    assertTrue(out.contains("connected 2 attempts with happy-eyeballs("), out);
    assertTrue(out.contains("engine module io.github.connectbylist.engine exports engine true"), out);
    assertTrue(out.contains("exports internal false"), out);
    assertTrue(out.contains("internal refused"), out);
  }
}
