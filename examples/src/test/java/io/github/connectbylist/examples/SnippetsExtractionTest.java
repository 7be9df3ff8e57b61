package io.github.connectbylist.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a snippet is cut out of its file: markers, pieces, indentation, the whole file, and the errors. */
class SnippetsExtractionTest {
  @TempDir
  Path root;

  private Snippets source(String text) throws Exception {
    Files.writeString(root.resolve("A.java"), text);
    return new Snippets(root);
  }

  @Test
  void piecesOfOneNameAreDeindentedAndJoinedWithOneBlankLine() throws Exception {
    Snippets s = source("""
        // snippet:start s
        import a.B;
        // snippet:end s
        class A {
          void f() {
            // snippet:start s
            int x = 1;
              // deeper
            // snippet:end s
            // snippet:start other
            int y = 2;
            // snippet:end other
          }
        }
        """);
    assertEquals("import a.B;\n\nint x = 1;\n  // deeper", s.text("A.java#s"));
    assertEquals("int y = 2;", s.text("A.java#other"));
  }

  @Test
  void aPathAloneIsTheWholeFileWithoutMarkers() throws Exception {
    Snippets s = source("class A {\n  // snippet:start s\n  int x;\n  // snippet:end s\n}\n");
    assertEquals("class A {\n  int x;\n}", s.text("A.java"));
  }

  @Test
  void aMissingFileOrRegionOrAnOpenRegionIsAnError() throws Exception {
    Snippets s = source("// snippet:start open\nint x;\n");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> s.text("B.java#s")).getMessage().contains("no file B.java"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> s.text("A.java#s")).getMessage().contains("no snippet s"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> s.text("A.java#open")).getMessage().contains("never ends"));
  }
}
