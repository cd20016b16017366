package dev.dray.server;

import dev.dray.store.BuildCount;
import dev.dray.store.BuildFigures;
import dev.dray.store.DeliveryFigures;
import dev.dray.store.DeployCount;
import java.util.List;
import java.util.Objects;

/**
 * The figures {@code /metrics} exposes, as the store has them now: all-time counts of builds and
 * rollouts, build figures over the whole history and over the recent days, and each served app's
 * delivery figures over the recent days.
 *
 * @param buildCounts builds per service and outcome since the store began
 * @param builds per service, over the whole history
 * @param recentBuilds per service, over the last {@link StoreFigures#RECENT_DAYS} days
 * @param apps per served app
 */
public record MetricFigures(
    List<BuildCount> buildCounts,
    List<BuildFigures> builds,
    List<BuildFigures> recentBuilds,
    List<AppDeploys> apps) {

  public MetricFigures {
    buildCounts = List.copyOf(buildCounts);
    builds = List.copyOf(builds);
    recentBuilds = List.copyOf(recentBuilds);
    apps = List.copyOf(apps);
  }

  /**
   * The rollouts of one app.
   *
   * @param counts deploys, rollbacks and recoveries per kind and outcome since the store began
   * @param recent the delivery figures of the last {@link StoreFigures#RECENT_DAYS} days
   */
  public record AppDeploys(String app, List<DeployCount> counts, DeliveryFigures recent) {
    public AppDeploys {
      Objects.requireNonNull(app, "app");
      counts = List.copyOf(counts);
      Objects.requireNonNull(recent, "recent");
    }
  }
}
