package io.github.connectbylist.jsonfile;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Builds the tree of one JSON text from the parser's tokens, each number a {@link WrittenNumber} that keeps
 * the token's text: Jackson's own tree keeps only the value, so a message could say {@code 1E+400} for the
 * {@code 1e400} a user wrote. The parser's rules still apply (a key given twice, when the parser is made to
 * check it, and its limits on nesting depth and number length); anything after the top-level value is an
 * error, as is a number whose exponent is past what can be read.
 */
final class JsonTree {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTree() {}

  /**
   * Reads the one value of {@code parser}'s text.
   *
   * @param parser at the start of the text
   * @return the value; {@link MissingNode} for a text without one
   * @throws IOException a {@link com.fasterxml.jackson.core.JsonProcessingException} with the position when the
   *     text is not one JSON value
   */
  static JsonNode read(JsonParser parser) throws IOException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      return MissingNode.getInstance();
    }
    JsonNode root = value(parser, first);
    if (parser.nextToken() != null) {
      throw new JsonParseException(parser, "Unexpected text after the top-level value",
          parser.currentTokenLocation());
    }
    return root;
  }

  /** The value that starts with {@code token}; nesting is as deep as the parser allows (1,000 by default). */
  private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
    if (token == null) { // the parser reports an unclosed object or list itself; this is the net under that
      throw new JsonParseException(parser, "Unexpected end-of-input");
    }
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          object.set(key, value(parser, parser.nextToken()));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        JsonToken next;
        while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
          array.add(value(parser, next));
        }
        return array;
      }
      case VALUE_STRING -> {
        return NODES.textNode(parser.getText());
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        String text = parser.getText();
        BigDecimal exact;
        try {
          exact = new BigDecimal(text);
        } catch (NumberFormatException | ArithmeticException e) { // an exponent past what an int holds
          throw new JsonParseException(parser, "Number " + text + " is too large to read: its exponent is past 2^31",
              parser.currentTokenLocation()); // where the number starts
        }
        return new WrittenNumber(text, exact, token == JsonToken.VALUE_NUMBER_INT);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
      }
      case VALUE_NULL -> {
        return NODES.nullNode();
      }
      default -> throw new JsonParseException(parser, "Unexpected token " + token);
    }
  }
}
