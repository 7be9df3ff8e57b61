package io.github.connectbylist.resolver.dns;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SVCBBase;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The addresses (or service records) a reply gives the query name, and for how long they may be kept. Only records the query name
 * leads to count (RFC 1034 sections 3.6.2 and 4.3.2): the CNAME chain that starts at the query name is
 * followed through the answer section, at most {@link #MAX_CNAMES} links, and only address records owned by
 * its last name are used (HTTPS and SVCB records too, RFC 9460 section 2.4.2: a ServiceMode record's owner may
 * be a CNAME's target); every other record (another owner, another class, a name the chain does not
 * reach) is ignored, whatever the server put there. A chain that loops or is longer than the limit makes
 * the reply unusable.
 *
 * @param values the addresses, in the reply's order, without repeats; for an HTTPS or SVCB query, the {@link
 *     ServiceRecords.Record}s
 * @param ttlSeconds the smallest TTL of the records used, CNAMEs included; a TTL with the high bit set counts
 *     as 0 (RFC 2181 section 8)
 * @param canonicalName the chain's last name: the query name when there is no CNAME
 */
record AcceptedAnswer(List<?> values, long ttlSeconds, Name canonicalName) {
  /** The longest CNAME chain followed: far over the few links real zones use; RFC 1034 asks that loops end. */
  static final int MAX_CNAMES = 16;

  AcceptedAnswer {
    values = List.copyOf(values);
  }

  /**
   * What {@code reply} answers for {@code name} and {@code type}.
   *
   * @param reply a NOERROR reply that {@link ReplyMatch#answers} the query
   * @param name the query name
   * @param type {@link Type#A}, {@link Type#AAAA}, {@link Type#HTTPS} or {@link Type#SVCB}
   * @return the addresses (or records) and their TTL
   * @throws IOException when the CNAME chain loops, forks, or is longer than {@link #MAX_CNAMES}, or a service
   *     record cannot be read
   */
  static AcceptedAnswer of(Message reply, Name name, int type) throws IOException {
    List<Record> answer = reply.getSection(Section.ANSWER);
    Name current = name;
    long ttl = Long.MAX_VALUE;
    Set<Name> seen = new HashSet<>(); // Name's equals and hashCode ignore case (RFC 4343)
    seen.add(current);
    for (int links = 0; ; links++) {
      CNAMERecord cname = cnameOf(answer, current);
      if (cname == null) {
        break;
      }
      if (links == MAX_CNAMES) {
        throw new IOException("the CNAME chain from " + name + " is longer than " + MAX_CNAMES + " links");
      }
      Name target = cname.getTarget();
      if (!seen.add(target)) {
        throw new IOException("CNAME loop: " + name + " leads back to " + target);
      }
      ttl = Math.min(ttl, ttl(cname));
      current = target;
    }
    if (type == Type.HTTPS || type == Type.SVCB) {
      return services(answer, type, current, ttl);
    }
    Set<InetAddress> addresses = new LinkedHashSet<>();
    for (Record r : answer) {
      if (r.getType() == type && r.getDClass() == DClass.IN && r.getName().equals(current)) {
        InetAddress a = r instanceof AAAARecord v6 ? v6.getAddress() : r instanceof ARecord v4 ? v4.getAddress() : null;
        if (a != null && addresses.add(a)) {
          ttl = Math.min(ttl, ttl(r));
        }
      }
    }
    return new AcceptedAnswer(new ArrayList<>(addresses), addresses.isEmpty() ? 0 : ttl, current);
  }

  private static AcceptedAnswer services(List<Record> answer, int type, Name owner, long chainTtl) throws IOException {
    List<ServiceRecords.Record> records = new ArrayList<>();
    long ttl = chainTtl;
    for (Record r : answer) {
      if (r.getType() == type && r.getDClass() == DClass.IN && r.getName().equals(owner) && r instanceof SVCBBase svcb) {
        records.add(ServiceRecords.read(svcb));
        ttl = Math.min(ttl, ttl(r));
      }
    }
    return new AcceptedAnswer(records, records.isEmpty() ? 0 : ttl, owner);
  }

  /** The one CNAME owned by {@code owner}; two that disagree are an error (RFC 2181 section 10.1). */
  private static CNAMERecord cnameOf(List<Record> answer, Name owner) throws IOException {
    CNAMERecord found = null;
    for (Record r : answer) {
      if (r instanceof CNAMERecord c && r.getDClass() == DClass.IN && r.getName().equals(owner)) {
        if (found != null && !found.getTarget().equals(c.getTarget())) {
          throw new IOException(owner + " has two CNAMEs: " + found.getTarget() + " and " + c.getTarget());
        }
        found = c;
      }
    }
    return found;
  }

  /** RFC 2181 section 8: a TTL with the most significant bit set is read as 0. */
  private static long ttl(Record r) {
    long ttl = r.getTTL();
    return ttl < 0 || ttl > Integer.MAX_VALUE ? 0 : ttl;
  }
}
