package dev.dray.store;

import static dev.dray.store.Deploys.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokensTest {
  private static final String HASH_A = "a".repeat(64);
  private static final String HASH_B = "0123456789abcdef".repeat(4);

  @TempDir Path dir;
  private Store store;

  @BeforeEach
  void openStore() {
    store = Store.open(dir.resolve("dray.db"));
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void createsATokenOnlyWhenNoneOfThatNameExists() {
    ApiTokenRecord first = new ApiTokenRecord("default", HASH_A, T0);

    assertThat(store.tokens().createIfAbsent(first)).isTrue();
    assertThat(store.tokens().createIfAbsent(new ApiTokenRecord("default", HASH_B, T0))).isFalse();

    assertThat(store.tokens().find("default")).contains(first);
  }

  @Test
  void replacingATokenDropsTheOldHash() {
    store.tokens().createIfAbsent(new ApiTokenRecord("default", HASH_A, T0));
    ApiTokenRecord rotated = new ApiTokenRecord("default", HASH_B, T0.plusSeconds(60));

    store.tokens().replace(rotated);

    assertThat(store.tokens().find("default")).contains(rotated);
  }

  @Test
  void replaceCreatesATokenWhenThereIsNone() {
    ApiTokenRecord token = new ApiTokenRecord("ci", HASH_B, T0);

    store.tokens().replace(token);

    assertThat(store.tokens().find("ci")).contains(token);
    assertThat(store.tokens().find("default")).isEmpty();
  }

  @Test
  void exactlyOneOfTwoRacingCreatorsWins() throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<Boolean>> racers =
          List.of(
              () -> {
                start.await();
                return store.tokens().createIfAbsent(new ApiTokenRecord("default", HASH_A, T0));
              },
              () -> {
                start.await();
                return store.tokens().createIfAbsent(new ApiTokenRecord("default", HASH_B, T0));
              });
      List<Boolean> won = pool.invokeAll(racers).stream().map(ApiTokensTest::get).toList();

      assertThat(won).containsExactlyInAnyOrder(true, false);
      String kept = store.tokens().find("default").orElseThrow().sha256();
      assertThat(kept).isEqualTo(won.get(0) ? HASH_A : HASH_B);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void refusesAHashThatIsNotSha256Hex() {
    assertThatThrownBy(() -> new ApiTokenRecord("default", "not-a-hash", T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("64 lowercase hex digits")
        .hasMessageNotContaining("not-a-hash");
  }

  private static <T> T get(Future<T> f) {
    try {
      return f.get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
