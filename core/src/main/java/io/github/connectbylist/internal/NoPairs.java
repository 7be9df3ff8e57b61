package io.github.connectbylist.internal;

import io.github.connectbylist.api.Answer;
import io.github.connectbylist.api.FailureKind;
import java.util.List;

/**
 * Why a connect had no pair to start, in a kind and a sentence: every destination denied by the policy, or
 * a name without an address. A server's NXDOMAIN settles that the name does not exist; a failed query only
 * that it could not be resolved.
 *
 * @param kind {@link FailureKind#DENIED}, {@link FailureKind#NO_SUCH_NAME} or {@link FailureKind#RESOLUTION_FAILED}
 * @param message what happened, each answer named
 */
record NoPairs(FailureKind kind, String message) {

  /**
   * @param host the name of a connect by name, or {@code null} for a list
   * @param anyDenied whether the policy denied a destination
   * @param answers every answer of the resolution
   */
  static NoPairs of(String host, boolean anyDenied, List<Answer> answers) {
    if (anyDenied) {
      return new NoPairs(FailureKind.DENIED, "every address " + (host == null ? "given" : "of " + host)
          + " is denied by the destination policy");
    }
    FailureKind kind = FailureKind.NO_SUCH_NAME;
    StringBuilder why = new StringBuilder(host == null ? "no destination" : "no address for " + host + ":");
    for (Answer a : answers) {
      why.append(' ').append(a.query()).append(host == null || a.host().equals(host) ? "" : " " + a.host())
          .append(' ').append(a.failed() ? a.failure() + " (" + a.error().getMessage() + ")"
              : a.query().isService() ? a.services().size() + " records"
              : a.addresses().isEmpty() ? "empty" : a.addresses().size() + " addresses, none usable").append(';');
      if (a.failure() == FailureKind.RESOLUTION_FAILED && ownAddresses(a, host)) {
        kind = FailureKind.RESOLUTION_FAILED; // a name that might exist, had the resolver answered
      }
    }
    for (Answer a : answers) {
      if (a.failure() == FailureKind.NO_SUCH_NAME && ownAddresses(a, host)) {
        kind = FailureKind.NO_SUCH_NAME; // a server said the name does not exist: that settles it
      }
    }
    return new NoPairs(kind, why.charAt(why.length() - 1) == ';' ? why.substring(0, why.length() - 1) : why.toString());
  }

  /**
   * Whether {@code a} answers the name's own addresses: the kind comes from those alone, not from a service query
   * (NXDOMAIN for {@code _PORT._https.NAME} is common), a target's, or the NAT64 discovery's.
   */
  private static boolean ownAddresses(Answer a, String host) {
    return !a.query().isService() && (host == null || a.host().equals(host));
  }
}
