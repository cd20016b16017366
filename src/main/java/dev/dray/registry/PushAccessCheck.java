package dev.dray.registry;

import dev.dray.image.ImageRef;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds out whether a client may push to a repository without pushing anything: reads the grant of
 * a push,pull bearer token, or opens a blob upload and cancels it.
 */
final class PushAccessCheck {
  private final RegistryClient client;
  private final RegistryTransport transport;

  PushAccessCheck(RegistryClient client, RegistryTransport transport) {
    this.client = client;
    this.transport = transport;
  }

  PushAccess check(ImageRef repo) {
    String host = RegistryHosts.normalize(repo.registry());
    try {
      Optional<AuthChallenge> challenge = transport.challenge(host);
      if (challenge.orElse(null) instanceof AuthChallenge.Bearer bearer) {
        return viaToken(repo, host, bearer);
      }
      return viaUpload(repo, host);
    } catch (RegistryUnreachableException e) {
      return new PushAccess.Unreachable(e.getMessage());
    } catch (RegistryAuthException e) {
      return new PushAccess.Unauthorized(e.reason(), e.attempts());
    } catch (RegistryResponseException e) {
      return e.status() >= 500
          ? new PushAccess.Unreachable(e.getMessage())
          : new PushAccess.Unauthorized(e.getMessage(), attempts(host));
    }
  }

  private PushAccess viaToken(ImageRef repo, String host, AuthChallenge.Bearer bearer) {
    String name = repo.repository();
    TokenOutcome outcome =
        transport.requestToken(host, bearer, "repository:" + name + ":push,pull");
    return switch (outcome) {
      case TokenOutcome.Refused refused ->
          new PushAccess.Unauthorized(refused.reason() + " (" + who(host) + ")", attempts(host));
      case TokenOutcome.Issued issued -> {
        Optional<Set<String>> actions =
            TokenClaims.repositoryActions(issued.token().token().reveal(), name);
        if (actions.isEmpty()) {
          yield viaUpload(repo, host);
        }
        if (actions.get().contains("push")) {
          yield new PushAccess.Ok(
              "token grants " + actions.get() + " on " + name + " to " + who(host));
        }
        yield new PushAccess.Unauthorized(
            "token grants only " + actions.get() + " on " + name + " to " + who(host),
            attempts(host));
      }
    };
  }

  private PushAccess viaUpload(ImageRef repo, String host) {
    URI session = client.openUpload(repo);
    try {
      client.cancelUpload(repo, session);
    } catch (RegistryException e) {
      // the session expires on its own; the push right is what was asked
    }
    return new PushAccess.Ok(
        "opened and cancelled a blob upload on " + repo.repository() + " as " + who(host));
  }

  private String who(String host) {
    CredentialLookup lookup = transport.credentials(host);
    return lookup.credential().isPresent() ? "credentials from " + lookup.source() : "anonymous";
  }

  private List<String> attempts(String host) {
    return transport.credentials(host).attempts();
  }
}
