package dev.dray.config;

import dev.dray.image.ImageRef;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@code dray server} polls the registry for a new image under one tag: a manifest HEAD every
 * {@code interval}, shifted at random by up to {@code jitter} of it.
 *
 * @param tag the tag whose digest is watched, such as {@code latest} or {@code main}
 * @param interval the time between two HEAD requests, at least {@link #MIN_INTERVAL}
 * @param jitter the share of {@code interval} each wait may be longer or shorter, 0 to 1
 */
public record WatchConfig(String tag, Duration interval, double jitter) {
  public static final String DEFAULT_TAG = "latest";
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
  public static final double DEFAULT_JITTER = 0.1;

  /** The shortest interval: a registry is not asked more than once a second. */
  public static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

  public WatchConfig {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(interval, "interval");
    if (!ImageRef.isValidTag(tag)) {
      throw new IllegalArgumentException("not a valid tag: " + tag);
    }
    if (interval.compareTo(MIN_INTERVAL) < 0) {
      throw new IllegalArgumentException("interval must be at least 1s, got " + interval);
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("jitter must be between 0 and 1, got " + jitter);
    }
  }

  /** Watches {@code latest} every 30s ± 10%. */
  public static WatchConfig defaults() {
    return new WatchConfig(DEFAULT_TAG, DEFAULT_INTERVAL, DEFAULT_JITTER);
  }

  /** Reads {@code auto_deploy.watch}; problems are recorded and the defaults stand in. */
  static WatchConfig read(ConfigNode watch) {
    ConfigNode tagNode = watch.get("tag");
    String tag = tagNode.text(DEFAULT_TAG);
    if (!ImageRef.isValidTag(tag)) {
      tagNode.problem(
          "expected an image tag (letters, digits, _ . -, at most 128, not starting with . or -),"
              + " got '"
              + tag
              + "'");
      tag = DEFAULT_TAG;
    }
    ConfigNode intervalNode = watch.get("interval");
    Duration interval = intervalNode.duration(DEFAULT_INTERVAL);
    if (interval.compareTo(MIN_INTERVAL) < 0) {
      intervalNode.problem(
          "expected at least 1s between two registry requests, got "
              + intervalNode.text("")
              + "; registries rate-limit clients that poll faster");
      interval = DEFAULT_INTERVAL;
    }
    // the schema has checked it is a number from 0 to 1
    double jitter = watch.get("jitter").text().map(Double::parseDouble).orElse(DEFAULT_JITTER);
    return new WatchConfig(tag, interval, jitter);
  }
}
