package dev.dray.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy =
      new RetryPolicy(6, Duration.ofMillis(400), Duration.ofSeconds(2));

  @Test
  void doublesTheDelayUpToTheMaximum() {
    assertThat(policy.backoff(1, 1.0)).isEqualTo(Duration.ofMillis(400));
    assertThat(policy.backoff(2, 1.0)).isEqualTo(Duration.ofMillis(800));
    assertThat(policy.backoff(3, 1.0)).isEqualTo(Duration.ofMillis(1600));
    assertThat(policy.backoff(4, 1.0)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.backoff(30, 1.0)).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void jitterKeepsTheDelayInTheUpperHalf() {
    assertThat(policy.backoff(2, 0.0)).isEqualTo(Duration.ofMillis(400));
    assertThat(policy.backoff(2, 0.5)).isEqualTo(Duration.ofMillis(600));
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attempts");
    assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(5), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("initial <= max");
  }
}
