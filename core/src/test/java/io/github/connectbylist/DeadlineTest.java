package io.github.connectbylist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.api.Deadline;
import io.github.connectbylist.api.Decision;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.NameResolver;
import io.github.connectbylist.api.PathHistory;
import io.github.connectbylist.api.Query;
import io.github.connectbylist.testbed.LeakCheck;
import io.github.connectbylist.testbed.Testbed;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The schedule sees the deadline of the call it serves, whichever way the call was made: the call's own
 * timeout, else the instance's, else none. (A per-call timeout once stopped at the orchestrator, and the
 * schedule was told the instance's: Go's deadline split then split nothing under {@code
 * Socket.connect(endpoint, timeout)}.)
 */
class DeadlineTest {
  private static final Duration INSTANCE = Duration.ofSeconds(7);
  private static final Duration PER_CALL = Duration.ofSeconds(3);

  private final BlockingQueue<Deadline> seen = new LinkedBlockingQueue<>();
  private final AttemptScheduler recording = new AttemptScheduler() {
    @Override
    public Schedule newSchedule(List<AddressPair> pairs, Deadline deadline, PathHistory history) {
      seen.add(deadline);
      return new Schedule() {
        private int started;

        @Override
        public Decision next(long now) {
          return started++ < pairs.size() ? Decision.startNext() : Decision.awaitAttemptEnd();
        }

        @Override
        public void attemptFailed(int index, FailureKind kind, long now) {}
      };
    }
  };
  private Testbed testbed;
  private InetSocketAddress good;
  private NameResolver names;
  private LeakCheck leaks;

  @BeforeEach
  void start() throws Exception {
    leaks = LeakCheck.start();
    testbed = new Testbed();
    good = testbed.accepting("127.0.0.1").address();
    names = (host, answers) -> {
      answers.answered(Query.BOTH, List.of(good.getAddress()));
      answers.done();
      return NameResolver.Lookup.DONE;
    };
  }

  @AfterEach
  void stop() throws Exception {
    testbed.close();
    leaks.assertNoneOpen();
  }

  private ConnectByList instance(boolean withTimeout) {
    ConnectByList.Builder b = ConnectByList.builder().ranker("test-sequential").scheduler(recording).resolver(names);
    if (withTimeout) {
      b.timeout(INSTANCE);
    }
    return b.build();
  }

  private Deadline seen() throws InterruptedException {
    Deadline d = seen.poll(5, TimeUnit.SECONDS);
    if (d == null) {
      throw new AssertionError("no schedule was made");
    }
    return d;
  }

  @Test
  void aConnectToAListTellsItsScheduleTheCallsTimeoutElseTheInstancesElseNone() throws Exception {
    try (ConnectByList cbl = instance(true)) {
      cbl.connect(List.of(good)).close();
      assertEquals(Deadline.after(INSTANCE), seen(), "connect(list)");
      cbl.connect(ConnectRequest.to(List.of(good)).timeout(PER_CALL)).close();
      assertEquals(Deadline.after(PER_CALL), seen(), "connect(request with its timeout)");
      cbl.connectAsync(List.of(good)).get(5, TimeUnit.SECONDS).close();
      assertEquals(Deadline.after(INSTANCE), seen(), "connectAsync(list)");
      cbl.connectAsync(ConnectRequest.to(List.of(good)).timeout(PER_CALL)).get(5, TimeUnit.SECONDS).close();
      assertEquals(Deadline.after(PER_CALL), seen(), "connectAsync(request with its timeout)");
    }
    try (ConnectByList cbl = instance(false)) {
      cbl.connect(List.of(good)).close();
      assertEquals(Deadline.none(), seen(), "no timeout anywhere");
      cbl.connect(ConnectRequest.to(List.of(good)).timeout(PER_CALL)).close();
      assertEquals(Deadline.after(PER_CALL), seen(), "the call's own");
    }
  }

  @Test
  void aConnectByNameTellsItsScheduleTheCallsTimeoutElseTheInstancesElseNone() throws Exception {
    try (ConnectByList cbl = instance(true)) {
      cbl.connect("svc.test", good.getPort()).close();
      assertEquals(Deadline.after(INSTANCE), seen(), "connect(name, port)");
      cbl.connect(ConnectRequest.to("svc.test", good.getPort()).timeout(PER_CALL)).close();
      assertEquals(Deadline.after(PER_CALL), seen(), "connect(request by name with its timeout)");
      cbl.connectAsync(ConnectRequest.to("svc.test", good.getPort()).timeout(PER_CALL)).get(5, TimeUnit.SECONDS).close();
      assertEquals(Deadline.after(PER_CALL), seen(), "connectAsync(request by name with its timeout)");
    }
    try (ConnectByList cbl = instance(false)) {
      cbl.connectAsync("svc.test", good.getPort()).get(5, TimeUnit.SECONDS).close();
      assertEquals(Deadline.none(), seen());
    }
  }

  @Test
  void theSocketFactorysSocketTellsItsScheduleTheConnectsTimeoutElseTheInstances() throws Exception {
    try (ConnectByList cbl = instance(true)) {
      SocketFactory factory = new ConnectByListSocketFactory(cbl);
      try (Socket s = factory.createSocket()) {
        s.connect(InetSocketAddress.createUnresolved("svc.test", good.getPort()), 3000);
      }
      assertEquals(Deadline.after(PER_CALL), seen(), "connect(unresolved endpoint, 3000)");
      try (Socket s = factory.createSocket()) {
        s.connect(good, 3000);
      }
      assertEquals(Deadline.after(PER_CALL), seen(), "connect(resolved endpoint, 3000)");
      try (Socket s = factory.createSocket()) {
        s.connect(good);
      }
      assertEquals(Deadline.after(INSTANCE), seen(), "connect(endpoint): no timeout of its own");
      factory.createSocket("svc.test", good.getPort()).close();
      assertEquals(Deadline.after(INSTANCE), seen(), "createSocket(host, port)");
      factory.createSocket("svc.test", good.getPort(), good.getAddress(), 0).close();
      assertEquals(Deadline.after(INSTANCE), seen(), "createSocket(host, port, local, 0)");
    }
  }
}
