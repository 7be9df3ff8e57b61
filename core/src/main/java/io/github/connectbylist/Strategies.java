package io.github.connectbylist;

import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.api.NameResolver;
import io.github.connectbylist.api.StrategyOption;
import io.github.connectbylist.api.StrategyOptions;
import io.github.connectbylist.api.StrategyProvider;
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
import java.util.Set;
import java.util.WeakHashMap;
import java.util.stream.Collectors;

/**
 * The rankers, schedulers and resolvers found with {@link ServiceLoader}, and the rules for choosing among
 * them: by name, by option text such as {@code sequential(attempt-timeout=250ms)}, by the system properties
 * {@value #PROPERTY} and {@value #RESOLVER_PROPERTY}, or by priority. A provider that fails to load is
 * reported in {@link #problems()} and logged; the others still work. Resolvers are looked for only when
 * first asked for, so that an application that never connects by name does not pay for the scan.
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
  private static final Comparator<StrategyProvider<?>> BY_PRIORITY_THEN_NAME = new Comparator<>() {
    @Override
    public int compare(StrategyProvider<?> a, StrategyProvider<?> b) {
      int byPriority = Integer.compare(b.priority(), a.priority());
      return byPriority != 0 ? byPriority : a.name().compareTo(b.name());
    }
  };

  private final List<AddressPairRanker.Provider> rankers;
  private final List<AttemptScheduler.Provider> schedulers;
  private final List<String> problems;
  private final ClassLoader loader;
  private List<NameResolver.Provider> resolvers; // loaded on first use, under this object's lock
  private List<String> resolverProblems = List.of();

  private Strategies(ClassLoader loader) {
    List<String> found = new ArrayList<>();
    this.loader = loader;
    this.rankers = load(AddressPairRanker.Provider.class, "ranker", loader, found);
    this.schedulers = load(AttemptScheduler.Provider.class, "scheduler", loader, found);
    this.problems = List.copyOf(found);
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
   * @return the ranker providers
   */
  public List<AddressPairRanker.Provider> rankers() {
    return rankers;
  }

  /**
   * Schedulers, highest priority first.
   *
   * @return the scheduler providers
   */
  public List<AttemptScheduler.Provider> schedulers() {
    return schedulers;
  }

  /**
   * Resolvers, highest priority first; core's {@code system} is always among them.
   *
   * @return the resolver providers
   */
  public synchronized List<NameResolver.Provider> resolvers() {
    if (resolvers == null) {
      List<String> found = new ArrayList<>();
      resolvers = load(NameResolver.Provider.class, "resolver", loader, found);
      resolverProblems = List.copyOf(found);
    }
    return resolvers;
  }

  /**
   * One line for each provider that could not be loaded or described, saying why.
   *
   * @return the problems, empty when every provider loaded
   */
  public synchronized List<String> problems() {
    if (resolverProblems.isEmpty()) {
      return problems;
    }
    List<String> all = new ArrayList<>(problems);
    all.addAll(resolverProblems);
    return List.copyOf(all);
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
    return create(find(resolvers(), parsed.name(), "resolver"), parsed.options(), "resolver");
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
    List<NameResolver.Provider> found = resolvers();
    if (found.isEmpty()) {
      throw new IllegalStateException("no resolver was discovered, not even core's own" + problemsSuffix());
    }
    return create(found.get(0), StrategyOptions.empty(), "resolver");
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
    return create(find(rankers, parsed.name(), "ranker"), parsed.options(), "ranker");
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
    return create(find(schedulers, parsed.name(), "scheduler"), parsed.options(), "scheduler");
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
    AddressPairRanker.Provider ranker = byName(rankers, parsed.name());
    AttemptScheduler.Provider scheduler = byName(schedulers, parsed.name());
    if (ranker == null && scheduler == null) {
      throw new IllegalArgumentException("no strategy named '" + parsed.name() + "'; rankers: " + names(rankers)
          + "; schedulers: " + names(schedulers) + problemsSuffix());
    }
    Map<String, String> forRanker = new LinkedHashMap<>();
    Map<String, String> forScheduler = new LinkedHashMap<>();
    for (Map.Entry<String, String> option : parsed.options().asMap().entrySet()) {
      String key = option.getKey();
      boolean r = declares(ranker, key);
      boolean s = declares(scheduler, key);
      if (!r && !s) {
        throw unknownOption(key, parsed.name(), optionsOf(ranker, scheduler));
      }
      if (r) forRanker.put(key, option.getValue());
      if (s) forScheduler.put(key, option.getValue());
    }
    return new Choice(
        ranker != null ? create(ranker, StrategyOptions.of(forRanker), "ranker") : defaultRanker(),
        scheduler != null ? create(scheduler, StrategyOptions.of(forScheduler), "scheduler") : defaultScheduler());
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
    return create(rankers.get(0), StrategyOptions.empty(), "ranker");
  }

  private AttemptScheduler defaultScheduler() {
    if (schedulers.isEmpty()) {
      throw new IllegalStateException("no scheduler was discovered; put a strategy module on the class path"
          + problemsSuffix());
    }
    return create(schedulers.get(0), StrategyOptions.empty(), "scheduler");
  }

  private <P extends StrategyProvider<?>> P find(List<P> providers, String name, String kind) {
    P provider = byName(providers, name);
    if (provider == null) {
      throw new IllegalArgumentException(
          "no " + kind + " named '" + name + "'; available: " + names(providers) + problemsSuffix());
    }
    return provider;
  }

  private static <T> T create(StrategyProvider<T> provider, StrategyOptions options, String kind) {
    for (String key : options.asMap().keySet()) {
      if (!declares(provider, key)) {
        throw unknownOption(key, kind + " " + provider.name(), provider.options());
      }
    }
    T strategy = provider.create(options);
    if (strategy == null) {
      throw new IllegalStateException(kind + " provider " + provider.name() + " created null");
    }
    return strategy;
  }

  private static IllegalArgumentException unknownOption(String key, String owner, List<StrategyOption> known) {
    return new IllegalArgumentException("unknown option '" + key + "' for " + owner + "; it takes: "
        + (known.isEmpty() ? "no options" : known.stream().map(StrategyOption::toString).collect(Collectors.joining(", "))));
  }

  private static List<StrategyOption> optionsOf(StrategyProvider<?> a, StrategyProvider<?> b) {
    List<StrategyOption> all = new ArrayList<>();
    if (a != null) all.addAll(a.options());
    if (b != null) all.addAll(b.options());
    return all;
  }

  private static boolean declares(StrategyProvider<?> provider, String key) {
    if (provider != null) {
      for (StrategyOption option : provider.options()) {
        if (option.name().equals(key)) {
          return true;
        }
      }
    }
    return false;
  }

  private static <P extends StrategyProvider<?>> P byName(List<P> providers, String name) {
    for (P p : providers) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    return null;
  }

  private static String names(List<? extends StrategyProvider<?>> providers) {
    return providers.isEmpty() ? "none" : providers.stream().map(StrategyProvider::name).collect(Collectors.joining(", "));
  }

  private String problemsSuffix() {
    List<String> all = problems();
    return all.isEmpty() ? "" : " (failed to load: " + String.join("; ", all) + ")";
  }

  private static <P extends StrategyProvider<?>> List<P> load(
      Class<P> type, String kind, ClassLoader loader, List<String> problems) {
    Map<String, P> byName = new LinkedHashMap<>();
    Iterator<P> it = ServiceLoader.load(type, loader).iterator();
    for (int guard = 0; guard < 10_000; guard++) {
      try {
        if (!it.hasNext()) {
          break;
        }
        P provider = it.next();
        String name = Objects.requireNonNull(provider.name(), "name()");
        provider.priority();
        Objects.requireNonNull(provider.options(), "options()");
        P earlier = byName.get(name);
        if (earlier != null) {
          problems.add(kind + " '" + name + "' is provided twice (" + earlier.getClass().getName() + ", "
              + provider.getClass().getName() + "); the one of higher priority is used");
          if (earlier.priority() >= provider.priority()) {
            continue;
          }
        }
        byName.put(name, provider);
      } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
        String problem = kind + " provider: " + e.getMessage()
            + (e.getCause() != null ? " (" + e.getCause() + ")" : "");
        problems.add(problem);
        Log.warning("a " + kind + " provider failed to load; the others still work: "
            + problem);
      }
    }
    List<P> sorted = new ArrayList<>(byName.values());
    sorted.sort(BY_PRIORITY_THEN_NAME);
    return List.copyOf(sorted);
  }
}
