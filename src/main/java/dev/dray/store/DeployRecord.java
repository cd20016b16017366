package dev.dray.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One deploy, rollback or recovery of an app as the {@link DeployHistory} keeps it: what was rolled
 * out, by whom, when, and how it ended.
 *
 * <p>Instants are kept to the millisecond: the constructor truncates them, so a record read back
 * from the store equals the one written. {@code finishedAt} is empty exactly while the outcome is
 * {@link #RUNNING}.
 *
 * @param id the deploy's id, unique in the store
 * @param app the app's name ({@code service} in dray.yml)
 * @param kind {@link #DEPLOY}, {@link #ROLLBACK} or {@link #RECOVER}
 * @param version the version rolled out
 * @param images service name → image reference with digest, in the order given
 * @param who who started it, e.g. {@code user@host}
 * @param outcome {@link #RUNNING}, {@link #SUCCEEDED}, {@link #FAILED} or {@link #ROLLED_BACK}
 * @param failedStep the step that failed, when one did
 * @param failure what went wrong, when something did
 */
public record DeployRecord(
    String id,
    String app,
    String kind,
    String version,
    Map<String, String> images,
    String who,
    Instant startedAt,
    Optional<Instant> finishedAt,
    String outcome,
    Optional<String> failedStep,
    Optional<String> failure) {

  public static final String DEPLOY = "deploy";
  public static final String ROLLBACK = "rollback";
  public static final String RECOVER = "recover";

  /** Every kind a record may have. */
  public static final Set<String> KINDS = Set.of(DEPLOY, ROLLBACK, RECOVER);

  public static final String RUNNING = "RUNNING";
  public static final String SUCCEEDED = "SUCCEEDED";
  public static final String FAILED = "FAILED";
  public static final String ROLLED_BACK = "ROLLED_BACK";

  /** Every outcome a record may have. */
  public static final Set<String> OUTCOMES = Set.of(RUNNING, SUCCEEDED, FAILED, ROLLED_BACK);

  /** The outcomes that end a deploy: every one but {@link #RUNNING}. */
  public static final Set<String> FINAL_OUTCOMES = Set.of(SUCCEEDED, FAILED, ROLLED_BACK);

  public DeployRecord {
    requireText(id, "id");
    requireText(app, "app");
    requireOneOf(kind, KINDS, "kind");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(images, "images");
    images.forEach(
        (service, image) -> {
          requireText(service, "service name in images");
          Objects.requireNonNull(image, "image of service " + service);
        });
    images = Collections.unmodifiableMap(new LinkedHashMap<>(images));
    Objects.requireNonNull(who, "who");
    startedAt = Objects.requireNonNull(startedAt, "startedAt").truncatedTo(ChronoUnit.MILLIS);
    finishedAt =
        Objects.requireNonNull(finishedAt, "finishedAt").map(t -> t.truncatedTo(ChronoUnit.MILLIS));
    requireOneOf(outcome, OUTCOMES, "outcome");
    Objects.requireNonNull(failedStep, "failedStep");
    Objects.requireNonNull(failure, "failure");
    if (outcome.equals(RUNNING) == finishedAt.isPresent()) {
      throw new IllegalArgumentException(
          "deploy "
              + id
              + ": finishedAt must be empty exactly while the outcome is RUNNING, but the outcome"
              + " is "
              + outcome
              + " and finishedAt is "
              + finishedAt.map(Instant::toString).orElse("empty"));
    }
  }

  /** A deploy that has just started: outcome {@link #RUNNING}, nothing finished or failed yet. */
  public static DeployRecord started(
      String id,
      String app,
      String kind,
      String version,
      Map<String, String> images,
      String who,
      Instant startedAt) {
    return new DeployRecord(
        id,
        app,
        kind,
        version,
        images,
        who,
        startedAt,
        Optional.empty(),
        RUNNING,
        Optional.empty(),
        Optional.empty());
  }

  /** Whether the deploy has not finished (or crashed before it could record its end). */
  public boolean running() {
    return outcome.equals(RUNNING);
  }

  static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " is empty");
    }
  }

  static void requireOneOf(String value, Set<String> allowed, String name) {
    Objects.requireNonNull(value, name);
    if (!allowed.contains(value)) {
      throw new IllegalArgumentException(
          name + " must be one of " + allowed.stream().sorted().toList() + ", not '" + value + "'");
    }
  }
}
