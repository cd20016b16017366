package dev.dray.engine;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * Reads protobuf wire format field by field: varints, length-delimited values, and skips fixed
 * 32/64-bit values. Just enough for BuildKit's status messages, without a protobuf dependency.
 */
final class ProtoReader {
  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LENGTH_DELIMITED = 2;
  static final int FIXED32 = 5;

  private final byte[] bytes;
  private final int end;
  private int pos;
  private int tag;

  ProtoReader(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  private ProtoReader(byte[] bytes, int start, int end) {
    this.bytes = bytes;
    this.pos = start;
    this.end = end;
  }

  /** Advances to the next field; false at the end of the message. */
  boolean next() {
    if (pos >= end) {
      return false;
    }
    long key = readVarint();
    tag = (int) key;
    if (field() == 0) {
      throw new ProtoFormatException("field number 0 at offset " + pos);
    }
    return true;
  }

  int field() {
    return tag >>> 3;
  }

  int wireType() {
    return tag & 7;
  }

  long varint() {
    expect(VARINT);
    return readVarint();
  }

  boolean bool() {
    return varint() != 0;
  }

  byte[] bytes() {
    expect(LENGTH_DELIMITED);
    int length = length();
    byte[] value = Arrays.copyOfRange(bytes, pos, pos + length);
    pos += length;
    return value;
  }

  String string() {
    return new String(bytes(), StandardCharsets.UTF_8);
  }

  /** The current length-delimited field as an embedded message. */
  ProtoReader message() {
    expect(LENGTH_DELIMITED);
    int length = length();
    ProtoReader sub = new ProtoReader(bytes, pos, pos + length);
    pos += length;
    return sub;
  }

  /** The current field as a {@code google.protobuf.Timestamp} (seconds=1, nanos=2). */
  Instant timestamp() {
    ProtoReader ts = message();
    long seconds = 0;
    long nanos = 0;
    while (ts.next()) {
      switch (ts.field()) {
        case 1 -> seconds = ts.varint();
        case 2 -> nanos = ts.varint();
        default -> ts.skip();
      }
    }
    return Instant.ofEpochSecond(seconds, nanos);
  }

  /** Skips the current field's value, whatever its wire type. */
  void skip() {
    switch (wireType()) {
      case VARINT -> readVarint();
      case FIXED64 -> advance(8);
      case LENGTH_DELIMITED -> advance(length());
      case FIXED32 -> advance(4);
      default ->
          throw new ProtoFormatException(
              "unsupported wire type " + wireType() + " for field " + field());
    }
  }

  private void expect(int wireType) {
    if (wireType() != wireType) {
      throw new ProtoFormatException(
          "field " + field() + " has wire type " + wireType() + ", expected " + wireType);
    }
  }

  private int length() {
    long length = readVarint();
    if (length < 0 || length > end - pos) {
      throw new ProtoFormatException("length " + length + " runs past the message end");
    }
    return (int) length;
  }

  private void advance(int n) {
    if (n > end - pos) {
      throw new ProtoFormatException("truncated message");
    }
    pos += n;
  }

  private long readVarint() {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos >= end) {
        throw new ProtoFormatException("truncated varint");
      }
      byte b = bytes[pos++];
      result |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw new ProtoFormatException("varint longer than 10 bytes");
  }

  /** Bytes that are not valid protobuf wire format. */
  static final class ProtoFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    ProtoFormatException(String message) {
      super(message);
    }
  }
}
