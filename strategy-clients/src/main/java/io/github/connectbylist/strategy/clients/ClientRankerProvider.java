package io.github.connectbylist.strategy.clients;

import com.google.auto.service.AutoService;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.BaseStrategyProvider;
import io.github.connectbylist.api.StrategyOptions;

/**
 * Registers each client's address order under the client's name (see {@link Client}). Their priority is negative:
 * a model is used only when named, never as the default.
 */
public abstract class ClientRankerProvider extends BaseStrategyProvider<AddressPairRanker> implements AddressPairRanker.Provider {
  /** Below every built-in strategy's, so that a model is never picked when none is named. */
  static final int PRIORITY = -50;

  private final Client client;

  private ClientRankerProvider(Client client) {
    super(client.strategyName(), client.version() + ", after " + client.source() + ". Weak spot: " + client.failure(),
        PRIORITY, client.rankerOptions());
    this.client = client;
  }

  @Override
  public final AddressPairRanker create(StrategyOptions options) {
    return client.ranker(options);
  }

  /** {@link Client#OKHTTP5}. */
  @AutoService(AddressPairRanker.Provider.class)
  public static final class OkHttp extends ClientRankerProvider {
    /** For {@link java.util.ServiceLoader}. */
    public OkHttp() {
      super(Client.OKHTTP5);
    }
  }

  /** {@link Client#GO}. */
  @AutoService(AddressPairRanker.Provider.class)
  public static final class Go extends ClientRankerProvider {
    /** For {@link java.util.ServiceLoader}. */
    public Go() {
      super(Client.GO);
    }
  }

  /** {@link Client#NODE}. */
  @AutoService(AddressPairRanker.Provider.class)
  public static final class Node extends ClientRankerProvider {
    /** For {@link java.util.ServiceLoader}. */
    public Node() {
      super(Client.NODE);
    }
  }

  /** {@link Client#ASYNCIO}. */
  @AutoService(AddressPairRanker.Provider.class)
  public static final class Asyncio extends ClientRankerProvider {
    /** For {@link java.util.ServiceLoader}. */
    public Asyncio() {
      super(Client.ASYNCIO);
    }
  }

  /** {@link Client#CURL}. */
  @AutoService(AddressPairRanker.Provider.class)
  public static final class Curl extends ClientRankerProvider {
    /** For {@link java.util.ServiceLoader}. */
    public Curl() {
      super(Client.CURL);
    }
  }

  /** {@link Client#CURL_7_88}. */
  @AutoService(AddressPairRanker.Provider.class)
  public static final class Curl788 extends ClientRankerProvider {
    /** For {@link java.util.ServiceLoader}. */
    public Curl788() {
      super(Client.CURL_7_88);
    }
  }

  /** {@link Client#CHROME}. */
  @AutoService(AddressPairRanker.Provider.class)
  public static final class Chrome extends ClientRankerProvider {
    /** For {@link java.util.ServiceLoader}. */
    public Chrome() {
      super(Client.CHROME);
    }
  }

  /** {@link Client#FIREFOX}. */
  @AutoService(AddressPairRanker.Provider.class)
  public static final class Firefox extends ClientRankerProvider {
    /** For {@link java.util.ServiceLoader}. */
    public Firefox() {
      super(Client.FIREFOX);
    }
  }
}
