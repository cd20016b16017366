package dev.dray.store;

import static dev.dray.store.Deploys.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookDeliveriesTest {
  @TempDir Path dir;

  @Test
  void answersFirstTimeOnlyOncePerDeliveryEvenAfterReopening() {
    Path file = dir.resolve("dray.db");
    try (Store store = Store.open(file)) {
      assertThat(store.deliveries().firstTime("72d3162e-cc78-11e3-81ab-4c9367dc0958", T0)).isTrue();
      assertThat(store.deliveries().firstTime("72d3162e-cc78-11e3-81ab-4c9367dc0958", T0))
          .isFalse();
      assertThat(store.deliveries().firstTime("another", T0)).isTrue();
    }
    try (Store store = Store.open(file)) {
      assertThat(store.deliveries().firstTime("72d3162e-cc78-11e3-81ab-4c9367dc0958", T0))
          .isFalse();
    }
  }

  @Test
  void forgetsOnlyDeliveriesSeenBeforeTheCutOff() {
    try (Store store = Store.open(dir.resolve("dray.db"))) {
      store.deliveries().firstTime("old", T0);
      store.deliveries().firstTime("new", T0.plusSeconds(3600));

      assertThat(store.deliveries().forgetBefore(T0.plusSeconds(60))).isEqualTo(1);

      assertThat(store.deliveries().firstTime("old", T0.plusSeconds(7200))).isTrue();
      assertThat(store.deliveries().firstTime("new", T0.plusSeconds(7200))).isFalse();
    }
  }
}
