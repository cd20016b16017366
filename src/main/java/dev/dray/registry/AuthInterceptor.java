package dev.dray.registry;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Answers a registry's 401 challenge and retries the request once: basic credentials for {@code
 * Basic}, a token from the realm for {@code Bearer} (cached per scope until it expires). Sends what
 * worked before up front on later requests, so a warm client rarely sees a 401.
 */
final class AuthInterceptor implements Interceptor {
  private static final String AUTHORIZATION = "Authorization";

  private final Function<String, CredentialLookup> credentials;
  private final TokenFetcher fetcher;
  private final TokenCache tokens;
  private final Set<String> basicRegistries = ConcurrentHashMap.newKeySet();
  private final ConcurrentHashMap<String, String> lastRefusal = new ConcurrentHashMap<>();

  AuthInterceptor(
      Function<String, CredentialLookup> credentials, TokenFetcher fetcher, TokenCache tokens) {
    this.credentials = credentials;
    this.fetcher = fetcher;
    this.tokens = tokens;
  }

  /** Why the last attempt to authenticate at {@code registry} failed, if it did. */
  Optional<String> lastRefusal(String registry) {
    return Optional.ofNullable(lastRefusal.get(registry));
  }

  @Override
  public RegistryResponse intercept(Chain chain) throws IOException {
    RegistryRequest request = chain.request();
    if (request.header(AUTHORIZATION).isPresent()) {
      return chain.proceed(request);
    }
    Optional<String> upFront = upFront(request);
    RegistryResponse response =
        chain.proceed(upFront.map(h -> request.withHeader(AUTHORIZATION, h)).orElse(request));
    if (response.status() != 401) {
      return response;
    }
    lastRefusal.remove(request.registry());
    Optional<AuthChallenge> challenge = AuthChallenge.select(response.headers("WWW-Authenticate"));
    if (challenge.isEmpty()) {
      return response;
    }
    Optional<String> answer =
        switch (challenge.get()) {
          case AuthChallenge.Basic basic -> basic(request.registry());
          case AuthChallenge.Bearer bearer -> bearer(chain, request, bearer, upFront);
          case AuthChallenge.Unknown unknown -> {
            lastRefusal.put(
                request.registry(), "the registry asks for unsupported auth " + unknown.scheme());
            yield Optional.empty();
          }
        };
    if (answer.isEmpty()) {
      return response;
    }
    if (answer.equals(upFront)) {
      rejected(request.registry());
      return response;
    }
    RegistryResponse retried = chain.proceed(request.withHeader(AUTHORIZATION, answer.get()));
    if (retried.status() == 401) {
      rejected(request.registry());
    } else {
      lastRefusal.remove(request.registry());
    }
    return retried;
  }

  private void rejected(String registry) {
    CredentialLookup lookup = credentials.apply(registry);
    lastRefusal.put(
        registry,
        lookup.credential().isPresent()
            ? "the registry answered 401 to the credentials from " + lookup.source()
            : "the registry answered 401 to an anonymous token");
  }

  private Optional<String> upFront(RegistryRequest request) {
    if (basicRegistries.contains(request.registry())) {
      return basic(request.registry());
    }
    return tokens
        .get(request.registry(), request.scope().orElse(""))
        .map(BearerToken::authorizationHeader);
  }

  private Optional<String> basic(String registry) {
    CredentialLookup lookup = credentials.apply(registry);
    if (lookup.credential().orElse(null) instanceof Credential.Basic basic) {
      basicRegistries.add(registry);
      return Optional.of(basic.authorizationHeader());
    }
    lastRefusal.put(
        registry,
        lookup.credential().isEmpty()
            ? "the registry wants basic auth and no credentials were found"
            : "the registry wants basic auth but the credential from "
                + lookup.source()
                + " is an identity token");
    return Optional.empty();
  }

  private Optional<String> bearer(
      Chain chain, RegistryRequest request, AuthChallenge.Bearer challenge, Optional<String> sent)
      throws IOException {
    String registry = request.registry();
    String scope = challenge.scope().or(request::scope).orElse("");
    Optional<BearerToken> cached =
        tokens.get(registry, scope).filter(t -> !sent.equals(Optional.of(t.authorizationHeader())));
    if (cached.isPresent()) {
      return cached.map(BearerToken::authorizationHeader);
    }
    TokenOutcome outcome =
        fetcher.fetch(
            chain::proceed,
            registry,
            challenge,
            scope.isEmpty() ? Optional.empty() : Optional.of(scope),
            credentials.apply(registry).credential());
    return switch (outcome) {
      case TokenOutcome.Issued issued -> {
        tokens.put(registry, scope, issued.token());
        request.scope().ifPresent(hint -> tokens.put(registry, hint, issued.token()));
        yield Optional.of(issued.token().authorizationHeader());
      }
      case TokenOutcome.Refused refused -> {
        lastRefusal.put(registry, refused.reason());
        yield Optional.empty();
      }
    };
  }
}
