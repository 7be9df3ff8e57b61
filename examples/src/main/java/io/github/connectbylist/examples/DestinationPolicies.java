package io.github.connectbylist.examples;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.DestinationPolicy;

/**
 * Where a connect may go, checked before any socket opens for an address.
 *
 * @param publicOnly no loopback, private or other special-purpose address
 * @param publicAndOneSubnet the same, but for 10.1.2.0/24
 * @param allButOneRange anything but 192.0.2.0/24
 */
record DestinationPolicies(ConnectByList.Builder publicOnly, ConnectByList.Builder publicAndOneSubnet,
    ConnectByList.Builder allButOneRange) {

  static DestinationPolicies builders() {
    // snippet:start policies
    ConnectByList.Builder publicOnly = ConnectByList.builder().destinations(DestinationPolicy.denyPrivate());
    ConnectByList.Builder publicAndOneSubnet = ConnectByList.builder().destinations(DestinationPolicy.denyPrivate().toBuilder().allow("10.1.2.0/24").build());
    ConnectByList.Builder allButOneRange = ConnectByList.builder().destinations(DestinationPolicy.builder().deny("192.0.2.0/24").build());
    // snippet:end policies
    return new DestinationPolicies(publicOnly, publicAndOneSubnet, allButOneRange);
  }
}
