package dev.dray.store;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How an app's deliveries went over some days, after the DORA metrics: how often it was deployed,
 * how often that went wrong and how fast it was put right. docs/metrics.md explains each figure.
 *
 * <p>Only records of kind {@link DeployRecord#DEPLOY} count as deploys; rollbacks count as
 * rollbacks; recoveries are not counted. A record belongs to the day it started on, in the zone of
 * the {@link Figures}' clock. Rates are fractions from 0 to 1, empty when nothing was deployed;
 * durations are medians, empty when there was nothing to measure.
 *
 * @param app the app
 * @param firstDay the first day counted
 * @param lastDay the last day counted (inclusive)
 * @param deploys finished deploys: those that {@link DeployRecord#SUCCEEDED}, {@link
 *     DeployRecord#FAILED} or were {@link DeployRecord#ROLLED_BACK} (still running ones are not
 *     counted)
 * @param succeeded deploys that succeeded
 * @param failed deploys that failed or were rolled back automatically
 * @param rollbacks rollbacks started (records of kind {@link DeployRecord#ROLLBACK}, whatever their
 *     outcome) plus deploys rolled back automatically
 * @param changeFailures deploys that failed, were rolled back automatically, or succeeded and were
 *     then rolled back before the next successful deploy
 * @param deploymentFrequency successful deploys per day: {@code succeeded ÷ days}
 * @param deploymentSuccessRate {@code succeeded ÷ deploys}
 * @param timeToDeploy the median time from start to end of the deploys that succeeded
 * @param rollbackRate rollbacks per deploy: {@code rollbacks ÷ deploys}
 * @param changeFailureRate {@code changeFailures ÷ deploys}
 * @param restores how many failures that began in these days were put right
 * @param timeToRestore the median time from a failure (the end of the deploy that failed) to the
 *     end of the next successful deploy or rollback
 * @param leadTimes how many changed images of successful deploys could be traced to their build
 * @param leadTime the median time from the start of the build that produced a changed image to the
 *     end of the deploy that rolled it out: a lower bound of the time from commit to deploy
 * @param lastDeployAt when the last successful deploy or rollback finished, up to the last day
 * @param failingSince when the failure still not put right at the end of the last day began
 */
public record DeliveryFigures(
    String app,
    LocalDate firstDay,
    LocalDate lastDay,
    int deploys,
    int succeeded,
    int failed,
    int rollbacks,
    int changeFailures,
    double deploymentFrequency,
    OptionalDouble deploymentSuccessRate,
    Optional<Duration> timeToDeploy,
    OptionalDouble rollbackRate,
    OptionalDouble changeFailureRate,
    int restores,
    Optional<Duration> timeToRestore,
    int leadTimes,
    Optional<Duration> leadTime,
    Optional<Instant> lastDeployAt,
    Optional<Instant> failingSince) {

  public DeliveryFigures {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(firstDay, "firstDay");
    Objects.requireNonNull(lastDay, "lastDay");
    Objects.requireNonNull(deploymentSuccessRate, "deploymentSuccessRate");
    Objects.requireNonNull(timeToDeploy, "timeToDeploy");
    Objects.requireNonNull(rollbackRate, "rollbackRate");
    Objects.requireNonNull(changeFailureRate, "changeFailureRate");
    Objects.requireNonNull(timeToRestore, "timeToRestore");
    Objects.requireNonNull(leadTime, "leadTime");
    Objects.requireNonNull(lastDeployAt, "lastDeployAt");
    Objects.requireNonNull(failingSince, "failingSince");
  }
}
