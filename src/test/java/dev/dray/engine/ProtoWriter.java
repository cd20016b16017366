package dev.dray.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** A tiny protobuf encoder for tests: builds the wire bytes BuildKit would send. */
final class ProtoWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  ProtoWriter varint(int field, long value) {
    key(field, 0);
    raw(value);
    return this;
  }

  ProtoWriter bytes(int field, byte[] value) {
    key(field, 2);
    raw(value.length);
    out.writeBytes(value);
    return this;
  }

  ProtoWriter string(int field, String value) {
    return bytes(field, value.getBytes(StandardCharsets.UTF_8));
  }

  ProtoWriter message(int field, ProtoWriter message) {
    return bytes(field, message.toBytes());
  }

  ProtoWriter timestamp(int field, Instant at) {
    return message(field, new ProtoWriter().varint(1, at.getEpochSecond()).varint(2, at.getNano()));
  }

  ProtoWriter fixed64(int field, long value) {
    key(field, 1);
    for (int i = 0; i < 8; i++) {
      out.write((int) (value >>> (8 * i)));
    }
    return this;
  }

  ProtoWriter fixed32(int field, int value) {
    key(field, 5);
    for (int i = 0; i < 4; i++) {
      out.write(value >>> (8 * i));
    }
    return this;
  }

  byte[] toBytes() {
    return out.toByteArray();
  }

  private void key(int field, int wireType) {
    raw(((long) field << 3) | wireType);
  }

  private void raw(long value) {
    while ((value & ~0x7fL) != 0) {
      out.write((int) ((value & 0x7f) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
  }
}
