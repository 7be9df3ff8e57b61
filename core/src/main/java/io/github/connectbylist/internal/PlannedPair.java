package io.github.connectbylist.internal;

import io.github.connectbylist.api.AddressPair;

/**
 * A pair as the planner ranked it, and whether its source is bound before it connects: always for sources
 * the caller gave, else only where the operating system might pick another.
 *
 * @param pair the source and destination
 * @param bindSource whether to bind the source
 */
public record PlannedPair(AddressPair pair, boolean bindSource) {}
