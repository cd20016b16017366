package dev.dray.proxy;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A bare HTTP/1.1 client on one keep-alive connection to 127.0.0.1, with no retry of its own (JDK
 * clients silently retry some failed GETs, which would hide a dropped request). A failed request
 * closes the connection; the next one opens a new connection.
 */
final class KeepAliveClient implements AutoCloseable {
  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  KeepAliveClient(int port) {
    this.port = port;
  }

  /** One-shot GET on a fresh connection. */
  static Response get(int port, String path) throws IOException {
    try (KeepAliveClient client = new KeepAliveClient(port)) {
      return client.send(path);
    }
  }

  /** Sends a GET on the kept connection; any transport failure closes it and is thrown. */
  Response send(String path) throws IOException {
    try {
      if (socket == null) {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
      }
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
      Response response = read();
      if (response.closes()) {
        close();
      }
      return response;
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  private Response read() throws IOException {
    String statusLine = line();
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP response: '" + statusLine + "'");
    }
    int status = Integer.parseInt(parts[1]);
    int length = -1;
    boolean closes = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      String lower = header.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Integer.parseInt(lower.substring(15).strip());
      } else if (lower.startsWith("connection:") && lower.contains("close")) {
        closes = true;
      }
    }
    if (length < 0) {
      throw new IOException("response without content-length");
    }
    byte[] body = in.readNBytes(length);
    if (body.length < length) {
      throw new IOException("connection closed in the body");
    }
    return new Response(status, new String(body, StandardCharsets.UTF_8), closes);
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed by the server");
      }
      if (b == '\n') {
        break;
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing a failed connection
      }
      socket = null;
    }
  }

  /** A response: status, body, and whether the server closes the connection after it. */
  record Response(int status, String body, boolean closes) {}
}
