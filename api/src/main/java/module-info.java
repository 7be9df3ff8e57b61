/**
 * The strategy SPIs of ConnectByList ({@code AddressPairRanker}, {@code AttemptScheduler} and their
 * providers) and the values they exchange. A strategy module needs this module alone.
 */
module io.github.connectbylist.api {
  exports io.github.connectbylist.api;
}
