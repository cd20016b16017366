package dev.dray.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A client of haproxy's runtime API on its admin unix socket: one command line per connection,
 * answered until haproxy closes the connection. Several commands on one line, separated by {@code
 * ;}, run one after the other in a single pass.
 */
final class RuntimeApi {
  private final Path socket;
  private final Duration timeout;

  RuntimeApi(Path socket, Duration timeout) {
    this.socket = socket;
    this.timeout = timeout;
  }

  Path socket() {
    return socket;
  }

  /**
   * Sends {@code commandLine} and returns haproxy's whole answer.
   *
   * @throws ProxyNotRunningException when nothing accepts the connection
   * @throws ProxyCommandException when the answer does not end within the timeout
   */
  String execute(String commandLine) {
    if (commandLine.indexOf('\n') >= 0 || commandLine.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("a runtime command is one line: " + commandLine);
    }
    SocketChannel channel;
    try {
      channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    } catch (IOException e) {
      throw new ProxyNotRunningException(socket, "cannot open a unix socket: " + e.getMessage());
    }
    try (channel) {
      try {
        channel.connect(UnixDomainSocketAddress.of(socket));
      } catch (IOException e) {
        throw new ProxyNotRunningException(socket, describe(e));
      }
      return exchange(channel, commandLine);
    } catch (IOException e) {
      throw new ProxyCommandException(commandLine, describe(e), e);
    }
  }

  /** Whether haproxy answers at all. */
  boolean answers() {
    try {
      execute("show info");
      return true;
    } catch (ProxyException e) {
      return false;
    }
  }

  private String exchange(SocketChannel channel, String commandLine) throws IOException {
    ByteBuffer request = ByteBuffer.wrap((commandLine + "\n").getBytes(StandardCharsets.UTF_8));
    while (request.hasRemaining()) {
      channel.write(request);
    }
    channel.configureBlocking(false);
    long deadline = System.nanoTime() + timeout.toNanos();
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
    try (Selector selector = Selector.open()) {
      channel.register(selector, SelectionKey.OP_READ);
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new ProxyCommandException(
              commandLine, "no complete answer within " + timeout.toMillis() + " ms");
        }
        selector.select(Math.max(1, left / 1_000_000));
        selector.selectedKeys().clear();
        int read;
        while ((read = channel.read(buffer)) > 0) {
          answer.write(buffer.array(), 0, buffer.position());
          buffer.clear();
        }
        if (read < 0) {
          return answer.toString(StandardCharsets.UTF_8);
        }
      }
    }
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
