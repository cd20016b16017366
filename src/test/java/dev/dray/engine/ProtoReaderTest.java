package dev.dray.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProtoReaderTest {

  @Test
  void readsVarintsOfEverySize() {
    byte[] bytes =
        new ProtoWriter()
            .varint(1, 0)
            .varint(2, 300)
            .varint(3, Long.MAX_VALUE)
            .varint(4, -1L)
            .toBytes();
    ProtoReader r = new ProtoReader(bytes);

    assertThat(r.next()).isTrue();
    assertThat(r.field()).isEqualTo(1);
    assertThat(r.varint()).isZero();
    r.next();
    assertThat(r.varint()).isEqualTo(300);
    r.next();
    assertThat(r.varint()).isEqualTo(Long.MAX_VALUE);
    r.next();
    assertThat(r.field()).isEqualTo(4);
    assertThat(r.varint()).isEqualTo(-1L);
    assertThat(r.next()).isFalse();
  }

  @Test
  void readsStringsAndEmbeddedMessages() {
    byte[] bytes =
        new ProtoWriter()
            .string(1, "héllo")
            .message(2, new ProtoWriter().string(1, "inner").varint(2, 7))
            .toBytes();
    ProtoReader r = new ProtoReader(bytes);

    r.next();
    assertThat(r.string()).isEqualTo("héllo");
    r.next();
    ProtoReader inner = r.message();
    inner.next();
    assertThat(inner.string()).isEqualTo("inner");
    inner.next();
    assertThat(inner.varint()).isEqualTo(7);
    assertThat(inner.next()).isFalse();
    assertThat(r.next()).isFalse();
  }

  @Test
  void readsTimestamps() {
    Instant at = Instant.parse("2026-11-22T05:31:08.356751407Z");
    ProtoReader r = new ProtoReader(new ProtoWriter().timestamp(5, at).toBytes());

    r.next();

    assertThat(r.timestamp()).isEqualTo(at);
  }

  @Test
  void skipsFieldsOfEveryWireType() {
    byte[] bytes =
        new ProtoWriter()
            .fixed64(9, 123456789L)
            .fixed32(10, 42)
            .string(11, "ignored")
            .varint(12, 99999)
            .string(1, "kept")
            .toBytes();
    ProtoReader r = new ProtoReader(bytes);
    String kept = null;
    while (r.next()) {
      if (r.field() == 1) {
        kept = r.string();
      } else {
        r.skip();
      }
    }

    assertThat(kept).isEqualTo("kept");
  }

  @Test
  void rejectsALengthRunningPastTheEnd() {
    byte[] bytes = new ProtoWriter().string(1, "abcdef").toBytes();
    byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 2);
    ProtoReader r = new ProtoReader(truncated);
    r.next();

    assertThatThrownBy(r::string)
        .isInstanceOf(ProtoReader.ProtoFormatException.class)
        .hasMessageContaining("past the message end");
  }

  @Test
  void rejectsATruncatedVarint() {
    ProtoReader r = new ProtoReader(new byte[] {0x08, (byte) 0x80});
    r.next();

    assertThatThrownBy(r::varint).hasMessageContaining("truncated varint");
  }

  @Test
  void rejectsAWrongWireTypeForTheRequestedValue() {
    ProtoReader r = new ProtoReader(new ProtoWriter().varint(1, 5).toBytes());
    r.next();

    assertThatThrownBy(r::string).hasMessageContaining("wire type 0, expected 2");
  }

  @Test
  void rejectsDeprecatedGroupWireTypes() {
    ProtoReader r = new ProtoReader(new byte[] {(byte) ((1 << 3) | 3)});
    r.next();

    assertThatThrownBy(r::skip).hasMessageContaining("unsupported wire type 3");
  }
}
