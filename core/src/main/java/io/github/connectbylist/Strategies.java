package io.github.connectbylist;

import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.api.NameResolver;
import io.github.connectbylist.api.NamedStrategy;
import io.github.connectbylist.api.StrategyLookup;
import io.github.connectbylist.api.StrategyOption;
import io.github.connectbylist.api.StrategyOptions;
import io.github.connectbylist.api.StrategyProvider;
import io.github.connectbylist.internal.KnownModules;
import io.github.connectbylist.internal.Log;
import io.github.connectbylist.internal.StrategySpec;
import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.WeakHashMap;

/**
 * The rankers, schedulers and resolvers that the {@link StrategyProvider}s found with {@link ServiceLoader}
 * register, and the rules for choosing among them: by name, by option text such as {@code
 * sequential(attempt-timeout=250ms)}, by the system properties {@value #PROPERTY} and {@value
 * #RESOLVER_PROPERTY}, or by priority. Everything it says of a strategy (its options, their defaults, what a bad
 * value may be) it reads from the strategy's declarations. A provider that fails to load is reported in {@link
 * #problems()} and logged; the others still work. A strategy that builds on another by name (ranker {@code
 * history}'s {@code base}) finds it here, through the {@link StrategyLookup} it is made with.
 */
public final class Strategies {
  /** The system property that names the strategy used when code names none. */
  public static final String PROPERTY = "connectbylist.strategy";
  /** The system property that names the resolver used when code names none. */
  public static final String RESOLVER_PROPERTY = "connectbylist.resolver";

  /**
   * Discovered strategies per class loader. The values hold classes of their loader, so they are held
   * softly: a discarded loader (an undeployed web application) can still be collected.
   */
  private static final Map<ClassLoader, SoftReference<Strategies>> CACHE = new WeakHashMap<>();

  /** Highest priority first, then by name. A class, not a lambda: this runs in the first connect of a JVM. */
  private static final Comparator<NamedStrategy<?>> BY_PRIORITY_THEN_NAME = new Comparator<>() {
    @Override
    public int compare(NamedStrategy<?> a, NamedStrategy<?> b) {
      int byPriority = Integer.compare(b.priority(), a.priority());
      return byPriority != 0 ? byPriority : a.name().compareTo(b.name());
    }
  };

  /** How deep strategies may build on each other by name: deeper is a loop, not a design. */
  private static final int MAX_DEPTH = 8;

  private final List<NamedStrategy<AddressPairRanker>> rankers;
  private final List<NamedStrategy<AttemptScheduler>> schedulers;
  private final List<NamedStrategy<NameResolver>> resolvers;
  private final List<String> problems;

  private Strategies(ClassLoader loader) {
    Found found = new Found();
    Iterator<StrategyProvider> it = ServiceLoader.load(StrategyProvider.class, loader).iterator();
    for (int guard = 0; guard < 10_000; guard++) {
      StrategyProvider provider;
      try {
        if (!it.hasNext()) {
          break;
        }
        provider = it.next();
      } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
        found.problem("provider: " + e.getMessage() + (e.getCause() != null ? " (" + e.getCause() + ")" : ""));
        continue;
      }
      try {
        for (NamedStrategy<?> strategy : Objects.requireNonNull(provider.strategies(), "strategies()")) {
          found.add(Objects.requireNonNull(strategy, "a strategy"), provider);
        }
      } catch (RuntimeException | LinkageError e) {
        found.problem(provider.getClass().getName() + ": " + e);
      }
    }
    this.rankers = found.sorted(found.rankers);
    this.schedulers = found.sorted(found.schedulers);
    this.resolvers = found.sorted(found.resolvers);
    this.problems = List.copyOf(found.problems);
  }

  /**
   * The strategies visible to the context class loader, or to this library's loader; cached per loader.
   *
   * @return the strategies found
   */
  public static Strategies discovered() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return discover(loader != null ? loader : Strategies.class.getClassLoader());
  }

  /**
   * The strategies visible to {@code loader}; cached per loader.
   *
   * @param loader where to look
   * @return the strategies found
   */
  public static Strategies discover(ClassLoader loader) {
    Objects.requireNonNull(loader, "loader");
    synchronized (CACHE) {
      SoftReference<Strategies> cached = CACHE.get(loader);
      Strategies strategies = cached == null ? null : cached.get();
      if (strategies == null) {
        strategies = new Strategies(loader);
        CACHE.put(loader, new SoftReference<>(strategies));
      }
      return strategies;
    }
  }

  /**
   * Rankers, highest priority first.
   *
   * @return the rankers registered
   */
  public List<NamedStrategy<AddressPairRanker>> rankers() {
    return rankers;
  }

  /**
   * Schedulers, highest priority first.
   *
   * @return the schedulers registered
   */
  public List<NamedStrategy<AttemptScheduler>> schedulers() {
    return schedulers;
  }

  /**
   * Resolvers, highest priority first; core's {@code system} is always among them.
   *
   * @return the resolvers registered
   */
  public List<NamedStrategy<NameResolver>> resolvers() {
    return resolvers;
  }

  /**
   * One line for each provider or strategy that could not be loaded or described, saying why.
   *
   * @return the problems, empty when every provider loaded
   */
  public List<String> problems() {
    return problems;
  }

  /**
   * The resolver named by {@code spec}, such as {@code dns(servers=127.0.0.1:5353)}; the error lists what
   * exists. The caller closes it.
   *
   * @param spec a name, with options if any
   * @return a new resolver
   * @throws IllegalArgumentException naming an unknown resolver or option, with what exists
   */
  public NameResolver resolver(String spec) {
    StrategySpec parsed = StrategySpec.parse(spec);
    return create(find(resolvers, parsed.name(), "resolver"), parsed.options(), List.of());
  }

  /**
   * The resolver used when code names none: the one in {@value #RESOLVER_PROPERTY} if set, else the
   * highest-priority one found. The caller closes it.
   *
   * @return a new resolver
   */
  public NameResolver defaultResolver() {
    String property = property(RESOLVER_PROPERTY);
    if (property != null) {
      try {
        return resolver(property);
      } catch (IllegalArgumentException e) {
        throw badProperty(RESOLVER_PROPERTY, property, e);
      }
    }
    if (resolvers.isEmpty()) {
      throw new IllegalStateException("no resolver was discovered, not even core's own" + problemsSuffix());
    }
    return create(resolvers.get(0), StrategyOptions.empty(), List.of());
  }

  /**
   * The ranker named by {@code spec}, such as {@code sequential}; the error lists what exists.
   *
   * @param spec a name, with options if any
   * @return a new ranker
   * @throws IllegalArgumentException naming an unknown ranker or option, with what exists
   */
  public AddressPairRanker ranker(String spec) {
    StrategySpec parsed = StrategySpec.parse(spec);
    return create(find(rankers, parsed.name(), "ranker"), parsed.options(), List.of());
  }

  /**
   * The scheduler named by {@code spec}, such as {@code sequential(attempt-timeout=250ms)}.
   *
   * @param spec a name, with options if any
   * @return a new scheduler
   * @throws IllegalArgumentException naming an unknown scheduler or option, with what exists
   */
  public AttemptScheduler scheduler(String spec) {
    StrategySpec parsed = StrategySpec.parse(spec);
    return create(find(schedulers, parsed.name(), "scheduler"), parsed.options(), List.of());
  }

  /**
   * The ranker and scheduler of one name. When only one of them exists by that name, the other is the
   * highest-priority one discovered. Each gets the options it declares; an option neither declares is an
   * error.
   *
   * @param spec a name, with options if any
   * @return a new ranker and scheduler
   * @throws IllegalArgumentException naming an unknown strategy or option, with what exists
   */
  public Choice strategy(String spec) {
    StrategySpec parsed = StrategySpec.parse(spec);
    NamedStrategy<AddressPairRanker> ranker = byName(rankers, parsed.name());
    NamedStrategy<AttemptScheduler> scheduler = byName(schedulers, parsed.name());
    if (ranker == null && scheduler == null) {
      throw new IllegalArgumentException("no strategy named '" + parsed.name() + "'" + KnownModules.hint(parsed.name())
          + "; rankers: " + names(rankers) + "; schedulers: " + names(schedulers) + problemsSuffix());
    }
    Map<String, String> forRanker = new LinkedHashMap<>();
    Map<String, String> forScheduler = new LinkedHashMap<>();
    for (Map.Entry<String, String> option : parsed.options().asMap().entrySet()) {
      String key = option.getKey();
      boolean r = ranker != null && ranker.option(key) != null;
      boolean s = scheduler != null && scheduler.option(key) != null;
      if (!r && !s) {
        throw NamedStrategy.unknownOption(key, parsed.name(), optionsOf(ranker, scheduler));
      }
      if (r) forRanker.put(key, option.getValue());
      if (s) forScheduler.put(key, option.getValue());
    }
    return new Choice(
        ranker != null ? create(ranker, StrategyOptions.of(forRanker), List.of()) : defaultRanker(),
        scheduler != null ? create(scheduler, StrategyOptions.of(forScheduler), List.of()) : defaultScheduler());
  }

  /**
   * What a {@code ConnectByList} uses when code names nothing: the strategy in {@value #PROPERTY} if set,
   * else the highest-priority ranker and scheduler.
   *
   * @return a new ranker and scheduler
   */
  public Choice defaults() {
    String property = property(PROPERTY);
    if (property != null) {
      try {
        return strategy(property);
      } catch (IllegalArgumentException e) {
        throw badProperty(PROPERTY, property, e);
      }
    }
    return new Choice(defaultRanker(), defaultScheduler());
  }

  /** A system property's value, or {@code null} when it is not set or blank. */
  private static String property(String name) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() ? null : value;
  }

  private static IllegalArgumentException badProperty(String name, String value, IllegalArgumentException e) {
    return new IllegalArgumentException("system property " + name + "=" + value + ": " + e.getMessage(), e);
  }

  /**
   * A ranker and a scheduler chosen together.
   *
   * @param ranker orders the pairs
   * @param scheduler paces the attempts
   */
  public record Choice(AddressPairRanker ranker, AttemptScheduler scheduler) {}

  private AddressPairRanker defaultRanker() {
    if (rankers.isEmpty()) {
      throw new IllegalStateException("no ranker was discovered; put a strategy module on the class path"
          + problemsSuffix());
    }
    return create(rankers.get(0), StrategyOptions.empty(), List.of());
  }

  private AttemptScheduler defaultScheduler() {
    if (schedulers.isEmpty()) {
      throw new IllegalStateException("no scheduler was discovered; put a strategy module on the class path"
          + problemsSuffix());
    }
    return create(schedulers.get(0), StrategyOptions.empty(), List.of());
  }

  private <T> NamedStrategy<T> find(List<NamedStrategy<T>> strategies, String name, String kind) {
    NamedStrategy<T> strategy = byName(strategies, name);
    if (strategy == null) {
      throw new IllegalArgumentException("no " + kind + " named '" + name + "'" + KnownModules.hint(name)
          + "; available: " + names(strategies) + problemsSuffix());
    }
    return strategy;
  }

  /**
   * Makes a strategy with the lookup it may use to build on others.
   *
   * @param making the strategies being made that this one is part of, outermost first, such as {@code ranker
   *     history}: a strategy that reaches itself again is a loop
   */
  private <T> T create(NamedStrategy<T> strategy, StrategyOptions options, List<NamedStrategy<?>> making) {
    if (making.contains(strategy) || making.size() >= MAX_DEPTH) {
      StringBuilder chain = new StringBuilder();
      for (NamedStrategy<?> outer : making) {
        chain.append(outer.name()).append(" -> ");
      }
      throw new IllegalArgumentException(strategy.kind() + " " + strategy.name() + " builds on itself: " + chain
          + strategy.name());
    }
    List<NamedStrategy<?>> inner = new ArrayList<>(making.size() + 1);
    inner.addAll(making);
    inner.add(strategy);
    return strategy.create(options, new Lookup(inner));
  }

  /** The other strategies, for one that is being made: by name, among these, with what is being made known. */
  private final class Lookup implements StrategyLookup {
    private final List<NamedStrategy<?>> making;

    Lookup(List<NamedStrategy<?>> making) {
      this.making = making;
    }

    @Override
    public AddressPairRanker ranker(String name, StrategyOptions options) {
      return create(find(rankers, name, "ranker"), options, making);
    }

    @Override
    public AttemptScheduler scheduler(String name, StrategyOptions options) {
      return create(find(schedulers, name, "scheduler"), options, making);
    }
  }

  private static List<StrategyOption<?>> optionsOf(NamedStrategy<?> a, NamedStrategy<?> b) {
    List<StrategyOption<?>> all = new ArrayList<>();
    if (a != null) all.addAll(a.options());
    if (b != null) all.addAll(b.options());
    return all;
  }

  private static <T> NamedStrategy<T> byName(List<NamedStrategy<T>> strategies, String name) {
    for (NamedStrategy<T> s : strategies) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    return null;
  }

  private static String names(List<? extends NamedStrategy<?>> strategies) {
    if (strategies.isEmpty()) {
      return "none";
    }
    StringBuilder s = new StringBuilder();
    for (NamedStrategy<?> strategy : strategies) {
      s.append(s.length() == 0 ? "" : ", ").append(strategy.name());
    }
    return s.toString();
  }

  private String problemsSuffix() {
    return problems.isEmpty() ? "" : " (failed to load: " + String.join("; ", problems) + ")";
  }

  /** What the providers registered, by kind and name, and what went wrong, while they are read. */
  private static final class Found {
    final Map<String, NamedStrategy<AddressPairRanker>> rankers = new LinkedHashMap<>();
    final Map<String, NamedStrategy<AttemptScheduler>> schedulers = new LinkedHashMap<>();
    final Map<String, NamedStrategy<NameResolver>> resolvers = new LinkedHashMap<>();
    final List<String> problems = new ArrayList<>();
    private final Map<NamedStrategy<?>, StrategyProvider> providers = new java.util.IdentityHashMap<>();

    @SuppressWarnings("unchecked") // each kind makes what its name says
    void add(NamedStrategy<?> strategy, StrategyProvider provider) {
      providers.put(strategy, provider);
      switch (strategy.kind()) {
        case RANKER -> put(rankers, (NamedStrategy<AddressPairRanker>) strategy);
        case SCHEDULER -> put(schedulers, (NamedStrategy<AttemptScheduler>) strategy);
        case RESOLVER -> put(resolvers, (NamedStrategy<NameResolver>) strategy);
      }
    }

    private <T> void put(Map<String, NamedStrategy<T>> byName, NamedStrategy<T> strategy) {
      NamedStrategy<T> earlier = byName.get(strategy.name());
      if (earlier != null) {
        problem(strategy.kind() + " '" + strategy.name() + "' is provided twice (" + providers.get(earlier).getClass()
            .getName() + ", " + providers.get(strategy).getClass().getName() + "); the one of higher priority is used");
        if (earlier.priority() >= strategy.priority()) {
          return;
        }
      }
      byName.put(strategy.name(), strategy);
    }

    void problem(String problem) {
      problems.add(problem);
      Log.warning("a strategy provider failed to load; the others still work: " + problem);
    }

    <T> List<NamedStrategy<T>> sorted(Map<String, NamedStrategy<T>> byName) {
      List<NamedStrategy<T>> sorted = new ArrayList<>(byName.values());
      sorted.sort(BY_PRIORITY_THEN_NAME);
      return List.copyOf(sorted);
    }
  }
}
