package io.github.connectbylist.strategy.clients;

import com.google.auto.service.AutoService;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.api.BaseStrategyProvider;
import io.github.connectbylist.api.StrategyOptions;

/**
 * Registers each client's pacing under the client's name (see {@link Client}). Their priority is negative:
 * a model is used only when named, never as the default.
 */
public abstract class ClientSchedulerProvider extends BaseStrategyProvider<AttemptScheduler> implements AttemptScheduler.Provider {
  /** Below every built-in strategy's, so that a model is never picked when none is named. */
  static final int PRIORITY = -50;

  private final Client client;

  private ClientSchedulerProvider(Client client) {
    super(client.strategyName(), client.version() + ", after " + client.source() + ". Weak spot: " + client.failure(),
        PRIORITY, client.schedulerOptions());
    this.client = client;
  }

  @Override
  public final AttemptScheduler create(StrategyOptions options) {
    return client.scheduler(options);
  }

  /** {@link Client#OKHTTP5}. */
  @AutoService(AttemptScheduler.Provider.class)
  public static final class OkHttp extends ClientSchedulerProvider {
    /** For {@link java.util.ServiceLoader}. */
    public OkHttp() {
      super(Client.OKHTTP5);
    }
  }

  /** {@link Client#GO}. */
  @AutoService(AttemptScheduler.Provider.class)
  public static final class Go extends ClientSchedulerProvider {
    /** For {@link java.util.ServiceLoader}. */
    public Go() {
      super(Client.GO);
    }
  }

  /** {@link Client#NODE}. */
  @AutoService(AttemptScheduler.Provider.class)
  public static final class Node extends ClientSchedulerProvider {
    /** For {@link java.util.ServiceLoader}. */
    public Node() {
      super(Client.NODE);
    }
  }

  /** {@link Client#ASYNCIO}. */
  @AutoService(AttemptScheduler.Provider.class)
  public static final class Asyncio extends ClientSchedulerProvider {
    /** For {@link java.util.ServiceLoader}. */
    public Asyncio() {
      super(Client.ASYNCIO);
    }
  }

  /** {@link Client#CURL}. */
  @AutoService(AttemptScheduler.Provider.class)
  public static final class Curl extends ClientSchedulerProvider {
    /** For {@link java.util.ServiceLoader}. */
    public Curl() {
      super(Client.CURL);
    }
  }

  /** {@link Client#CURL_7_88}. */
  @AutoService(AttemptScheduler.Provider.class)
  public static final class Curl788 extends ClientSchedulerProvider {
    /** For {@link java.util.ServiceLoader}. */
    public Curl788() {
      super(Client.CURL_7_88);
    }
  }

  /** {@link Client#CHROME}. */
  @AutoService(AttemptScheduler.Provider.class)
  public static final class Chrome extends ClientSchedulerProvider {
    /** For {@link java.util.ServiceLoader}. */
    public Chrome() {
      super(Client.CHROME);
    }
  }

  /** {@link Client#FIREFOX}. */
  @AutoService(AttemptScheduler.Provider.class)
  public static final class Firefox extends ClientSchedulerProvider {
    /** For {@link java.util.ServiceLoader}. */
    public Firefox() {
      super(Client.FIREFOX);
    }
  }
}
