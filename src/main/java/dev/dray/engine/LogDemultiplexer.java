package dev.dray.engine;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Reads the lines of a container's log answer. Without a TTY the engine multiplexes stdout and
 * stderr into frames, each an 8-byte header (stream type, three zero bytes, big-endian payload
 * length) followed by the payload; with a TTY it sends the raw bytes.
 */
final class LogDemultiplexer {
  private static final int HEADER = 8;
  private static final int STREAMS = 3;

  private final int limit;
  private final Deque<String> lines = new ArrayDeque<>();
  private final ByteArrayOutputStream[] partial = new ByteArrayOutputStream[STREAMS];

  private LogDemultiplexer(int limit) {
    this.limit = limit;
    for (int i = 0; i < STREAMS; i++) {
      partial[i] = new ByteArrayOutputStream();
    }
  }

  /**
   * The lines of a log answer in the order they were written, keeping the last {@code limit}; a
   * negative limit keeps every line.
   *
   * @param tty whether the container has a TTY (raw bytes, no frames)
   * @throws IOException when the answer breaks off or a frame header is malformed
   */
  static List<String> lines(InputStream in, boolean tty, int limit) throws IOException {
    LogDemultiplexer reader = new LogDemultiplexer(limit);
    if (tty) {
      reader.raw(in);
    } else {
      reader.frames(in);
    }
    return reader.result();
  }

  private void raw(InputStream in) throws IOException {
    byte[] buffer = new byte[8192];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      append(0, buffer, n);
    }
  }

  private void frames(InputStream in) throws IOException {
    byte[] header = new byte[HEADER];
    while (true) {
      int read = in.readNBytes(header, 0, HEADER);
      if (read == 0) {
        return;
      }
      if (read < HEADER) {
        throw new EOFException("the log stream ended inside a frame header");
      }
      int stream = header[0];
      if (stream < 0 || stream >= STREAMS || header[1] != 0 || header[2] != 0 || header[3] != 0) {
        throw new IOException("not a multiplexed log stream (frame header " + hex(header) + ")");
      }
      long size =
          (header[4] & 0xffL) << 24
              | (header[5] & 0xffL) << 16
              | (header[6] & 0xffL) << 8
              | header[7] & 0xffL;
      byte[] payload = in.readNBytes((int) Math.min(size, Integer.MAX_VALUE));
      if (payload.length < size) {
        throw new EOFException("the log stream ended inside a frame");
      }
      append(stream, payload, payload.length);
    }
  }

  private void append(int stream, byte[] bytes, int length) {
    ByteArrayOutputStream current = partial[stream];
    for (int i = 0; i < length; i++) {
      if (bytes[i] == '\n') {
        add(current);
      } else {
        current.write(bytes[i]);
      }
    }
  }

  private void add(ByteArrayOutputStream current) {
    String line = current.toString(StandardCharsets.UTF_8);
    current.reset();
    lines.addLast(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    if (limit >= 0 && lines.size() > limit) {
      lines.removeFirst();
    }
  }

  private List<String> result() {
    for (ByteArrayOutputStream current : partial) {
      if (current.size() > 0) {
        add(current);
      }
    }
    return List.copyOf(lines);
  }

  private static String hex(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (byte b : bytes) {
      sb.append(String.format("%02x", b & 0xff));
    }
    return sb.toString();
  }
}
