package dev.dray.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dray.DrayException;
import dev.dray.events.EventSink;
import dev.dray.image.GitContext;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Handles GitHub webhook deliveries: a push to a followed branch becomes {@link Trigger.GitPushed}
 * {@code build+deploy} under the version the app's tag rules give the commit ({@code sha-<7>} when
 * they give none); a push of a followed tag becomes {@code deploy} of that tag's version.
 *
 * <p>Answers: {@code ping} 200; submitted 202; anything else valid (other events, other branches or
 * tags, deletions) 202 ignored; missing GitHub headers or malformed JSON 400; unsigned or forged
 * ({@code X-Hub-Signature-256}, HMAC-SHA256 of the body, compared in constant time) 401; no app
 * follows the repository 404; a replayed {@code X-GitHub-Delivery} 409; a form-encoded body 415. A
 * refused delivery submits nothing and emits {@link TriggerEvent.Refused}.
 */
public final class GitHubWebhook {
  private static final String SOURCE = "github";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<GitHubApp> apps;
  private final DeliveryLog deliveries;
  private final TriggerSink queue;
  private final EventSink events;
  private final Clock clock;

  public GitHubWebhook(
      List<GitHubApp> apps,
      DeliveryLog deliveries,
      TriggerSink queue,
      EventSink events,
      Clock clock) {
    this.apps = List.copyOf(apps);
    this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
    this.queue = Objects.requireNonNull(queue, "queue");
    this.events = Objects.requireNonNull(events, "events");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Answers one delivery; {@code headers} in any case, {@code body} exactly as received. */
  public HttpReply handle(Map<String, String> headers, byte[] body) {
    Headers h = new Headers(headers);
    Optional<String> event = h.get("X-GitHub-Event");
    Optional<String> delivery = h.get("X-GitHub-Delivery");
    if (event.isEmpty() || delivery.isEmpty()) {
      return refuse(
          400,
          "missing header "
              + (event.isEmpty() ? "X-GitHub-Event" : "X-GitHub-Delivery")
              + ": this endpoint takes GitHub webhook deliveries",
          Optional.empty());
    }
    Optional<String> header = h.get(GitHubSignature.HEADER);
    if (header.isEmpty()) {
      return refuse(
          401,
          "unsigned delivery: set a secret in the GitHub webhook (the value of the app's"
              + " github_secret_env) so GitHub sends X-Hub-Signature-256",
          Optional.empty());
    }
    Optional<byte[]> signature = GitHubSignature.parse(header.get());
    if (signature.isEmpty()) {
      return refuse(
          401, "malformed X-Hub-Signature-256: expected sha256=<64 hex digits>", Optional.empty());
    }
    List<GitHubApp> signedFor = new ArrayList<>();
    for (GitHubApp app : apps) { // every secret is checked, matching or not
      if (GitHubSignature.verifies(signature.get(), app.secret(), body)) {
        signedFor.add(app);
      }
    }
    if (signedFor.isEmpty()) {
      return refuse(
          401,
          "the signature does not match: the body was changed, or the webhook's secret is not"
              + " the one in any app's github_secret_env",
          Optional.empty());
    }
    if (h.mediaType().filter(t -> t.equals("application/x-www-form-urlencoded")).isPresent()) {
      return refuse(
          415,
          "form-encoded payload: set the webhook's content type to application/json",
          Optional.empty());
    }
    JsonNode payload;
    try {
      payload = JSON.readTree(body);
    } catch (IOException e) {
      return refuse(
          400,
          "the body is not JSON: " + RegistryNotifications.firstLine(e.getMessage()),
          Optional.empty());
    }
    return switch (event.get()) {
      case "ping" -> ping(delivery.get());
      case "push" -> push(delivery.get(), payload, signedFor);
      default -> ignore(202, "event " + event.get() + " is not followed (only push and ping)");
    };
  }

  private HttpReply ping(String delivery) {
    if (!firstTime(delivery)) {
      return replayed(delivery);
    }
    return HttpReply.of(200, Map.of("ok", true, "event", "ping"));
  }

  private HttpReply push(String delivery, JsonNode payload, List<GitHubApp> signedFor) {
    PushEvent push;
    try {
      push = PushEvent.read(payload);
    } catch (IllegalArgumentException e) {
      return refuse(400, "malformed push payload: " + e.getMessage(), Optional.empty());
    }
    List<GitHubApp> following =
        signedFor.stream().filter(a -> a.follows(push.repository())).toList();
    if (following.isEmpty()) {
      return refuse(404, "no app follows repository " + push.repository(), Optional.empty());
    }
    if (!firstTime(delivery)) {
      return replayed(delivery);
    }
    if (push.deleted()) {
      return ignore(202, push.ref() + " was deleted");
    }
    if (!push.isBranch() && !push.isTag()) {
      return ignore(202, push.ref() + " is neither a branch nor a tag");
    }
    List<Map<String, String>> submitted = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    for (GitHubApp app : following) {
      Optional<Trigger.GitPushed> trigger = triggerFor(app, push, reasons);
      trigger.ifPresent(
          t -> {
            queue.submit(t);
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("app", t.app());
            entry.put("version", t.version());
            entry.put("kind", t.kind().label());
            submitted.add(entry);
          });
    }
    if (submitted.isEmpty()) {
      return ignore(202, String.join("; ", reasons));
    }
    return HttpReply.of(202, Map.of("submitted", submitted));
  }

  /** What {@code push} asks of {@code app}, or why nothing (added to {@code reasons}). */
  private Optional<Trigger.GitPushed> triggerFor(
      GitHubApp app, PushEvent push, List<String> reasons) {
    DeployPolicy policy = app.policy();
    Instant now = clock.instant();
    if (push.isBranch()) {
      if (!policy.followsBranch(push.name())) {
        reasons.add("app " + app.app() + " does not follow branch " + push.name());
        return Optional.empty();
      }
      return Optional.of(
          new Trigger.GitPushed(
              app.app(),
              branchVersion(app, push, now),
              push.ref(),
              push.after(),
              Trigger.GitPushed.Kind.BUILD_AND_DEPLOY,
              now));
    }
    Optional<String> version = policy.versionOfGitTag(push.name());
    if (version.isEmpty()) {
      reasons.add(
          policy.followsGitTag(push.name())
              ? "tag " + push.name() + " is outside app " + app.app() + "'s semver range"
              : "app " + app.app() + " does not follow tag " + push.name());
      return Optional.empty();
    }
    return Optional.of(
        new Trigger.GitPushed(
            app.app(),
            version.get(),
            push.ref(),
            push.after(),
            Trigger.GitPushed.Kind.DEPLOY,
            now));
  }

  /** The version the app's tag rules give the pushed commit, or {@code sha-<7>}. */
  private static String branchVersion(GitHubApp app, PushEvent push, Instant now) {
    try {
      GitContext git = GitContext.of("push", push.ref(), push.after(), push.defaultBranch());
      String version = app.tagRules().generate(List.of(), git, now).version();
      if (!version.isEmpty()) {
        return version;
      }
    } catch (DrayException e) {
      // a rule that cannot apply to this push: fall back to the commit
    }
    return "sha-" + push.after().substring(0, 7);
  }

  private boolean firstTime(String delivery) {
    return deliveries.firstTime(delivery, clock.instant());
  }

  private HttpReply replayed(String delivery) {
    return refuse(
        409,
        "delivery " + delivery + " was already received: a replay is not acted on",
        Optional.empty());
  }

  private HttpReply ignore(int status, String reason) {
    events.emit(new TriggerEvent.Ignored(clock.instant(), SOURCE, reason, Optional.empty()));
    return HttpReply.of(status, Map.of("ignored", reason));
  }

  private HttpReply refuse(int status, String reason, Optional<String> app) {
    events.emit(new TriggerEvent.Refused(clock.instant(), SOURCE, status, reason, app));
    return HttpReply.error(status, reason);
  }
}
