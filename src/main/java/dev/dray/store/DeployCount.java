package dev.dray.store;

import java.util.Comparator;

/**
 * How many deploys of one kind of an app ended one way: a row of {@link
 * DeployHistory#counts(String)}.
 *
 * @param app the app
 * @param kind {@link DeployRecord#DEPLOY}, {@link DeployRecord#ROLLBACK} or {@link
 *     DeployRecord#RECOVER}
 * @param outcome one of {@link DeployRecord#OUTCOMES}, {@link DeployRecord#RUNNING} included
 * @param count how many there were
 */
public record DeployCount(String app, String kind, String outcome, long count) {
  /** By app, kind, then outcome. */
  static final Comparator<DeployCount> ORDER =
      Comparator.comparing(DeployCount::app)
          .thenComparing(DeployCount::kind)
          .thenComparing(DeployCount::outcome);

  public DeployCount {
    DeployRecord.requireText(app, "app");
    DeployRecord.requireOneOf(kind, DeployRecord.KINDS, "kind");
    DeployRecord.requireOneOf(outcome, DeployRecord.OUTCOMES, "outcome");
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
  }
}
