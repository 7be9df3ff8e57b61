package io.github.connectbylist.jsonfile;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One JSON object of a file a user wrote (a lab experiment, a network's topology), read strictly: a key it does not know is an error that names the key, the
 * file and the keys it knows (a misspelt {@code "sesion-runs"} is not silently ignored); a whole number must be
 * written as one ({@code 1.9}, {@code "abc"}, {@code 4294967297} and {@code 9e18} are refused, not read as 1,
 * 1000, 1 or an overflow) and lie in its range; a string must be a string. Every message is {@code FILE:
 * FIELD: what is wrong}, with the value as the user wrote it (the JSON token's text) and what is allowed.
 */
public final class JsonFields {
  private final JsonNode node;
  private final String where;
  private final String path;

  private JsonFields(JsonNode node, String where, String path) {
    this.node = node;
    this.where = where;
    this.path = path;
  }

  /**
   * The top-level object of a file.
   *
   * @param node the parsed file
   * @param where the file, for messages
   * @param known every key the object may have
   * @return its fields
   * @throws IllegalArgumentException when it is not an object or has a key not in {@code known}
   */
  public static JsonFields root(JsonNode node, String where, List<String> known) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(where + ": the file must hold one JSON object {...}, not "
          + kind(node));
    }
    JsonFields fields = new JsonFields(node, where, "");
    fields.rejectUnknown(known);
    return fields;
  }

  /**
   * An object found elsewhere than under a key of another (an element of a list read on its own).
   *
   * @param node the object
   * @param where the file, for messages
   * @param path its name in messages, such as {@code sweeps}
   * @param known every key it may have
   * @return its fields
   * @throws IllegalArgumentException when it is not an object or has a key not in {@code known}
   */
  public static JsonFields object(JsonNode node, String where, String path, List<String> known) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(where + ": " + path + ": give an object {...}, not " + kind(node));
    }
    JsonFields fields = new JsonFields(node, where, path);
    fields.rejectUnknown(known);
    return fields;
  }

  /**
   * The file these fields come from.
   *
   * @return its name in messages
   */
  public String where() {
    return where;
  }

  /**
   * The name of a field of this object in messages: {@code resolution.aaaa.delay}; the object's for "".
   *
   * @param key the field
   * @return its dotted name
   */
  public String name(String key) {
    return path.isEmpty() || key.isEmpty() ? path + key : path + "." + key;
  }

  /**
   * The error for a field: {@code FILE: FIELD: problem}.
   *
   * @param key the field
   * @param problem what is wrong and what is allowed
   * @return the exception, to throw
   */
  public IllegalArgumentException error(String key, String problem) {
    return new IllegalArgumentException(where + ": " + name(key) + ": " + problem);
  }

  /**
   * Whether the object has {@code key}.
   *
   * @param key the field
   * @return {@code true} when it is there
   */
  public boolean has(String key) {
    return node.has(key);
  }

  /**
   * The object under {@code key}, which may have only the {@code known} keys.
   *
   * @param key the field, which must be there
   * @param known the keys it may have
   * @return its fields
   */
  public JsonFields object(String key, List<String> known) {
    JsonNode value = node.get(key);
    if (value == null || !value.isObject()) {
      throw error(key, value == null ? "missing: give an object {...}" : "give an object {...}, not " + kind(value));
    }
    JsonFields fields = new JsonFields(value, where, name(key));
    fields.rejectUnknown(known);
    return fields;
  }

  /**
   * The object under {@code key} used as a map, whose keys are data (such as addresses), not a format's.
   *
   * @param key the field, which must be there
   * @return its fields, any keys allowed
   */
  public JsonFields map(String key) {
    JsonNode value = node.get(key);
    if (value == null || !value.isObject()) {
      throw error(key, value == null ? "missing: give an object {...}" : "give an object {...}, not " + kind(value));
    }
    return new JsonFields(value, where, name(key));
  }

  /**
   * The objects of the list under {@code key}; none when it is absent and not {@code required}.
   *
   * @param key the field
   * @param required whether it must be there
   * @param known the keys each object may have
   * @return their fields, in order
   */
  public List<JsonFields> objects(String key, boolean required, List<String> known) {
    List<JsonFields> out = new ArrayList<>();
    for (JsonNode element : array(key, required)) {
      if (!element.isObject()) {
        throw error(key, "each element must be an object {...}, not " + kind(element));
      }
      JsonFields fields = new JsonFields(element, where, name(key));
      fields.rejectUnknown(known);
      out.add(fields);
    }
    return out;
  }

  /**
   * The strings of the list under {@code key}; none when it is absent and not {@code required}.
   *
   * @param key the field
   * @param required whether it must be there
   * @return the strings, in order
   */
  public List<String> texts(String key, boolean required) {
    List<String> out = new ArrayList<>();
    for (JsonNode element : array(key, required)) {
      if (!element.isTextual()) {
        throw error(key, "each element must be a string, not " + element);
      }
      out.add(element.asText());
    }
    return out;
  }

  /**
   * The strings or numbers of the list under {@code key}, each as written ({@code "50ms"}, {@code 1.5}).
   *
   * @param key the field; none when absent
   * @return each as written
   */
  public List<String> textsOrNumbers(String key) {
    List<String> out = new ArrayList<>();
    for (JsonNode element : array(key, false)) {
      out.add(textOrNumber(key, element));
    }
    return out;
  }

  /**
   * The string or number under {@code key}, as written; {@code otherwise} when absent.
   *
   * @param key the field
   * @param otherwise what an absent field means
   * @return the value as written
   */
  public String textOrNumber(String key, String otherwise) {
    JsonNode value = node.get(key);
    return value == null ? otherwise : textOrNumber(key, value);
  }

  private String textOrNumber(String key, JsonNode value) {
    if (value.isTextual()) {
      return value.asText();
    }
    if (value.isNumber()) {
      return value.asText(); // as written: a WrittenNumber
    }
    throw error(key, "give a string or a number, not " + value);
  }

  private JsonNode array(String key, boolean required) {
    JsonNode value = node.get(key);
    if (value == null && !required) {
      return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    }
    if (value == null || !value.isArray()) {
      throw error(key, value == null ? "missing: give a list [...]" : "give a list [...], not " + kind(value));
    }
    return value;
  }

  /**
   * The string under {@code key}, which must be there.
   *
   * @param key the field
   * @return the string
   */
  public String text(String key) {
    JsonNode value = node.get(key);
    if (value == null || !value.isTextual()) {
      throw error(key, value == null ? "missing: give a string" : "give a string, not " + value);
    }
    return value.asText();
  }

  /**
   * The string under {@code key}; {@code otherwise} when absent.
   *
   * @param key the field
   * @param otherwise what an absent field means
   * @return the string
   */
  public String text(String key, String otherwise) {
    return node.has(key) ? text(key) : otherwise;
  }

  /**
   * The whole number under {@code key}, from {@code min} to {@code max}; {@code otherwise} when absent.
   *
   * @param key the field
   * @param min the least allowed
   * @param max the most allowed
   * @param otherwise what an absent field means
   * @return the number
   * @throws IllegalArgumentException when it is not a JSON number written as a whole number in that range
   */
  public long whole(String key, long min, long max, long otherwise) {
    JsonNode value = node.get(key);
    if (value == null) {
      return otherwise;
    }
    String range = " from " + min + " to " + max;
    if (!value.isNumber()) {
      throw error(key, value + " is not a whole number: give one" + range);
    }
    BigDecimal exact = value.decimalValue();
    if (exact.compareTo(BigDecimal.valueOf(min)) < 0 || exact.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw error(key, written(value) + " is out of range: give a whole number" + range);
    }
    if (!value.isIntegralNumber()) { // 1.9 is not 1; 1.0 and 1e3 are not written as whole numbers
      throw error(key, written(value) + " is not a whole number: give one" + range);
    }
    return value.longValue();
  }

  /**
   * The number under {@code key}, from {@code min} to {@code max}; {@code otherwise} when absent.
   *
   * @param key the field
   * @param min the least allowed
   * @param max the most allowed
   * @param otherwise what an absent field means
   * @return the number
   * @throws IllegalArgumentException when it is not a JSON number in that range
   */
  public double number(String key, double min, double max, double otherwise) {
    JsonNode value = node.get(key);
    return value == null ? otherwise : number(key, value, min, max);
  }

  /**
   * A number of a list, named {@code key} in messages.
   *
   * @param key the list's field
   * @param value the element
   * @param min the least allowed
   * @param max the most allowed
   * @return the number
   */
  public double number(String key, JsonNode value, double min, double max) {
    String range = " from " + plain(min) + " to " + plain(max);
    if (!value.isNumber()) {
      throw error(key, value + " is not a number: give one" + range);
    }
    BigDecimal exact = value.decimalValue();
    if (exact.compareTo(BigDecimal.valueOf(min)) < 0 || exact.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw error(key, written(value) + " is out of range: give a number" + range);
    }
    return value.doubleValue();
  }

  /**
   * The node under {@code key}, for a format's own reading.
   *
   * @param key the field
   * @return the node, or {@code null} when absent
   */
  public JsonNode get(String key) {
    return node.get(key);
  }

  /**
   * The keys of this object as written, for maps such as {@code os-sources}.
   *
   * @return the keys, in the file's order
   */
  public Iterator<String> keys() {
    return node.fieldNames();
  }

  private void rejectUnknown(List<String> known) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) {
        throw new IllegalArgumentException(where + ": " + (path.isEmpty() ? "" : path + ": ") + "unknown key '"
            + printable(key) + "'; the keys are " + String.join(", ", known));
      }
    }
  }

  /** A key as a message can show it on one line: what is not printable ASCII as {@code \\uXXXX}. */
  private static String printable(String key) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < key.length() && i < 100; i++) {
      char c = key.charAt(i);
      out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return key.length() > 100 ? out + "..." : out.toString();
  }

  /** A number as written: {@code 1.9}, {@code 9e18}, {@code 1e400}, {@code 4294967297} ({@link WrittenNumber}). */
  private static String written(JsonNode number) {
    return number.asText();
  }

  private static String plain(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  private static String kind(JsonNode node) {
    return node.isArray() ? "a list" : node.isObject() ? "an object" : node.isMissingNode() ? "nothing"
        : node.toString();
  }
}
