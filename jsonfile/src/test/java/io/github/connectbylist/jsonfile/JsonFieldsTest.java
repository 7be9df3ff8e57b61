package io.github.connectbylist.jsonfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The strict reading every user's JSON file gets: errors are one line, naming file, field and what is allowed. */
class JsonFieldsTest {

  @Test
  void anUnknownKeyIsNamedOnOneLineWhateverItHolds(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("x.json");
    Files.writeString(file, "{\"name\": \"a\", \"evil\\nkey\\u00e9\": 1}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> JsonFields.root(JsonFiles.read(file), file.toString(), List.of("name")));
    assertEquals(file + ": unknown key 'evil\\u000akey\\u00e9'; the keys are name", e.getMessage());
  }

  @Test
  void aWholeNumberIsReadExactlyAndShownAsWritten(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("n.json");
    Files.writeString(file, "{\"runs\": 1.9, \"big\": 4294967297}");
    JsonFields f = JsonFields.root(JsonFiles.read(file), "n.json", List.of("runs", "big"));
    assertEquals("n.json: runs: 1.9 is not a whole number: give one from 1 to 10",
        assertThrows(IllegalArgumentException.class, () -> f.whole("runs", 1, 10, 1)).getMessage());
    assertEquals("n.json: big: 4294967297 is out of range: give a whole number from 1 to 2147483647",
        assertThrows(IllegalArgumentException.class, () -> f.whole("big", 1, Integer.MAX_VALUE, 1)).getMessage());
  }
}
