package dev.dray.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dray.Secret;
import dev.dray.store.ApiTokenRecord;
import dev.dray.store.ApiTokens;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenAuthorityTest {
  private final InMemoryTokens tokens = new InMemoryTokens();
  private final TokenAuthority authority =
      new TokenAuthority(
          tokens,
          new SecureRandom(),
          Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));

  @Test
  void makesA32ByteBase64UrlTokenOnlyWhenThereIsNone() {
    Optional<Secret> first = authority.createIfMissing();
    Optional<Secret> second = authority.createIfMissing();

    assertThat(first).isPresent();
    assertThat(Base64.getUrlDecoder().decode(first.get().reveal())).hasSize(32);
    assertThat(second).isEmpty();
  }

  @Test
  void keepsOnlyTheSha256OfTheToken() {
    Secret token = authority.createIfMissing().orElseThrow();

    ApiTokenRecord kept = tokens.find(ApiTokenRecord.DEFAULT).orElseThrow();
    assertThat(kept.sha256())
        .isEqualTo(TokenAuthority.sha256Hex(token.reveal()))
        .doesNotContain(token.reveal());
    assertThat(kept.createdAt()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
  }

  @Test
  void acceptsTheTokenAndNothingElse() {
    String token = authority.createIfMissing().orElseThrow().reveal();

    assertThat(authority.accepts(token)).isTrue();
    assertThat(authority.accepts(token + "x")).isFalse();
    assertThat(authority.accepts(token.substring(1))).isFalse();
    assertThat(authority.accepts("")).isFalse();
    assertThat(authority.accepts(null)).isFalse();
  }

  @Test
  void acceptsNothingBeforeATokenExists() {
    assertThat(authority.accepts("anything")).isFalse();
  }

  @Test
  void rotationMakesTheOldTokenStopWorking() {
    String old = authority.createIfMissing().orElseThrow().reveal();

    String rotated = authority.rotate().reveal();

    assertThat(rotated).isNotEqualTo(old);
    assertThat(authority.accepts(old)).isFalse();
    assertThat(authority.accepts(rotated)).isTrue();
  }

  @Test
  void neverShowsTheTokenInToString() {
    Secret token = authority.rotate();

    assertThat(token.toString()).doesNotContain(token.reveal());
  }

  @Test
  void hashesLikeSha256() {
    // SHA-256("abc") from FIPS 180-2
    assertThat(TokenAuthority.sha256Hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  private static final class InMemoryTokens implements ApiTokens {
    private final Map<String, ApiTokenRecord> byName = new HashMap<>();

    @Override
    public boolean createIfAbsent(ApiTokenRecord token) {
      return byName.putIfAbsent(token.name(), token) == null;
    }

    @Override
    public void replace(ApiTokenRecord token) {
      byName.put(token.name(), token);
    }

    @Override
    public Optional<ApiTokenRecord> find(String name) {
      return Optional.ofNullable(byName.get(name));
    }
  }
}
