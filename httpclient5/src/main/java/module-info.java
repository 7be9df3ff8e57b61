/**
 * ConnectByList for Apache HttpClient 5: a connection manager for the classic client whose connects race every
 * address of the host with ConnectByList's strategies and history; TLS, pool and socket settings stay
 * HttpClient's.
 */
// HttpClient 5 ships no module descriptor of its own; "module": the name is the library's, digit included
@SuppressWarnings({"requires-transitive-automatic", "requires-automatic", "module"})
module io.github.connectbylist.httpclient5 {
  requires transitive io.github.connectbylist.core;
  requires transitive org.apache.httpcomponents.client5.httpclient5;
  requires transitive org.apache.httpcomponents.core5.httpcore5;
  requires jdk.net;

  exports io.github.connectbylist.httpclient5;
}
