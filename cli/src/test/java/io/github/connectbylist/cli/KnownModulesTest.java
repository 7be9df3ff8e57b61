package io.github.connectbylist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.connectbylist.Strategies;
import io.github.connectbylist.api.NamedStrategy;
import io.github.connectbylist.internal.KnownModules;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CLI carries every module of this project: each strategy and resolver they register must be one that core's
 * "not on the class path" error can name the artifact of (all but core's own {@code system}).
 */
class KnownModulesTest {

  @Test
  void everyStrategyOfThisProjectHasItsArtifactNamed() {
    Strategies all = Strategies.discovered();
    List<NamedStrategy<?>> named = new ArrayList<>();
    named.addAll(all.rankers());
    named.addAll(all.schedulers());
    named.addAll(all.resolvers());
    List<String> unknown = new ArrayList<>();
    for (NamedStrategy<?> s : named) {
      if (!s.name().equals("system") && KnownModules.artifactOf(s.name()) == null) {
        unknown.add(s.kind() + " " + s.name());
      }
    }
    assertEquals(List.of(), unknown, "add them to core's KnownModules");
  }
}
