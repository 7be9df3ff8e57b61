/** Strategy tests against core's real orchestrator under a virtual clock, with exact times. */
module io.github.connectbylist.testkit {
  requires transitive io.github.connectbylist.core;
  requires transitive io.github.connectbylist.simulation;

  exports io.github.connectbylist.testkit;
}
