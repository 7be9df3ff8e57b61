package io.github.connectbylist;

import io.github.connectbylist.api.Answer;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.ServiceBinding;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A connected socket and how it was reached: WSAConnectByList's {@code LocalAddress} and {@code
 * RemoteAddress} out-parameters, plus the trace of every attempt. Closing it closes the channel.
 */
public final class Connection implements Closeable {
  private final SocketChannel channel;
  private final InetSocketAddress localAddress;
  private final InetSocketAddress remoteAddress;
  private final List<Attempt> attempts;
  private final List<Answer> answers;
  private final Attempt winner;
  private final Duration elapsed;

  /**
   * Made by the orchestrator; public so that other transports and tests can make one too.
   *
   * @param channel the connected channel
   * @param localAddress its local address
   * @param remoteAddress its remote address
   * @param attempts every attempt of the connect, in start order
   * @param winner the attempt that connected
   * @param elapsed from the start of the connect to the winner's connection
   */
  public Connection(
      SocketChannel channel,
      InetSocketAddress localAddress,
      InetSocketAddress remoteAddress,
      List<Attempt> attempts,
      Attempt winner,
      Duration elapsed) {
    this(channel, localAddress, remoteAddress, attempts, List.of(), winner, elapsed);
  }

  /**
   * For a connect by name: with the answers of its resolution.
   *
   * @param channel the connected channel
   * @param localAddress its local address
   * @param remoteAddress its remote address
   * @param attempts every attempt of the connect, in start order, with the denied destinations
   * @param answers the answers of its resolution that came before it connected
   * @param winner the attempt that connected
   * @param elapsed from the start of the connect to the winner's connection
   */
  public Connection(
      SocketChannel channel,
      InetSocketAddress localAddress,
      InetSocketAddress remoteAddress,
      List<Attempt> attempts,
      List<Answer> answers,
      Attempt winner,
      Duration elapsed) {
    this.channel = channel;
    this.localAddress = localAddress;
    this.remoteAddress = remoteAddress;
    this.attempts = List.copyOf(attempts);
    this.answers = List.copyOf(answers);
    this.winner = winner;
    this.elapsed = elapsed;
  }

  /**
   * The connected channel, in blocking mode unless the builder asked otherwise.
   *
   * @return the channel, which the caller now owns
   */
  public SocketChannel channel() {
    return channel;
  }

  /**
   * The local address of the connection, as {@code getsockname} gives it.
   *
   * @return the local address
   */
  public InetSocketAddress localAddress() {
    return localAddress;
  }

  /**
   * The remote address of the connection, as {@code getpeername} gives it.
   *
   * @return the remote address
   */
  public InetSocketAddress remoteAddress() {
    return remoteAddress;
  }

  /**
   * Every attempt of the connect, in start order, the winner among them.
   *
   * @return the attempts
   */
  public List<Attempt> attempts() {
    return attempts;
  }

  /**
   * For a connect by name, the answers of its resolution that came before it connected (a connect may win
   * before the other family answers); empty for a connect to a list.
   *
   * @return the answers, in the order they came
   */
  public List<Answer> answers() {
    return answers;
  }

  /**
   * The attempt that connected.
   *
   * @return the winner
   */
  public Attempt winner() {
    return winner;
  }

  /**
   * The service record the winner's destination came from (RFC 9460), for a connect that asked for them:
   * what to offer in the TLS handshake ({@link ServiceBinding#tcpProtocols()} for ALPN, {@link
   * ServiceBinding#ech()} for ECH) and why the port may differ from the one asked for.
   *
   * @return the record, or empty when the winner came from the host's addresses or a list
   */
  public Optional<ServiceBinding> service() {
    return winner == null ? Optional.empty() : winner.pair().serviceIfAny();
  }

  /**
   * The ALPN protocols to offer on TLS over this connection, in the server's order of preference: those of the
   * winner's service record usable over TCP (RFC 9460 section 7.1).
   *
   * @return the protocol ids, or empty when the winner came from no record (offer what you would anyway)
   */
  public List<String> alpn() {
    return service().map(ServiceBinding::tcpProtocols).orElse(List.of());
  }

  /**
   * Time from the start of the connect to the winner's connection.
   *
   * @return the time to connect
   */
  public Duration elapsed() {
    return elapsed;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  @Override
  public String toString() {
    return "Connection[" + localAddress + " -> " + remoteAddress + " after " + attempts.size() + " attempts, "
        + elapsed.toNanos() / 1e6 + " ms]";
  }
}
