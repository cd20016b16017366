package dev.dray.server;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The figures {@code /metrics} exposes, as of now: per built service its build counts, last cache
 * hit ratio and image size; the durations of all builds; per served app its deploy counts,
 * durations and DORA figures.
 */
public record MetricFigures(
    List<ServiceBuilds> builds, List<Duration> buildDurations, List<AppDeploys> apps) {

  public MetricFigures {
    builds = List.copyOf(builds);
    buildDurations = List.copyOf(buildDurations);
    apps = List.copyOf(apps);
  }

  /**
   * The builds of one service.
   *
   * @param byOutcome build count by outcome ({@code SUCCEEDED}, {@code FAILED})
   * @param cacheHitRatio the newest build's steps served from cache / all its steps
   * @param imageSizeBytes the image size of the newest successful build
   */
  public record ServiceBuilds(
      String service,
      Map<String, Long> byOutcome,
      OptionalDouble cacheHitRatio,
      OptionalLong imageSizeBytes) {
    public ServiceBuilds {
      byOutcome = Map.copyOf(byOutcome);
    }
  }

  /**
   * The rollouts of one app.
   *
   * @param counts how many rollouts there were of each kind and outcome
   * @param durations how long each finished rollout took
   * @param rollbacks how many rollbacks were asked for
   * @param changeFailureRate failed changes / finished deploys (see {@link ChangeFacts})
   * @param timeToRestore mean time from a failed change to the next successful rollout
   * @param leadTime mean time from the build of a deployed image to its deploy's end
   * @param lastDeploy when the newest successful deploy or rollback ended
   */
  public record AppDeploys(
      String app,
      List<DeployCount> counts,
      List<Duration> durations,
      long rollbacks,
      OptionalDouble changeFailureRate,
      Optional<Duration> timeToRestore,
      Optional<Duration> leadTime,
      Optional<Instant> lastDeploy) {
    public AppDeploys {
      counts = List.copyOf(counts);
      durations = List.copyOf(durations);
    }
  }

  /** How many rollouts of a kind ended with an outcome. */
  public record DeployCount(String kind, String outcome, long count) {}
}
