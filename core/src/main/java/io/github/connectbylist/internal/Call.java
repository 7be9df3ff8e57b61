package io.github.connectbylist.internal;

import io.github.connectbylist.ConnectRequest;
import io.github.connectbylist.api.Deadline;
import io.github.connectbylist.api.Origin;
import io.github.connectbylist.engine.Engine;
import java.util.Objects;

/**
 * One connect, whole, as its instance makes it: what was asked, the one deadline made for it (the call's
 * timeout, else the instance's, else none), when it started on the engine's clock, the engine it runs on
 * (whose host gives the call's own sources when it asked for some), and the instance's settings. The
 * orchestrator, the planner and, through the deadline, the schedule read it; no other copy of any of these
 * facts exists, so they cannot disagree.
 *
 * @param request what the caller asked for
 * @param deadline when the connect gives up, on the schedule's scale
 * @param startNanos when it started, on the engine driver's {@code nanoTime} scale
 * @param engine where it runs
 * @param settings what its instance gives it
 * @param <C> what the transport yields for a connected attempt
 * @param <R> what the caller gets
 */
public record Call<C, R>(ConnectRequest request, Deadline deadline, long startNanos, Engine<C, R> engine,
    Settings settings) {

  /**
   * Checks that no part is null.
   *
   * @param request what was asked
   * @param deadline its deadline
   * @param startNanos when it started
   * @param engine where it runs
   * @param settings its instance's settings
   */
  public Call {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(settings, "settings");
  }

  /**
   * Whether it resolves a name as it runs.
   *
   * @return {@code true} for a connect by name
   */
  public boolean byName() {
    return request.host().isPresent();
  }

  /**
   * What a connect by name asks service records for: the request's scheme, else its instance's.
   *
   * @return the origin, or {@code null} when the connect asks for addresses only
   */
  public Origin origin() {
    String scheme = request.service().orElse(settings.service());
    return scheme == null || !byName() ? null : new Origin(scheme, request.host().get(), request.port());
  }
}
