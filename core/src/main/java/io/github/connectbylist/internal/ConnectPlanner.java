package io.github.connectbylist.internal;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.AttemptScheduler;
import java.net.InetSocketAddress;
import java.util.List;

/** Plans one connect for {@link ConnectCall}: at its start, and again as a resolver's answers arrive. */
public interface ConnectPlanner {

  /**
   * The plan at the start of the connect.
   *
   * @param nowNanos the driver's time
   * @return the plan
   */
  ConnectPlan plan(long nowNanos);

  /**
   * Pairs for destinations that arrived while the connect runs, ranked with the pairs not yet started.
   *
   * @param arrived destinations from an answer, in the resolver's order
   * @param notStarted the pairs not yet started, in their current order
   * @return the new order of what is left to start
   */
  default ConnectPlan.Addition add(List<InetSocketAddress> arrived, List<AddressPair> notStarted) {
    throw new UnsupportedOperationException("this connect takes no addresses after its start");
  }

  /**
   * The schedule of a connect by name that waited for resolution to end.
   *
   * @param ranked every pair, ranked
   * @return its schedule
   */
  default AttemptScheduler.Schedule schedule(List<AddressPair> ranked) {
    throw new UnsupportedOperationException("this connect made its schedule at its start");
  }
}
