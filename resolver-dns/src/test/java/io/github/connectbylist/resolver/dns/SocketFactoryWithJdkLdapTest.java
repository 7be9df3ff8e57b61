package io.github.connectbylist.resolver.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import io.github.connectbylist.ConnectByListSocketFactory;
import io.github.connectbylist.Strategies;
import io.github.connectbylist.testbed.DnsReply;
import io.github.connectbylist.testbed.DnsServer;
import io.github.connectbylist.testbed.DnsServer.RecordType;
import io.github.connectbylist.testbed.Testbed;
import java.net.BindException;
import java.net.InetAddress;
import java.util.Hashtable;
import javax.naming.Context;
import javax.naming.NamingEnumeration;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The socket factory in a real, widely used client: the JDK's own LDAP client (JNDI), which takes a socket
 * factory by class name, against UnboundID's in-memory LDAP server on {@code 127.0.0.1}. The name {@code
 * ldap.test} answers AAAA {@code ::1}, which is black-holed on the server's port, and A {@code 127.0.0.1}:
 * a plain socket to the AAAA address would hang; the factory's race connects after one connection attempt
 * delay. The factory is configured by system properties, as a class-name user gets it.
 *
 * <p>With a connect timeout JNDI resolves the name itself, through the JDK ({@code new InetSocketAddress(host,
 * port)}; in these tests the JDK reads {@code src/test/resources/jdk-hosts} only), and hands the factory one
 * address: an address given is a destination, so that one is connected and no name is resolved again.
 */
class SocketFactoryWithJdkLdapTest {
  private static Testbed testbed;
  private static DnsServer dns;
  private static InMemoryDirectoryServer ldap;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Testbed.ipv6LoopbackAvailable(), "the black-holed AAAA address needs ::1");
    testbed = new Testbed();
    for (int tries = 0; ; tries++) { // the LDAP server on 127.0.0.1, a black hole on ::1, one port
      InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=com");
      config.addAdditionalBindCredentials("cn=Directory Manager", "password");
      config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getByName("127.0.0.1"), 0,
          null));
      ldap = new InMemoryDirectoryServer(config);
      ldap.startListening();
      port = ldap.getListenPort();
      try {
        testbed.blackHoled("::1", port);
        break;
      } catch (BindException taken) {
        ldap.shutDown(true);
        if (tries == 20) {
          throw taken;
        }
      }
    }
    ldap.add("dn: dc=example,dc=com", "objectClass: top", "objectClass: domain", "dc: example");
    ldap.add("dn: uid=alice,dc=example,dc=com", "objectClass: top", "objectClass: person",
        "objectClass: organizationalPerson", "objectClass: inetOrgPerson", "uid: alice", "cn: Alice", "sn: Liddell");
    dns = DnsServer.start();
    dns.reply("ldap.test", RecordType.AAAA, DnsReply.addresses("::1"));
    dns.reply("ldap.test", RecordType.A, DnsReply.addresses("127.0.0.1"));
    System.setProperty(Strategies.RESOLVER_PROPERTY, "dns(servers=" + dns.serverSpec() + ", hosts=none, timeout=1s)");
    System.setProperty(ConnectByListSocketFactory.TIMEOUT_PROPERTY, "5s");
  }

  @AfterAll
  static void stop() {
    System.clearProperty(Strategies.RESOLVER_PROPERTY);
    System.clearProperty(ConnectByListSocketFactory.TIMEOUT_PROPERTY);
    if (ldap != null) {
      ldap.shutDown(true);
      dns.close();
      testbed.close();
    }
  }

  private static Hashtable<String, String> environment(boolean connectTimeout) {
    Hashtable<String, String> env = new Hashtable<>();
    env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
    env.put(Context.PROVIDER_URL, "ldap://ldap.test:" + port + "/dc=example,dc=com");
    env.put(Context.SECURITY_AUTHENTICATION, "simple");
    env.put(Context.SECURITY_PRINCIPAL, "cn=Directory Manager");
    env.put(Context.SECURITY_CREDENTIALS, "password");
    env.put("java.naming.ldap.factory.socket", ConnectByListSocketFactory.class.getName());
    if (connectTimeout) {
      env.put("com.sun.jndi.ldap.connect.timeout", "3000"); // JNDI resolves, then createSocket() and connect(endpoint, 3000)
    }
    return env;
  }

  private static String searchAlice(boolean connectTimeout) throws Exception {
    DirContext ctx = new InitialDirContext(environment(connectTimeout));
    try {
      SearchControls controls = new SearchControls();
      controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
      NamingEnumeration<SearchResult> found = ctx.search("", "(uid=alice)", controls);
      assertTrue(found.hasMore(), "alice is there");
      return (String) found.next().getAttributes().get("cn").get();
    } finally {
      ctx.close();
    }
  }

  @Test
  void theJdksLdapClientConnectsThroughTheFactoryPastABlackHoledAaaaAddress() throws Exception {
    long start = System.nanoTime();
    assertEquals("Alice", searchAlice(false), "createSocket(host, port)");
    long first = (System.nanoTime() - start) / 1_000_000;
    assertTrue(first >= 240 && first < 3000,
        "IPv6 first (AAAA came first, and is black-holed), IPv4 one connection attempt delay later: " + first + " ms");
    start = System.nanoTime();
    assertEquals("Alice", searchAlice(false), "createSocket(host, port) again");
    long second = (System.nanoTime() - start) / 1_000_000;
    assertTrue(second < 240, "the factory's instance remembers that ::1 lost the race: IPv4 first, " + second + " ms");
    assertEquals(1, dns.queries("ldap.test", RecordType.AAAA), "the second connect used the answers' TTL");

    int asked = dns.queries("ldap.test", RecordType.AAAA) + dns.queries("ldap.test", RecordType.A);
    assertEquals("Alice", searchAlice(true), "createSocket(), then connect(resolved endpoint, 3000)");
    assertEquals(asked, dns.queries("ldap.test", RecordType.AAAA) + dns.queries("ldap.test", RecordType.A),
        "the JDK's address was connected as given: the factory's resolver was not asked");
  }
}
