package dev.dray.deploy;

import java.util.Optional;

/**
 * A container of the app found on the host, as its labels describe it.
 *
 * @param deployId the rollout that started it
 * @param hostPort the published port of a web container, when running
 */
public record CurrentContainer(
    String service,
    String name,
    String image,
    String version,
    String deployId,
    boolean running,
    Optional<Integer> hostPort) {}
