package io.github.connectbylist.examples;

import io.github.connectbylist.ConnectByList;

/**
 * Instances that connect as Go's {@code net.Dialer} and Node.js's {@code autoSelectFamily} do: the models of
 * {@code strategy-clients}, picked by name. Closing it closes both.
 *
 * @param go Go's dialer: a fallback delay of 300 ms, 30 s for the whole dial
 * @param node Node.js: each address abandoned after 250 ms
 */
record ClientStrategies(ConnectByList go, ConnectByList node) implements AutoCloseable {

  static ClientStrategies both() {
    // snippet:start clients
    ConnectByList go = ConnectByList.builder().strategy("go(fallback-delay=300ms, dial-timeout=30s)").build();
    ConnectByList node = ConnectByList.builder().strategy("node(attempt-timeout=250ms)").build();
    // snippet:end clients
    return new ClientStrategies(go, node);
  }

  @Override
  public void close() {
    go.close();
    node.close();
  }
}
