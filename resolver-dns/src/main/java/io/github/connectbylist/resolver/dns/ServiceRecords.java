package io.github.connectbylist.resolver.dns;

import io.github.connectbylist.api.ServiceBinding;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.xbill.DNS.Name;
import org.xbill.DNS.SVCBBase;

/**
 * HTTPS and SVCB records (RFC 9460) as this resolver reads them: AliasMode records to follow, ServiceMode
 * records turned into {@link ServiceBinding}s, ordered by priority with equal priorities shuffled.
 */
final class ServiceRecords {
  private ServiceRecords() {}

  /**
   * One record of an answer.
   *
   * @param priority the SvcPriority; 0 for AliasMode
   * @param target where an AliasMode record points, the root name for "no service" (section 2.5.1)
   * @param binding the ServiceMode record, or {@code null} for AliasMode
   */
  record Record(int priority, Name target, ServiceBinding binding) {
    boolean isAlias() {
      return priority == 0;
    }
  }

  /**
   * Reads one record; a ServiceMode record's TargetName {@code .} means its owner (section 2.5), taken without
   * the {@code _port._scheme} labels of section 2.3, under which no address lives.
   *
   * @param r the record
   * @return the record
   * @throws IOException when a hint cannot be read
   */
  static Record read(SVCBBase r) throws IOException {
    if (r.getSvcPriority() == 0) {
      return new Record(0, r.getTargetName(), null);
    }
    Name target = r.getTargetName().equals(Name.root) ? withoutPrefix(r.getName()) : r.getTargetName();
    List<String> alpn = List.of();
    int port = -1;
    List<InetAddress> v4 = List.of();
    List<InetAddress> v6 = List.of();
    byte[] ech = null;
    List<String> mandatory = new ArrayList<>();
    for (int key : r.getSvcParamKeys()) {
      SVCBBase.ParameterBase value = r.getSvcParamValue(key);
      if (value instanceof SVCBBase.ParameterAlpn a) {
        alpn = a.getValues();
      } else if (value instanceof SVCBBase.ParameterPort p) {
        port = p.getPort();
      } else if (value instanceof SVCBBase.ParameterIpv4Hint h) {
        v4 = List.copyOf(h.getAddresses());
      } else if (value instanceof SVCBBase.ParameterIpv6Hint h) {
        v6 = List.copyOf(h.getAddresses());
      } else if (value instanceof SVCBBase.ParameterEch e) {
        ech = e.getData();
      } else if (value instanceof SVCBBase.ParameterMandatory m) {
        for (int k : m.getValues()) {
          mandatory.add(keyName(k));
        }
      }
    }
    boolean noDefaultAlpn = r.getSvcParamKeys().contains(SVCBBase.NO_DEFAULT_ALPN);
    return new Record(r.getSvcPriority(), target,
        new ServiceBinding(r.getSvcPriority(), text(target), alpn, noDefaultAlpn, port, v4, v6, ech, mandatory));
  }

  /**
   * The ServiceMode records of an answer by priority, equal priorities in random order (section 2.4.1: clients
   * SHOULD shuffle within a priority level, for load balancing).
   *
   * @param records ServiceMode records
   * @param random the shuffle's source
   * @return the records in the order to try them
   */
  static List<ServiceBinding> ordered(List<Record> records, Random random) {
    List<ServiceBinding> all = new ArrayList<>();
    for (Record r : records) {
      if (!r.isAlias()) {
        all.add(r.binding());
      }
    }
    Collections.shuffle(all, random);
    all.sort(Comparator.comparingInt(ServiceBinding::priority)); // stable: the shuffle stays within a priority
    return all;
  }

  /** The key names of section 14.3.2, {@code keyNNNNN} for the others (section 2.1). */
  static String keyName(int key) {
    return switch (key) {
      case SVCBBase.MANDATORY -> "mandatory";
      case SVCBBase.ALPN -> "alpn";
      case SVCBBase.NO_DEFAULT_ALPN -> "no-default-alpn";
      case SVCBBase.PORT -> "port";
      case SVCBBase.IPV4HINT -> "ipv4hint";
      case SVCBBase.ECH -> "ech";
      case SVCBBase.IPV6HINT -> "ipv6hint";
      default -> "key" + key;
    };
  }

  /** {@code name} without its leading labels that start with an underscore. */
  static Name withoutPrefix(Name name) {
    int strip = 0;
    while (strip < name.labels() - 1 && name.getLabelString(strip).startsWith("_")) {
      strip++;
    }
    return strip == 0 ? name : new Name(name, strip);
  }

  /** A name as the api carries it: lower case, without the final dot. */
  static String text(Name name) {
    return HostName.key(name.toString());
  }
}
