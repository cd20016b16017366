package dev.dray.registry;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Sends requests to registries through the chain auth → retry → user agent → network, choosing http
 * or https per host and resolving each host's credentials once.
 */
public final class RegistryTransport {
  private final CredentialResolver resolver;
  private final Set<String> insecureHosts;
  private final List<Interceptor> chain;
  private final RequestSender network;
  private final AuthInterceptor auth;
  private final TokenFetcher tokens;
  private final ConcurrentHashMap<String, CredentialLookup> lookups = new ConcurrentHashMap<>();

  private RegistryTransport(Builder builder) {
    this.resolver = builder.credentials;
    this.insecureHosts =
        builder.insecureHosts.stream().map(RegistryHosts::normalize).collect(Collectors.toSet());
    this.network = builder.network;
    this.tokens = new TokenFetcher(builder.clock);
    this.auth = new AuthInterceptor(this::credentials, tokens, new TokenCache(builder.clock));
    this.chain =
        List.of(
            auth,
            new RetryInterceptor(builder.retryPolicy, builder.sleeper, builder.clock),
            new UserAgentInterceptor(builder.userAgent));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code http} for loopback and insecure hosts, else {@code https}. */
  public String scheme(String registry) {
    String host = RegistryHosts.normalize(registry);
    return RegistryHosts.isLoopback(host) || insecureHosts.contains(host) ? "http" : "https";
  }

  /** The API root of a registry, e.g. {@code http://127.0.0.1:5000/v2/}. */
  public URI apiRoot(String registry) {
    return URI.create(scheme(registry) + "://" + RegistryHosts.apiHost(registry) + "/v2/");
  }

  /** The credentials for {@code registry}, resolved on first use and then remembered. */
  public CredentialLookup credentials(String registry) {
    return lookups.computeIfAbsent(RegistryHosts.normalize(registry), resolver::resolve);
  }

  /** Why authenticating at {@code registry} last failed, if it did. */
  public Optional<String> lastAuthRefusal(String registry) {
    return auth.lastRefusal(RegistryHosts.normalize(registry));
  }

  /**
   * Sends {@code request} through the whole chain.
   *
   * @throws RegistryUnreachableException when the registry or its token service cannot be reached
   *     after all retries
   */
  public RegistryResponse execute(RegistryRequest request) {
    return run(0, request);
  }

  /**
   * The challenge the registry answers an anonymous {@code GET /v2/} with; empty when it lets
   * anonymous clients in.
   */
  public Optional<AuthChallenge> challenge(String registry) {
    RegistryRequest ping = RegistryRequest.of("GET", apiRoot(registry), normalized(registry));
    RegistryResponse response = run(1, ping);
    if (response.status() == 401) {
      return AuthChallenge.select(response.headers("WWW-Authenticate"))
          .or(() -> Optional.of(new AuthChallenge.Unknown("(none)")));
    }
    if (!response.isSuccessful()) {
      throw new RegistryResponseException(
          "GET", response.status(), ping.uri().toString(), response.bodyExcerpt());
    }
    return Optional.empty();
  }

  /** Asks the token service named in {@code challenge} for a token with {@code scope}. */
  TokenOutcome requestToken(String registry, AuthChallenge.Bearer challenge, String scope) {
    String host = normalized(registry);
    try {
      return tokens.fetch(
          request -> InterceptorChain.run(chain, 1, network, request),
          host,
          challenge,
          Optional.of(scope),
          credentials(host).credential());
    } catch (IOException e) {
      throw unreachable(host, URI.create(challenge.realm()), e);
    }
  }

  private RegistryResponse run(int from, RegistryRequest request) {
    try {
      return InterceptorChain.run(chain, from, network, request);
    } catch (IOException e) {
      throw unreachable(request.registry(), request.uri(), e);
    }
  }

  private static RegistryUnreachableException unreachable(String host, URI uri, IOException e) {
    URI failed = e instanceof ConnectionFailure failure ? failure.uri() : uri;
    String text = ConnectionFailure.describe(e);
    return new RegistryUnreachableException(host, withoutQuery(failed), text, e);
  }

  private static String withoutQuery(URI uri) {
    String text = uri.toString();
    int query = text.indexOf('?');
    return query >= 0 ? text.substring(0, query) : text;
  }

  private static String normalized(String registry) {
    return RegistryHosts.normalize(registry);
  }

  /** Settings for a {@link RegistryTransport}; every one has a sensible default. */
  public static final class Builder {
    private CredentialResolver credentials = CredentialResolver.anonymous();
    private Set<String> insecureHosts = Set.of();
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Sleeper sleeper = Sleeper.system();
    private String userAgent = "dray";
    private Clock clock = Clock.systemUTC();
    private RequestSender network;

    private Builder() {}

    public Builder credentials(CredentialResolver resolver) {
      this.credentials = Objects.requireNonNull(resolver);
      return this;
    }

    /** Hosts (host[:port]) spoken to over plain http; loopback hosts always are. */
    public Builder insecureHosts(Set<String> hosts) {
      this.insecureHosts = Set.copyOf(hosts);
      return this;
    }

    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy);
      return this;
    }

    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper);
      return this;
    }

    public Builder userAgent(String userAgent) {
      if (userAgent == null || userAgent.isBlank()) {
        throw new IllegalArgumentException("user agent is blank");
      }
      this.userAgent = userAgent;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** The network end of the chain; by default {@code java.net.http}. For fault injection. */
    Builder network(RequestSender network) {
      this.network = Objects.requireNonNull(network);
      return this;
    }

    public RegistryTransport build() {
      if (network == null) {
        network = new JdkHttpSender();
      }
      return new RegistryTransport(this);
    }
  }
}
