package io.github.connectbylist.resolver.dns;

import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.Origin;
import io.github.connectbylist.api.Query;
import io.github.connectbylist.api.ServiceBinding;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.xbill.DNS.Name;

/**
 * The service query of one lookup (RFC 9460 section 3): follows AliasMode records, then reports the ServiceMode
 * records and asks their targets' addresses.
 */
final class ServiceQuery implements QueriesInFlight.Waiter {
  private final DnsResolver resolver;
  private final Origin origin;
  private final PendingLookup pending;
  private final Set<Name> asked = new HashSet<>();

  ServiceQuery(DnsResolver resolver, Origin origin, PendingLookup pending) {
    this.resolver = resolver;
    this.origin = origin;
    this.pending = pending;
  }

  void ask(Name name) {
    asked.add(name);
    resolver.ask(name, origin.query(), this);
  }

  @Override
  public void answered(List<?> values) {
    List<ServiceRecords.Record> records = new ArrayList<>();
    for (Object v : values) {
      records.add((ServiceRecords.Record) v);
    }
    for (ServiceRecords.Record r : records) {
      if (r.isAlias()) {
        follow(r.target());
        return;
      }
    }
    List<ServiceBinding> bindings = new ArrayList<>();
    for (ServiceBinding b : ServiceRecords.ordered(records, ThreadLocalRandom.current())) {
      if (HostName.isValid(b.target())) { // else its addresses cannot be asked: the record is left out
        bindings.add(b);
      }
    }
    String host = HostName.key(origin.host());
    Set<String> targets = new LinkedHashSet<>();
    for (ServiceBinding b : bindings) {
      if (!b.targets(host) && targets.size() < DnsResolver.MAX_TARGETS) {
        targets.add(b.target());
      }
    }
    for (String t : targets) {
      pending.expectTarget(t);
    }
    pending.servicesAnswered(origin.query(), bindings);
    for (String t : targets) {
      askTarget(t);
    }
  }

  /** Section 2.4.2: an AliasMode record points to where the service records are; "." says there is none. */
  private void follow(Name target) {
    if (target.equals(Name.root)) {
      pending.servicesAnswered(origin.query(), List.of()); // section 2.5.1: the service does not exist
    } else if (asked.size() > DnsResolver.MAX_ALIASES) {
      failed(FailureKind.RESOLUTION_FAILED, new IOException("the AliasMode chain from " + origin.queryName()
          + " is longer than " + DnsResolver.MAX_ALIASES + " links"));
    } else if (asked.contains(target)) {
      failed(FailureKind.RESOLUTION_FAILED, new IOException("AliasMode loop: " + origin.queryName() + " leads back to "
          + target));
    } else {
      ask(target);
    }
  }

  private void askTarget(String target) {
    Name name = HostName.parse(target);
    for (Query query : new Query[] {Query.AAAA, Query.A}) {
      resolver.ask(name, query, new QueriesInFlight.Waiter() {
        @Override
        @SuppressWarnings("unchecked") // A and AAAA answers hold addresses
        public void answered(List<?> addresses) {
          pending.targetAnswered(target, query, (List<InetAddress>) addresses);
        }

        @Override
        public void failed(FailureKind kind, Exception error) {
          pending.targetFailed(target, query, kind, error);
        }
      });
    }
  }

  @Override
  public void failed(FailureKind kind, Exception error) {
    pending.failed(origin.query(), kind, error);
  }
}
