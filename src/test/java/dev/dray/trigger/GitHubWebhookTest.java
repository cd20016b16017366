package dev.dray.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dray.Secret;
import dev.dray.image.MetadataGenerator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GitHub webhook deliveries: signatures, replays, pings, branch and tag pushes, bad input. */
class GitHubWebhookTest {
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final String SECRET = "It's a Secret to Everybody";
  private static final String SHA = "90dd6032fac8bda1b6c4436a2e65de27961ed071";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RecordingQueue queue = new RecordingQueue();
  private final RecordingEvents events = new RecordingEvents();
  private final InMemoryDeliveryLog deliveries = new InMemoryDeliveryLog();
  private int deliveryCount;

  private static GitHubApp app(String name, Optional<String> range, List<String> tagRules) {
    return new GitHubApp(
        name,
        Optional.of("acme/hello"),
        new DeployPolicy(
            name, Optional.empty(), range, List.of("main", "release/*"), List.of("v*")),
        Secret.of(SECRET),
        MetadataGenerator.parse(tagRules, List.of(), dev.dray.image.ProjectInfo.NONE, Map.of()));
  }

  private GitHubWebhook webhook(GitHubApp... apps) {
    return new GitHubWebhook(
        List.of(apps), deliveries, queue, events, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private GitHubWebhook hello() {
    return webhook(app("hello", Optional.empty(), List.of()));
  }

  /** The signature GitHub computes, computed here independently of the code under test. */
  private static String signature(String secret, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
  }

  private Map<String, String> headers(String event, byte[] body) throws Exception {
    Map<String, String> headers = new HashMap<>();
    headers.put("X-GitHub-Event", event);
    headers.put("X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958-" + ++deliveryCount);
    headers.put("X-Hub-Signature-256", signature(SECRET, body));
    headers.put("Content-Type", "application/json");
    headers.put("User-Agent", "GitHub-Hookshot/044aadd");
    return headers;
  }

  private static byte[] push(String ref) {
    return Resources.text("github-push.json")
        .replace("\"ref\": \"refs/heads/main\"", "\"ref\": \"" + ref + "\"")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static JsonNode json(HttpReply reply) throws Exception {
    return JSON.readTree(reply.json());
  }

  @Test
  void aSignedPushToAFollowedBranchBuildsAndDeploysTheTagRulesVersion() throws Exception {
    byte[] body = push("refs/heads/main");

    HttpReply reply = hello().handle(headers("push", body), body);

    assertThat(reply.status()).isEqualTo(202);
    assertThat(queue.submitted())
        .containsExactly(
            new Trigger.GitPushed(
                "hello",
                "main-90dd603",
                "refs/heads/main",
                SHA,
                Trigger.GitPushed.Kind.BUILD_AND_DEPLOY,
                NOW));
    JsonNode submitted = json(reply).path("submitted").get(0);
    assertThat(submitted.path("kind").asText()).isEqualTo("build+deploy");
    assertThat(submitted.path("version").asText()).isEqualTo("main-90dd603");
    assertThat(events.of(TriggerEvent.Refused.class)).isEmpty();
  }

  @ParameterizedTest(name = "rules {0} → {1}")
  @CsvSource(
      delimiter = ';',
      textBlock =
          """
          type=sha                                                      ; sha-90dd603
          type=ref,event=branch                                         ; main
          type=raw,value=latest,enable={{is_default_branch}}            ; latest
          type=semver,pattern={{version}}                               ; sha-90dd603
          type=ref,event=branch,prefix={{sha}}-,enable=false            ; sha-90dd603
          """)
  void theBranchVersionComesFromTheAppsTagRulesOrIsShaOfTheCommit(String rule, String version)
      throws Exception {
    byte[] body = push("refs/heads/main");

    webhook(app("hello", Optional.empty(), List.of(rule))).handle(headers("push", body), body);

    assertThat(queue.submitted()).extracting(Trigger::version).containsExactly(version);
  }

  @ParameterizedTest(name = "{0} with range {1} → {2}")
  @CsvSource(
      delimiter = ';',
      nullValues = "-",
      textBlock =
          """
          refs/tags/v1.4.2      ; ^1.4 ; 1.4.2
          refs/tags/v1.4.2      ; -    ; v1.4.2
          refs/tags/v2.0.0      ; ^1.4 ; -
          refs/tags/v1.5.0-rc.1 ; ^1.4 ; -
          refs/tags/1.4.2       ; ^1.4 ; -
          refs/heads/release/2  ; -    ; release-2-90dd603
          refs/heads/feature/x  ; -    ; -
          refs/pull/12/merge    ; -    ; -
          """)
  void tagPushesDeployTheirVersionOtherPushesAreIgnored(String ref, String range, String version)
      throws Exception {
    byte[] body = push(ref);

    HttpReply reply =
        webhook(app("hello", Optional.ofNullable(range), List.of()))
            .handle(headers("push", body), body);

    assertThat(reply.status()).isEqualTo(202);
    if (version == null) {
      assertThat(queue.submitted()).isEmpty();
      assertThat(json(reply).path("ignored").asText()).isNotBlank();
      assertThat(events.of(TriggerEvent.Ignored.class)).hasSize(1);
    } else {
      assertThat(queue.submitted()).extracting(Trigger::version).containsExactly(version);
      Trigger.GitPushed pushed = (Trigger.GitPushed) queue.submitted().get(0);
      assertThat(pushed.kind())
          .isEqualTo(
              ref.startsWith("refs/tags/")
                  ? Trigger.GitPushed.Kind.DEPLOY
                  : Trigger.GitPushed.Kind.BUILD_AND_DEPLOY);
    }
  }

  @Test
  void explainsWhyATagIsIgnored() throws Exception {
    byte[] body = push("refs/tags/v2.0.0");

    HttpReply reply =
        webhook(app("hello", Optional.of("^1.4"), List.of())).handle(headers("push", body), body);

    assertThat(json(reply).path("ignored").asText())
        .isEqualTo("tag v2.0.0 is outside app hello's semver range");
  }

  @Test
  void aPingIsAnsweredOk() throws Exception {
    byte[] body = Resources.text("github-ping.json").getBytes(StandardCharsets.UTF_8);

    HttpReply reply = hello().handle(headers("ping", body), body);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(json(reply).path("event").asText()).isEqualTo("ping");
    assertThat(queue.submitted()).isEmpty();
  }

  @Test
  void otherEventsAndDeletedBranchesAreIgnored() throws Exception {
    byte[] issue = "{\"action\":\"opened\"}".getBytes(StandardCharsets.UTF_8);
    byte[] deleted =
        new String(push("refs/heads/main"), StandardCharsets.UTF_8)
            .replace("\"deleted\": false", "\"deleted\": true")
            .getBytes(StandardCharsets.UTF_8);

    HttpReply issues = hello().handle(headers("issues", issue), issue);
    HttpReply deletion = hello().handle(headers("push", deleted), deleted);

    assertThat(issues.status()).isEqualTo(202);
    assertThat(json(issues).path("ignored").asText())
        .isEqualTo("event issues is not followed (only push and ping)");
    assertThat(deletion.status()).isEqualTo(202);
    assertThat(json(deletion).path("ignored").asText()).isEqualTo("refs/heads/main was deleted");
    assertThat(queue.submitted()).isEmpty();
  }

  @Test
  void aOneByteChangeToTheBodyIsRefusedAsForged() throws Exception {
    byte[] body = push("refs/heads/main");
    Map<String, String> headers = headers("push", body);
    byte[] changed = body.clone();
    int at = new String(body, StandardCharsets.UTF_8).indexOf("90dd6032");
    changed[at] = (byte) '8';

    HttpReply reply = hello().handle(headers, changed);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(json(reply).path("error").asText())
        .isEqualTo(
            "the signature does not match: the body was changed, or the webhook's secret is not"
                + " the one in any app's github_secret_env");
    assertThat(queue.submitted()).isEmpty();
    assertThat(events.of(TriggerEvent.Refused.class))
        .singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo(401));
    // the untouched body with the same headers is accepted
    assertThat(hello().handle(headers, body).status()).isEqualTo(202);
  }

  @Test
  void aReplayedDeliveryIsRefusedAndSubmitsNothingMore() throws Exception {
    byte[] body = push("refs/heads/main");
    Map<String, String> headers = headers("push", body);
    GitHubWebhook webhook = hello();

    HttpReply first = webhook.handle(headers, body);
    HttpReply replay = webhook.handle(headers, body);

    assertThat(first.status()).isEqualTo(202);
    assertThat(replay.status()).isEqualTo(409);
    assertThat(json(replay).path("error").asText())
        .isEqualTo(
            "delivery "
                + headers.get("X-GitHub-Delivery")
                + " was already received: a replay is not acted on");
    assertThat(queue.submitted()).hasSize(1);
    assertThat(events.of(TriggerEvent.Refused.class))
        .extracting(TriggerEvent.Refused::status)
        .containsExactly(409);
  }

  @Test
  void aDeliveryRefusedForAnUnknownRepositoryIsNotRememberedAsSeen() throws Exception {
    byte[] body =
        new String(push("refs/heads/main"), StandardCharsets.UTF_8)
            .replace("acme/hello", "acme/other")
            .getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = headers("push", body);

    HttpReply reply = hello().handle(headers, body);

    assertThat(reply.status()).isEqualTo(404);
    assertThat(json(reply).path("error").asText())
        .isEqualTo("no app follows repository acme/other");
    assertThat(deliveries.firstTime(headers.get("X-GitHub-Delivery"), NOW)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      textBlock =
          """
          no event header     ; 400 ; missing header X-GitHub-Event: this endpoint takes GitHub webhook deliveries
          no delivery header  ; 400 ; missing header X-GitHub-Delivery: this endpoint takes GitHub webhook deliveries
          unsigned            ; 401 ; unsigned delivery: set a secret in the GitHub webhook
          sha1 signature      ; 401 ; malformed X-Hub-Signature-256: expected sha256=<64 hex digits>
          short signature     ; 401 ; malformed X-Hub-Signature-256: expected sha256=<64 hex digits>
          other secret        ; 401 ; the signature does not match
          form encoded        ; 415 ; form-encoded payload: set the webhook's content type to application/json
          not json            ; 400 ; the body is not JSON
          no after            ; 400 ; malformed push payload: the payload has no after
          bad after           ; 400 ; malformed push payload: after is not a 40-digit commit SHA: 90dd603
          no repository       ; 400 ; malformed push payload: the payload has no repository.full_name
          array payload       ; 400 ; malformed push payload: the payload is not a JSON object
          """)
  void refusesBadDeliveriesWithAClearErrorAndSubmitsNothing(String what, int status, String error)
      throws Exception {
    String text = Resources.text("github-push.json");
    String payload =
        switch (what) {
          case "not json" -> "{\"ref\": ";
          case "no after" -> text.replace("\"after\":", "\"after_\":");
          case "bad after" -> text.replace("\"after\": \"" + SHA + "\"", "\"after\": \"90dd603\"");
          case "no repository" -> text.replace("\"repository\":", "\"repo\":");
          case "array payload" -> "[]";
          default -> text;
        };
    byte[] body = payload.getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = headers("push", body);
    switch (what) {
      case "no event header" -> headers.remove("X-GitHub-Event");
      case "no delivery header" -> headers.remove("X-GitHub-Delivery");
      case "unsigned" -> headers.remove("X-Hub-Signature-256");
      case "sha1 signature" -> headers.put("X-Hub-Signature-256", "sha1=" + "a".repeat(40));
      case "short signature" -> headers.put("X-Hub-Signature-256", "sha256=abc");
      case "other secret" -> headers.put("X-Hub-Signature-256", signature("not " + SECRET, body));
      case "form encoded" -> headers.put("Content-Type", "application/x-www-form-urlencoded");
      default -> {}
    }

    HttpReply reply = hello().handle(headers, body);

    assertThat(reply.status()).isEqualTo(status);
    assertThat(json(reply).path("error").asText()).startsWith(error);
    assertThat(queue.submitted()).isEmpty();
    assertThat(events.of(TriggerEvent.Refused.class))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(status);
              assertThat(r.source()).isEqualTo("github");
              assertThat(r.reason()).doesNotContain(SECRET);
            });
  }

  @Test
  void readsHeadersInAnyCase() throws Exception {
    byte[] body = push("refs/heads/main");
    Map<String, String> lower = new HashMap<>();
    headers("push", body).forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));

    assertThat(hello().handle(lower, body).status()).isEqualTo(202);
    assertThat(queue.submitted()).hasSize(1);
  }

  @Test
  void onePushReachesEveryAppOfTheRepositoryThatItsSecretSigns() throws Exception {
    GitHubApp web = app("web", Optional.empty(), List.of("type=sha"));
    GitHubApp api = app("api", Optional.empty(), List.of("type=sha"));
    GitHubApp elsewhere =
        new GitHubApp(
            "elsewhere",
            Optional.empty(),
            web.policy(),
            Secret.of("a different secret"),
            web.tagRules());
    byte[] body = push("refs/heads/main");

    HttpReply reply = webhook(web, api, elsewhere).handle(headers("push", body), body);

    assertThat(reply.status()).isEqualTo(202);
    assertThat(queue.submitted()).extracting(Trigger::app).containsExactly("web", "api");
  }
}
