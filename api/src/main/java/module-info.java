/**
 * The strategy SPIs of ConnectByList ({@code AddressPairRanker}, {@code AttemptScheduler}, {@code NameResolver},
 * and {@code StrategyProvider}, which registers them by name with their declared options), the values they
 * exchange, and the arithmetic strategies share ({@code Deadline}, {@code Staggered}, {@code FamilyInterleaving}).
 * A strategy module needs this module alone.
 */
module io.github.connectbylist.api {
  exports io.github.connectbylist.api;
}
